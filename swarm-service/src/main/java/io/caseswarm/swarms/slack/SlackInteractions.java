package io.caseswarm.swarms.slack;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.service.SwarmCommands;
import io.quarkus.security.ForbiddenException;

/**
 * The buttons of a swarm's message and the modal behind "Post update", each carried out as the person
 * linked to the Slack user who clicked, with the same role and object rules as the REST API: only an
 * expert who was invited joins or declines, only the owner, members who joined and leads post. What cannot
 * be done is said to the user alone; the message itself changes when the swarm does. The buttons that ask
 * case-service to act, and their modals, are handled by {@link SlackCaseActions}.
 */
@ApplicationScoped
public class SlackInteractions {

    static final String POST_UPDATE_CALLBACK = "swarm_post_update";
    static final String UPDATE_BLOCK = "update";
    static final String UPDATE_INPUT = "text";
    private static final int MAX_POST = 4_000;
    private static final Pattern UUID_PATTERN = Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");

    private final SlackApp slack;
    private final SlackUsers users;
    private final SwarmCommands swarms;
    private final SlackCaseActions caseActions;
    private final ObjectMapper json;

    SlackInteractions(SlackApp slack, SlackUsers users, SwarmCommands swarms, SlackCaseActions caseActions,
            ObjectMapper json) {
        this.slack = slack;
        this.users = users;
        this.swarms = swarms;
        this.caseActions = caseActions;
        this.json = json;
    }

    public Response handle(JsonNode payload) {
        return switch (payload.path("type").asText()) {
            case "block_actions" -> {
                blockAction(payload);
                yield Response.ok().build();
            }
            case "view_submission" -> viewSubmission(payload);
            default -> Response.ok().build(); // shortcuts, view_closed: nothing the app offers
        };
    }

    private void blockAction(JsonNode payload) {
        String slackUser = payload.path("user").path("id").asText(null);
        String channel = payload.path("channel").path("id").asText(payload.path("container").path("channel_id").asText(null));
        JsonNode action = payload.path("actions").path(0);
        String actionId = action.path("action_id").asText();
        String value = action.path("value").asText("");
        Optional<SlackPersonLink> link = users.linked(slackUser);
        if (link.isEmpty()) {
            users.tell(channel, slackUser, null, SlackUsers.NOT_LINKED);
            return;
        }
        if (!isUuid(value)) {
            users.tell(channel, slackUser, null, "That button names no swarm.");
            return;
        }
        UUID swarmId = UUID.fromString(value);
        Caller caller = link.get().caller();
        String answer = switch (actionId) {
            case SwarmMessageBlocks.JOIN -> asExpert(caller, () -> swarms.join(swarmId, caller.id()));
            case SwarmMessageBlocks.DECLINE -> asExpert(caller, () -> swarms.decline(swarmId, caller.id(), "Declined in Slack"));
            case SwarmMessageBlocks.POST_UPDATE -> openUpdateModal(payload.path("trigger_id").asText(null), swarmId);
            case SwarmMessageBlocks.NOTIFY_CUSTOMER, SwarmMessageBlocks.RESOLVE_CASE ->
                caseActions.openModal(actionId, payload.path("trigger_id").asText(null), swarmId, caller);
            default -> "That button is not one Caseswarm knows.";
        };
        if (answer != null) {
            users.tell(channel, slackUser, null, answer);
        }
    }

    /** The REST API lets only experts answer invitations; so does Slack. Null when done. */
    private String asExpert(Caller caller, Runnable command) {
        if (!caller.is(Roles.EXPERT)) {
            return "Only experts answer invitations, and the directory does not list you as one.";
        }
        return carryOut(command);
    }

    static boolean isUuid(String text) {
        return text != null && UUID_PATTERN.matcher(text).matches();
    }

    /** Runs a command as the Slack user's person; answers why nothing was changed, or null when done. */
    static String carryOut(Runnable command) {
        try {
            command.run();
            return null;
        } catch (NotFoundException e) {
            return "That swarm does not exist (any more).";
        } catch (CommandRejectedException | ForbiddenException e) {
            return "Nothing was changed: " + e.getMessage();
        }
    }

    private String openUpdateModal(String triggerId, UUID swarmId) {
        if (triggerId == null) {
            return "Slack sent no trigger to open the update form with.";
        }
        ObjectNode view = json.createObjectNode().put("type", "modal").put("callback_id", POST_UPDATE_CALLBACK)
                .put("private_metadata", swarmId.toString());
        view.set("title", plain("Post an update"));
        view.set("submit", plain("Post"));
        view.set("close", plain("Cancel"));
        ObjectNode input = view.putArray("blocks").addObject().put("type", "input").put("block_id", UPDATE_BLOCK);
        input.set("label", plain("Update for the swarm's feed"));
        ObjectNode element = json.createObjectNode().put("type", "plain_text_input").put("action_id", UPDATE_INPUT)
                .put("multiline", true).put("max_length", MAX_POST);
        input.set("element", element);
        try {
            slack.api().openView(triggerId, view);
            return null;
        } catch (RuntimeException e) {
            return "Slack did not open the update form (" + e.getMessage() + "); please try again.";
        }
    }

    /** The "Post update" modal: posted to the feed as the linked person; a refusal shows in the modal. */
    private Response viewSubmission(JsonNode payload) {
        JsonNode view = payload.path("view");
        if (SlackCaseActions.isOurs(view.path("callback_id").asText())) {
            return caseActions.submit(payload);
        }
        if (!POST_UPDATE_CALLBACK.equals(view.path("callback_id").asText())) {
            return Response.ok().build();
        }
        Optional<SlackPersonLink> link = users.linked(payload.path("user").path("id").asText(null));
        String metadata = view.path("private_metadata").asText("");
        String text = view.path("state").path("values").path(UPDATE_BLOCK).path(UPDATE_INPUT).path("value").asText("").strip();
        String refusal;
        if (link.isEmpty()) {
            refusal = SlackUsers.NOT_LINKED;
        } else if (!isUuid(metadata)) {
            refusal = "This form names no swarm.";
        } else if (text.isEmpty() || text.length() > MAX_POST) {
            refusal = "An update has 1 to " + MAX_POST + " characters.";
        } else {
            Caller caller = link.get().caller();
            refusal = caller.isAny(Roles.AGENT, Roles.EXPERT, Roles.LEAD)
                    ? carryOut(() -> swarms.post(UUID.fromString(metadata), caller, text))
                    : "Only agents, experts and leads post in swarms.";
        }
        return refusal == null ? Response.ok().build() : modalError(json, UPDATE_BLOCK, refusal); // 200 closes it
    }

    /** Slack's answer that keeps a modal open and shows {@code refusal} under its input block {@code blockId}. */
    static Response modalError(ObjectMapper json, String blockId, String refusal) {
        ObjectNode errors = json.createObjectNode().put("response_action", "errors");
        errors.putObject("errors").put(blockId, SwarmMessageBlocks.truncate(refusal, 150));
        return Response.ok(errors).build();
    }

    private ObjectNode plain(String text) {
        return json.createObjectNode().put("type", "plain_text").put("text", text);
    }
}
