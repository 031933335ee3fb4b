package io.caseswarm.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "caseswarm.inbox")
public interface InboxConfig {

    /**
     * Tries of a record whose handler failed for a transient reason before the consumer reports itself
     * stalled (readiness down, a metric, a warning naming the record). It goes on trying after that,
     * at most {@link #maxBackoff()} apart, until the cause has passed: a transient failure never skips
     * or dead-letters a record.
     */
    @WithDefault("6")
    int attempts();

    /** Pause after the first failed try; it doubles with each try up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration backoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * For fault-injection runs only: with {@code false} every delivery is applied, duplicates included,
     * so that a harness can prove its duplicate check finds them. Never switch it off in production.
     */
    @WithDefault("true")
    boolean deduplicate();
}
