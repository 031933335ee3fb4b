package io.caseswarm.swarms.slack;

import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * A swarm's Slack message in Block Kit: the question, the case's key details, the team and where each of
 * them stands, and while the swarm is open the buttons to act on it. Each button's {@code value} is the
 * swarm id, so an interaction names its swarm whichever message it came from. Text from people is escaped
 * for Slack's mrkdwn ({@code & < >}), so nobody can smuggle a mention or a link into the message.
 */
public final class SwarmMessageBlocks {

    public static final String JOIN = "swarm_join";
    public static final String DECLINE = "swarm_decline";
    public static final String POST_UPDATE = "swarm_post_update";
    public static final String NOTIFY_CUSTOMER = "swarm_notify_customer";
    public static final String RESOLVE_CASE = "swarm_resolve_case";

    /** Slack's limits: a header's text, a section's text. */
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SwarmMessageBlocks() {
    }

    /** The notification text: what Slack shows where blocks cannot be shown. */
    public static String fallbackText(SwarmView swarm, KnownCase knownCase) {
        return "Swarm on " + swarm.caseNumber + subject(knownCase, ": ") + " (" + status(swarm) + "): "
                + truncate(swarm.question, 500);
    }

    /** {@code mention} shows a person: a Slack mention when they are linked, else their directory id. */
    public static ArrayNode blocks(SwarmView swarm, KnownCase knownCase, Function<String, String> mention) {
        ArrayNode blocks = JSON.createArrayNode();
        blocks.add(header(truncate("Swarm on " + swarm.caseNumber + subject(knownCase, ": "), HEADER_MAX)));
        blocks.add(section("*Question*\n" + escape(truncate(swarm.question, SECTION_MAX - 20))));

        ObjectNode details = JSON.createObjectNode().put("type", "section");
        ArrayNode fields = details.putArray("fields");
        fields.add(mrkdwn("*Case*\n" + escape(swarm.caseNumber)));
        fields.add(mrkdwn("*Priority*\n" + escape(priority(swarm, knownCase))));
        fields.add(mrkdwn("*Subject*\n" + escape(truncate(knownCase == null || knownCase.subject == null ? "–"
                : knownCase.subject, 1900))));
        fields.add(mrkdwn("*Status*\n" + status(swarm)));
        fields.add(mrkdwn("*Owner*\n" + mention.apply(swarm.ownerId)));
        fields.add(mrkdwn("*Skills*\n" + escape(swarm.skills == null || swarm.skills.isEmpty() ? "–"
                : truncate(String.join(", ", swarm.skills), 1900))));
        blocks.add(details);

        blocks.add(section(team(swarm, mention)));
        if (isOpen(swarm)) {
            ObjectNode actions = JSON.createObjectNode().put("type", "actions").put("block_id", "swarm_actions");
            ArrayNode elements = actions.putArray("elements");
            String id = swarm.swarmId.toString();
            elements.add(button("Join", JOIN, id).put("style", "primary"));
            elements.add(button("Decline", DECLINE, id));
            elements.add(button("Post update", POST_UPDATE, id));
            elements.add(button("Notify customer", NOTIFY_CUSTOMER, id));
            elements.add(button("Resolve case", RESOLVE_CASE, id).put("style", "danger"));
            blocks.add(actions);
        }
        ObjectNode context = JSON.createObjectNode().put("type", "context");
        context.putArray("elements").add(mrkdwn("Replies in this thread go to the swarm's feed."));
        blocks.add(context);
        return blocks;
    }

    private static String team(SwarmView swarm, Function<String, String> mention) {
        if (swarm.members == null || swarm.members.isEmpty()) {
            return "*Team* (" + swarm.teamSize + " wanted)\nNobody invited yet.";
        }
        StringBuilder team = new StringBuilder("*Team* (" + swarm.teamSize + " wanted)");
        for (SwarmView.Member member : swarm.members) {
            team.append("\n• ").append(mention.apply(member.personId())).append(" – ")
                    .append(member.status().name().toLowerCase(Locale.ROOT));
        }
        return truncate(team.toString(), SECTION_MAX);
    }

    private static boolean isOpen(SwarmView swarm) {
        return swarm.status == SwarmStatus.REQUESTED || swarm.status == SwarmStatus.ACTIVE;
    }

    private static String status(SwarmView swarm) {
        return swarm.status.name().toLowerCase(Locale.ROOT);
    }

    private static String priority(SwarmView swarm, KnownCase knownCase) {
        String priority = knownCase != null && knownCase.priority != null ? knownCase.priority : swarm.priority;
        return priority == null ? "–" : priority;
    }

    private static String subject(KnownCase knownCase, String separator) {
        return knownCase == null || knownCase.subject == null ? "" : separator + knownCase.subject;
    }

    private static ObjectNode header(String text) {
        ObjectNode header = JSON.createObjectNode().put("type", "header");
        header.set("text", plain(text));
        return header;
    }

    private static ObjectNode section(String markdown) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.set("text", mrkdwn(markdown));
        return section;
    }

    private static ObjectNode button(String label, String actionId, String value) {
        ObjectNode button = JSON.createObjectNode().put("type", "button").put("action_id", actionId).put("value", value);
        button.set("text", plain(label));
        return button;
    }

    private static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack's mrkdwn escaping: only these three are control characters. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
