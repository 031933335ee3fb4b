package io.caseswarm.swarms.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.caseswarm.slackstandin.SlackStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Slack app switched on against a {@link SlackStandIn} on a free port, with a bot token, a signing secret
 * and a channel of the tests'. Tests get the stand-in injected to read what the app sent.
 */
public class SlackStandInResource implements QuarkusTestResourceLifecycleManager {

    static final String BOT_TOKEN = "xoxb-test-bot-token";
    static final String SIGNING_SECRET = "test-signing-secret-8f742231b10e8888";
    static final String CHANNEL = "C0SWARMS";

    private SlackStandIn standIn;
    private boolean channelPerSwarm;

    /** {@code channel-per-swarm=true}: the app makes a channel for each swarm. */
    @Override
    public void init(Map<String, String> initArgs) {
        channelPerSwarm = Boolean.parseBoolean(initArgs.getOrDefault("channel-per-swarm", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            standIn = SlackStandIn.start(0, BOT_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("caseswarm.slack.enabled", "true", "caseswarm.slack.api-url", standIn.apiUrl(),
                "caseswarm.slack.bot-token", BOT_TOKEN, "caseswarm.slack.signing-secret", SIGNING_SECRET,
                "caseswarm.slack.default-channel", CHANNEL,
                "caseswarm.slack.channel-per-swarm", Boolean.toString(channelPerSwarm));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(standIn, new TestInjector.MatchesType(SlackStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
