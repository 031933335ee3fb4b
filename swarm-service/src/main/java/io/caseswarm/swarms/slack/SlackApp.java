package io.caseswarm.swarms.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.caseswarm.platform.slack.SlackRequestVerifier;
import io.caseswarm.platform.slack.SlackWebApi;
import io.caseswarm.swarms.pod.Pod;
import io.caseswarm.swarms.projection.SwarmView;
import io.quarkus.runtime.StartupEvent;

/**
 * The Slack app's connection to Slack: its Web API client and the verifier of Slack's requests, made from
 * {@link SlackConfig} once. An enabled app that lacks a setting stops the service at start and names it.
 */
@ApplicationScoped
public class SlackApp {

    private final SlackConfig config;
    private final SlackWebApi api;
    private final SlackRequestVerifier verifier;

    SlackApp(SlackConfig config) {
        this.config = config;
        boolean ready = config.enabled() && missing(config).isEmpty();
        this.api = ready ? new SlackWebApi(config.apiUrl(), config.botToken().get(), config.timeout()) : null;
        this.verifier = ready ? new SlackRequestVerifier(config.signingSecret().get()) : null;
    }

    void checkSettings(@Observes StartupEvent start) {
        List<String> missing = missing(config);
        if (config.enabled() && !missing.isEmpty()) {
            throw new IllegalStateException("caseswarm.slack.enabled=true needs " + String.join(", ", missing));
        }
    }

    public boolean enabled() {
        return api != null;
    }

    /** Whether each swarm gets a channel of its own ({@link SlackSwarmChannels}). */
    public boolean channelPerSwarm() {
        return config.channelPerSwarm();
    }

    /** The Web API; only when {@link #enabled()}. */
    public SlackWebApi api() {
        return api;
    }

    /** The verifier of Slack's requests; empty when the app is off, so that every request is refused. */
    public Optional<SlackRequestVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    /**
     * The channel a swarm's message goes to: its pod's channel, where the pod has one, so that the pod's
     * people see their swarms where they talk; otherwise the default channel.
     */
    public String channelFor(SwarmView swarm) {
        return Optional.ofNullable(swarm.podId).flatMap(podId -> Pod.<Pod>findByIdOptional(podId))
                .map(pod -> pod.slackChannel).filter(channel -> !channel.isBlank())
                .orElseGet(() -> config.defaultChannel().orElseThrow());
    }

    private static List<String> missing(SlackConfig config) {
        List<String> missing = new ArrayList<>();
        if (config.botToken().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("caseswarm.slack.bot-token (CASESWARM_SLACK_BOT_TOKEN)");
        }
        if (config.signingSecret().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("caseswarm.slack.signing-secret (CASESWARM_SLACK_SIGNING_SECRET)");
        }
        if (config.defaultChannel().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("caseswarm.slack.default-channel (CASESWARM_SLACK_DEFAULT_CHANNEL)");
        }
        return missing;
    }
}
