package io.caseswarm.notifications;

import java.util.Map;

import io.caseswarm.testing.MailServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server for the notification tests; tests get it injected to read the mails. */
public class RealMailServer implements QuarkusTestResourceLifecycleManager {

    private MailServer server;

    @Override
    public Map<String, String> start() {
        server = MailServer.start();
        return Map.of("caseswarm.smtp.port", String.valueOf(server.smtpPort()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(MailServer.class));
    }

    @Override
    public void stop() {
        server.close();
    }
}
