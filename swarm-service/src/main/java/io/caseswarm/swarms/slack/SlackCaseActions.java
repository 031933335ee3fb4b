package io.caseswarm.swarms.slack;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.domain.MemberStatus;
import io.caseswarm.swarms.projection.SwarmView;
import io.caseswarm.swarms.service.SwarmCommands;

/**
 * The swarm message's "Notify customer" and "Resolve case" buttons: each opens a modal, and its submission
 * asks case-service (through a swarm event, never a call) to write to the customer or resolve the case as
 * the linked person. Roles as case-service's REST API wants them (agent or lead), object rules as
 * {@link SwarmCommands#requestCustomerUpdate} and {@link SwarmCommands#requestResolution} say. What
 * case-service refuses later comes back as {@code case-swarm-action-refused} ({@link SlackCaseActionRefusals}).
 */
@ApplicationScoped
public class SlackCaseActions {

    static final String NOTIFY_CALLBACK = "swarm_notify_customer";
    static final String RESOLVE_CALLBACK = "swarm_resolve_case";
    static final String TEXT_BLOCK = "case_text";
    static final String TEXT_INPUT = "text";
    /** The longest public message and resolution summary case-service takes (MessageRequest, ResolveRequest). */
    static final int MAX_MESSAGE = 20_000;
    static final int MAX_SUMMARY = 10_000;
    /** Slack's own ceiling for a plain_text_input's max_length. */
    private static final int SLACK_INPUT_MAX = 3_000;

    private final SlackApp slack;
    private final SlackUsers users;
    private final SwarmCommands swarms;
    private final ObjectMapper json;

    SlackCaseActions(SlackApp slack, SlackUsers users, SwarmCommands swarms, ObjectMapper json) {
        this.slack = slack;
        this.users = users;
        this.swarms = swarms;
        this.json = json;
    }

    static boolean isOurs(String callbackId) {
        return NOTIFY_CALLBACK.equals(callbackId) || RESOLVE_CALLBACK.equals(callbackId);
    }

    /** Opens the button's modal; answers what to tell the user instead, or null when it opened. */
    String openModal(String actionId, String triggerId, UUID swarmId, Caller caller) {
        boolean resolve = SwarmMessageBlocks.RESOLVE_CASE.equals(actionId);
        if (!caller.isAny(Roles.AGENT, Roles.LEAD)) {
            return resolve ? "Only agents and leads resolve cases." : "Only agents and leads write to customers.";
        }
        SwarmView swarm = SwarmView.findById(swarmId);
        if (swarm == null) {
            return "That swarm does not exist (any more).";
        }
        if (triggerId == null) {
            return "Slack sent no trigger to open the form with.";
        }
        ObjectNode view = resolve
                ? modal(RESOLVE_CALLBACK, swarmId, "Resolve case", "Resolve", "Resolution summary for the customer",
                        "Named as having helped: " + helpers(swarm) + ". The case resolves and the swarm closes.")
                : modal(NOTIFY_CALLBACK, swarmId, "Notify customer", "Send", "Message to the customer",
                        "The customer of " + swarm.caseNumber + " gets this by mail, as a public message in your name.");
        try {
            slack.api().openView(triggerId, view);
            return null;
        } catch (RuntimeException e) {
            return "Slack did not open the form (" + e.getMessage() + "); please try again.";
        }
    }

    /**
     * A submitted modal: the request is appended to the swarm (and so published) as the linked person, and
     * the modal closes; anything wrong is shown in the modal ({@code response_action: errors}), and nothing
     * is asked of case-service.
     */
    Response submit(JsonNode payload) {
        JsonNode view = payload.path("view");
        boolean resolve = RESOLVE_CALLBACK.equals(view.path("callback_id").asText());
        Optional<SlackPersonLink> link = users.linked(payload.path("user").path("id").asText(null));
        String metadata = view.path("private_metadata").asText("");
        String text = view.path("state").path("values").path(TEXT_BLOCK).path(TEXT_INPUT).path("value").asText("")
                .strip();
        int max = resolve ? MAX_SUMMARY : MAX_MESSAGE;
        String refusal;
        if (link.isEmpty()) {
            refusal = SlackUsers.NOT_LINKED;
        } else if (!SlackInteractions.isUuid(metadata)) {
            refusal = "This form names no swarm.";
        } else if (text.isEmpty() || text.length() > max) {
            refusal = (resolve ? "A resolution summary" : "A message to the customer") + " has 1 to " + max
                    + " characters.";
        } else if (!link.get().caller().isAny(Roles.AGENT, Roles.LEAD)) {
            refusal = resolve ? "Only agents and leads resolve cases." : "Only agents and leads write to customers.";
        } else {
            Caller caller = link.get().caller();
            UUID swarmId = UUID.fromString(metadata);
            refusal = SlackInteractions.carryOut(resolve ? () -> swarms.requestResolution(swarmId, caller, text)
                    : () -> swarms.requestCustomerUpdate(swarmId, caller, text));
        }
        return refusal == null ? Response.ok().build() : SlackInteractions.modalError(json, TEXT_BLOCK, refusal);
    }

    private static String helpers(SwarmView swarm) {
        List<String> joined = swarm.members == null ? List.<String>of() : swarm.members.stream()
                .filter(member -> member.status() == MemberStatus.JOINED).map(SwarmView.Member::personId).toList();
        return joined.isEmpty() ? "nobody (no member has joined)"
                : SwarmMessageBlocks.truncate(String.join(", ", joined), 2_000);
    }

    private ObjectNode modal(String callbackId, UUID swarmId, String title, String submit, String label, String hint) {
        ObjectNode view = json.createObjectNode().put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", swarmId.toString());
        view.set("title", plain(title));
        view.set("submit", plain(submit));
        view.set("close", plain("Cancel"));
        var blocks = view.putArray("blocks");
        ObjectNode input = blocks.addObject().put("type", "input").put("block_id", TEXT_BLOCK);
        input.set("label", plain(label));
        input.set("element", json.createObjectNode().put("type", "plain_text_input").put("action_id", TEXT_INPUT)
                .put("multiline", true).put("max_length", SLACK_INPUT_MAX));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "plain_text").put("text", hint);
        return view;
    }

    private ObjectNode plain(String text) {
        return json.createObjectNode().put("type", "plain_text").put("text", text);
    }
}
