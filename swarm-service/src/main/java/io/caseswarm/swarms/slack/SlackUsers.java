package io.caseswarm.swarms.slack;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.caseswarm.platform.retry.TransientFailures;

/**
 * Who a Slack user is here, and how the app answers them: in Slack, a message only they see. A Slack user
 * nobody in the directory is linked to can do nothing, and is told so.
 */
@ApplicationScoped
public class SlackUsers {

    static final String NOT_LINKED = "Your Slack user is not linked to anyone in Caseswarm's directory, so you"
            + " can do nothing here yet. Ask an admin to add your Slack user id to your profile.";
    private static final Logger LOG = Logger.getLogger(SlackUsers.class);

    private final SlackApp slack;

    SlackUsers(SlackApp slack) {
        this.slack = slack;
    }

    public Optional<SlackPersonLink> linked(String slackUserId) {
        return SlackPersonLink.of(slackUserId);
    }

    /**
     * Tells {@code slackUserId} something in {@code channel} (in the thread {@code threadTs}, when given) that
     * nobody else sees. Best effort: the user's request has been answered whether or not this arrives.
     */
    public void tell(String channel, String slackUserId, String threadTs, String text) {
        if (channel == null || slackUserId == null) {
            return;
        }
        try {
            slack.api().postEphemeral(channel, slackUserId, text, threadTs);
        } catch (RuntimeException e) {
            LOG.warnf("Could not tell Slack user %s: %s", slackUserId, TransientFailures.describe(e));
        }
    }
}
