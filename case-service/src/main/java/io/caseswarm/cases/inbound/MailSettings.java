package io.caseswarm.cases.inbound;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Positive;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The support mailboxes ({@code caseswarm.email.mailboxes.<name>.*}) and the rules for all mail taken in.
 * A mailbox with {@code imap} settings is read by the service; one without is only a name for mail that a
 * gateway pushes to {@code POST /inbound/email}.
 */
@ConfigMapping(prefix = "caseswarm.email")
public interface MailSettings {

    Map<String, MailboxSettings> mailboxes();

    /** A sender opening more new cases than this in an hour has the rest held for an admin. */
    @WithDefault("20")
    @Positive
    int maxNewCasesPerSenderPerHour();

    /** The largest mail taken in; a larger one is held, raw, for an admin. */
    @WithDefault("25M")
    MemorySize maxMailSize();

    interface MailboxSettings {

        /** The support address: customers write to it, and replies ask to be answered there. */
        String address();

        /** What a case opened from this mailbox gets. */
        Optional<String> product();

        @WithDefault("normal")
        String priority();

        Optional<String> group();

        Optional<ImapSettings> imap();
    }

    interface ImapSettings {

        String host();

        int port();

        /** {@code ssl} (implicit TLS, usually port 993), {@code starttls}, or {@code none} (local servers only). */
        @WithDefault("ssl")
        String tls();

        String user();

        String password();

        @WithDefault("INBOX")
        String folder();

        /**
         * Where a mail is moved once its case is committed; without one it is only flagged as seen. Moving
         * keeps the inbox short on servers that slow down with many messages.
         */
        Optional<String> doneFolder();

        /** How often to look when the server offers no IDLE, and the longest an IDLE waits before looking anyway. */
        @WithDefault("PT30S")
        Duration pollInterval();
    }
}
