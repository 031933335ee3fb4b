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
    /** A second mailbox, for the sales team's product, whose mail is moved to a folder once taken in. */
    static final String SALES = "sales@caseswarm.local";
    static final String DONE_FOLDER = "Caseswarm/Done";

    private MailServer server;

    @Override
    public Map<String, String> start() {
        server = MailServer.start();
        Map<String, String> config = new java.util.HashMap<>(mailbox("support", ADDRESS));
        config.putAll(mailbox("sales", SALES));
        config.put("caseswarm.email.mailboxes.sales.product", "Sales Cloud");
        config.put("caseswarm.email.mailboxes.sales.imap.done-folder", DONE_FOLDER);
        return config;
    }

    private Map<String, String> mailbox(String name, String address) {
        String prefix = "caseswarm.email.mailboxes." + name + ".";
        return Map.of(
                prefix + "address", address,
                prefix + "imap.host", "127.0.0.1",
                prefix + "imap.port", String.valueOf(server.imapPort()),
                prefix + "imap.tls", "none",
                prefix + "imap.user", address,
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
