package io.caseswarm.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMTP server mail is handed to. */
@ConfigMapping(prefix = "caseswarm.smtp")
public interface MailConfig {

    String host();

    int port();

    String from();

    /** The name we greet the server with; looking our own name up can take seconds on a host without DNS. */
    @WithDefault("localhost")
    String greetingName();

    /** Connecting, and each answer of the server: a server that stalls fails the delivery, not the consumer. */
    @WithDefault("10s")
    Duration timeout();
}
