package io.caseswarm.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.caseswarm.notifications.slack.RecordingSlack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Slack's Web API as a real local HTTP server, with Slack switched on; tests get it injected. */
public class SlackStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String BOT_TOKEN = "xoxb-local-test-token";

    private RecordingSlack slack;

    @Override
    public Map<String, String> start() {
        try {
            slack = RecordingSlack.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("caseswarm.notifications.slack.enabled", "true",
                "caseswarm.notifications.slack.api-url", slack.apiUrl(),
                "caseswarm.notifications.slack.bot-token", BOT_TOKEN);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(slack, new TestInjector.MatchesType(RecordingSlack.class));
    }

    @Override
    public void stop() {
        slack.close();
    }
}
