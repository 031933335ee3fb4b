package io.caseswarm.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "caseswarm.outbox")
public interface OutboxConfig {

    /** Switch the relay off in a replica that must never publish (all replicas normally run it; one leads). */
    @WithDefault("true")
    boolean enabled();

    /** How many events one round reads and sends before marking them published. */
    @WithDefault("500")
    int batchSize();

    /**
     * The longest the relay waits for a NOTIFY before it looks anyway: a safety net for a
     * notification lost with a dropped connection, not the way events are normally found.
     */
    @WithDefault("30s")
    Duration idleSweep();

    /** Pause after a failure (broker or database away) before the next try; doubles up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration backoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /** How long the producer keeps retrying one send before the relay sees it fail and tries again itself. */
    @WithDefault("30s")
    Duration deliveryTimeout();
}
