package io.caseswarm.cases.rest;

import java.util.Map;

import io.caseswarm.testing.MailServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real mail server whose IMAP mailbox {@code support@caseswarm.local} the service reads, as it would an
 * organisation's; tests send to it over SMTP and look at the mailbox over IMAP. Tests get the
 * {@link MailServer} injected.
 */
public class SupportMailbox implements QuarkusTestResourceLifecycleManager {

    static final String ADDRESS = "support@caseswarm.local";

    private MailServer server;

    @Override
    public Map<String, String> start() {
        server = MailServer.start();
        String prefix = "caseswarm.email.mailboxes.support.";
        return Map.of(
                prefix + "address", ADDRESS,
                prefix + "imap.host", "127.0.0.1",
                prefix + "imap.port", String.valueOf(server.imapPort()),
                prefix + "imap.tls", "none",
                prefix + "imap.user", ADDRESS,
                prefix + "imap.password", "any",
                prefix + "imap.poll-interval", "PT2S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(MailServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
