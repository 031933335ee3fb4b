package io.caseswarm.swarms.slack;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * Shows each swarm in Slack as it goes: one message when it is requested, brought up to date whenever its
 * team or status changes, and its feed mirrored into the message's thread. Works from the swarm's read
 * model, so an update shows the swarm as it is now, whichever event set it off.
 */
@ApplicationScoped
public class SlackSwarmMirror {

    private static final Logger LOG = Logger.getLogger(SlackSwarmMirror.class);

    private final SlackApp slack;
    private final SlackSwarmChannels channels;
    private final PlatformClock clock;

    SlackSwarmMirror(SlackApp slack, SlackSwarmChannels channels, PlatformClock clock) {
        this.slack = slack;
        this.channels = channels;
        this.clock = clock;
    }

    /** Joins the inbox's transaction: the message's ts is kept with the event recorded as applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSwarmEvent(String type, UUID swarmId, JsonNode data) {
        if (!slack.enabled()) {
            return;
        }
        SwarmView swarm = SwarmView.findById(swarmId);
        if (swarm == null) {
            LOG.warnf("No swarm %s for its %s: nothing to show in Slack", swarmId, type);
            return;
        }
        switch (type) {
            case "swarm-requested" -> post(swarm);
            case "swarm-post-added" -> mirrorPost(swarm, data);
            // Requests to case-service change nothing the message shows; the case's resolution will.
            case "swarm-customer-update-requested", "swarm-resolution-requested" -> {
            }
            default -> update(swarm, type);
        }
    }

    private void post(SwarmView swarm) {
        if (SlackSwarmMessage.findById(swarm.swarmId) != null) {
            return; // posted before
        }
        KnownCase knownCase = KnownCase.findById(swarm.caseId);
        SlackSwarmMessage message = new SlackSwarmMessage();
        message.swarmId = swarm.swarmId;
        message.ownChannel = slack.channelPerSwarm();
        message.channel = message.ownChannel ? channels.open(swarm, knownCase) : slack.channelFor(swarm);
        if (message.ownChannel) {
            channels.bringIn(message.channel, swarm);
        }
        message.ts = slack.api().postMessage(message.channel, SwarmMessageBlocks.fallbackText(swarm, knownCase),
                SwarmMessageBlocks.blocks(swarm, knownCase, SlackSwarmMirror::mention), null);
        message.postedAt = clock.now();
        message.persist();
    }

    private void update(SwarmView swarm, String type) {
        SlackSwarmMessage message = SlackSwarmMessage.findById(swarm.swarmId);
        if (message == null) {
            return; // a swarm from before the app was on: it has no message to bring up to date
        }
        KnownCase knownCase = KnownCase.findById(swarm.caseId);
        slack.api().update(message.channel, message.ts, SwarmMessageBlocks.fallbackText(swarm, knownCase),
                SwarmMessageBlocks.blocks(swarm, knownCase, SlackSwarmMirror::mention));
        if (message.ownChannel) {
            switch (type) {
                case "swarm-member-joined", "swarm-member-added", "swarm-owner-changed" ->
                    channels.bringIn(message.channel, swarm);
                case "swarm-closed", "swarm-cancelled" -> channels.archive(message.channel);
                default -> {
                }
            }
        }
    }

    private void mirrorPost(SwarmView swarm, JsonNode post) {
        SlackSwarmMessage message = SlackSwarmMessage.findById(swarm.swarmId);
        UUID postId = UUID.fromString(post.path("postId").asText());
        if (message == null || SlackDeliveries.cameFromSlack(postId)) {
            return; // no thread, or the post is a reply in it already
        }
        String author = post.path("authorId").asText();
        String via = post.path("via").isTextual() ? " (" + SwarmMessageBlocks.escape(post.path("via").asText()) + ")" : "";
        String text = mention(author) + via + ": " + SwarmMessageBlocks.escape(
                SwarmMessageBlocks.truncate(post.path("text").asText(), 3500));
        // In the swarm's own channel a post is a message of the channel; elsewhere, a reply in the thread.
        slack.api().postMessage(message.channel, text, null, message.ownChannel ? null : message.ts);
    }

    /** A person as Slack shows them: a mention when they are linked, else their directory id. */
    static String mention(String personId) {
        if (personId == null) {
            return "–";
        }
        return SlackPersonLink.ofPerson(personId).map(link -> "<@" + link.slackUserId + ">")
                .orElse(SwarmMessageBlocks.escape(personId));
    }
}
