package io.caseswarm.swarms.slack;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.service.SwarmCommands;
import io.quarkus.security.ForbiddenException;

/**
 * Replies in a swarm's thread (and, where a swarm has a channel of its own, any message in it) become posts
 * in its feed, by the person linked to the Slack user who wrote
 * them and under the feed's rules (the owner, members who joined, leads). Bots' messages (ours included),
 * edits and other message subtypes are not replies; a delivery Slack repeats (same {@code event_id}) is
 * posted once: the event id is recorded in the transaction of the post.
 */
@ApplicationScoped
public class SlackThreadReplies {

    private static final Logger LOG = Logger.getLogger(SlackThreadReplies.class);
    private static final int MAX_POST = 4_000;

    private final SlackUsers users;
    private final SwarmCommands swarms;
    private final PlatformClock clock;

    SlackThreadReplies(SlackUsers users, SwarmCommands swarms, PlatformClock clock) {
        this.users = users;
        this.swarms = swarms;
        this.clock = clock;
    }

    public void handle(JsonNode envelope) {
        JsonNode event = envelope.path("event");
        String eventId = envelope.path("event_id").asText("");
        if (!"message".equals(event.path("type").asText()) || event.has("bot_id") || event.has("subtype")
                || eventId.isEmpty() || eventId.length() > 100) {
            return;
        }
        String channel = event.path("channel").asText(null);
        String threadTs = event.path("thread_ts").asText(null);
        String slackUser = event.path("user").asText(null);
        boolean inThread = threadTs != null && !threadTs.equals(event.path("ts").asText());
        // In a swarm's own channel every message is a post; elsewhere, replies in the swarm message's thread.
        Optional<SlackSwarmMessage> thread = inThread ? SlackSwarmMessage.ofThread(channel, threadTs)
                : SlackSwarmMessage.ofOwnChannel(channel);
        if (thread.isEmpty()) {
            return; // some other thread or channel
        }
        Optional<SlackPersonLink> link = users.linked(slackUser);
        if (link.isEmpty()) {
            users.tell(channel, slackUser, threadTs, SlackUsers.NOT_LINKED + " Your reply is not in the swarm's feed.");
            return;
        }
        String text = fromSlack(event.path("text").asText("")).strip();
        String refusal;
        Caller caller = link.get().caller();
        if (text.isEmpty() || text.length() > MAX_POST) {
            refusal = "A post has 1 to " + MAX_POST + " characters; your reply is not in the swarm's feed.";
        } else if (!caller.isAny(Roles.AGENT, Roles.EXPERT, Roles.LEAD)) {
            refusal = "Only agents, experts and leads post in swarms; your reply is not in the swarm's feed.";
        } else {
            refusal = post(thread.get().swarmId, caller, text, eventId);
        }
        if (refusal != null) {
            users.tell(channel, slackUser, threadTs, refusal);
        }
    }

    /** Null when posted, or when this delivery had been posted before; else why not. */
    private String post(UUID swarmId, Caller caller, String text, String eventId) {
        try {
            postOnce(swarmId, caller, text, eventId);
            return null;
        } catch (NotFoundException e) {
            return "That swarm does not exist (any more).";
        } catch (CommandRejectedException | ForbiddenException e) {
            return "Your reply is not in the swarm's feed: " + e.getMessage();
        }
    }

    @Transactional
    void postOnce(UUID swarmId, Caller caller, String text, String eventId) {
        if (!SlackDeliveries.firstDelivery(eventId, clock.now())) {
            LOG.debugf("Slack event %s was posted before", eventId);
            return;
        }
        UUID postId = swarms.post(swarmId, caller, text);
        SlackDeliveries.postCameFromSlack(postId, eventId, clock.now());
    }

    /** Slack escapes &, < and > in message text; the feed keeps the text as written. */
    private static String fromSlack(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
