package io.caseswarm.notifications.slack;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and as whom Slack direct messages are sent. Off unless switched on. */
@ConfigMapping(prefix = "caseswarm.notifications.slack")
public interface SlackConfig {

    /** Off: the Slack channel is skipped (and the delivery log says so), people get their next channel. */
    @WithDefault("false")
    boolean enabled();

    /** Slack's Web API base; a local stand-in in tests. */
    @WithDefault("https://slack.com/api")
    String apiUrl();

    /** The bot's token ({@code xoxb-…}), with the {@code chat:write} scope. Required when enabled. */
    Optional<String> botToken();

    /** Connecting and waiting for Slack's answer: a Slack that stalls fails the delivery, not the consumer. */
    @WithDefault("10s")
    Duration timeout();
}
