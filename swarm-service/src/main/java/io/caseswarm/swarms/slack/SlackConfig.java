package io.caseswarm.swarms.slack;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Slack app: off unless {@code caseswarm.slack.enabled=true}. Pointing it at a real workspace is a
 * matter of these settings alone: Slack's Web API, the app's bot token and signing secret, and the channel
 * swarms are posted to.
 */
@ConfigMapping(prefix = "caseswarm.slack")
public interface SlackConfig {

    @WithDefault("false")
    boolean enabled();

    /** Slack's Web API; a stand-in's address locally and in tests. */
    @WithDefault("https://slack.com/api")
    String apiUrl();

    /** The bot token ({@code xoxb-...}) the app calls the Web API with. Required when enabled. */
    Optional<String> botToken();

    /** The app's signing secret, which every request from Slack is verified with. Required when enabled. */
    Optional<String> signingSecret();

    /** The channel id (e.g. C0123ABCD) a swarm's message is posted to. Required when enabled. */
    Optional<String> defaultChannel();

    /**
     * Each swarm gets a channel of its own instead of a message in its pod's or the default channel: created
     * when the swarm is asked for, its owner and members brought in as they join, archived when it ends; the
     * swarm's message is the channel's first, and every message in the channel is a post. Needs the bot
     * scopes {@code channels:manage} and {@code channels:history}.
     */
    @WithDefault("false")
    boolean channelPerSwarm();

    /** How long one Web API call may take before it is tried again later. */
    @WithDefault("PT10S")
    Duration timeout();
}
