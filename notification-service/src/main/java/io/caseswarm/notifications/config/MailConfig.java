package io.caseswarm.notifications.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMTP server mail is handed to. */
@ConfigMapping(prefix = "caseswarm.smtp")
public interface MailConfig {

    String host();

    int port();

    String from();

    /**
     * Where customers' answers to mails about a case go when the case did not come in by mail (one that
     * did is answered to the mailbox it came in through): the support address whose mails become case
     * messages. Unset, answers go to {@link #from()}.
     */
    Optional<String> replyTo();

    /** The right-hand side of our Message-IDs; the domain of {@link #from()} unless set. */
    Optional<String> messageIdDomain();

    /** The name we greet the server with; looking our own name up can take seconds on a host without DNS. */
    @WithDefault("localhost")
    String greetingName();

    /** Connecting, and each answer of the server: a server that stalls fails the delivery, not the consumer. */
    @WithDefault("10s")
    Duration timeout();
}
