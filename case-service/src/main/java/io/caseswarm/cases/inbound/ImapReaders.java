package io.caseswarm.cases.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Starts a reader for every mailbox that has IMAP settings, and stops them when the service stops. */
@ApplicationScoped
class ImapReaders {

    private static final Set<String> TLS_MODES = Set.of("ssl", "starttls", "none");

    private final List<ImapMailboxReader> readers = new ArrayList<>();

    void start(@Observes StartupEvent started, MailSettings settings, Mailboxes mailboxes, MailIntake intake) {
        settings.mailboxes().forEach((name, mailbox) -> mailbox.imap().ifPresent(imap -> {
            if (!TLS_MODES.contains(imap.tls().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("caseswarm.email.mailboxes." + name + ".imap.tls is " + imap.tls()
                        + "; it is one of " + TLS_MODES);
            }
            ImapMailboxReader reader = new ImapMailboxReader(mailboxes.named(name).orElseThrow(), imap, intake);
            readers.add(reader);
            Thread thread = new Thread(reader, "imap-" + name);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    void stop(@Observes ShutdownEvent stopping) {
        readers.forEach(ImapMailboxReader::stop);
    }
}
