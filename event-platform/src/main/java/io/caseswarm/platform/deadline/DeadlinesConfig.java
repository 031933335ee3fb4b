package io.caseswarm.platform.deadline;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "caseswarm.deadlines")
public interface DeadlinesConfig {

    /**
     * Whether this replica polls. All replicas normally do and share the work; with {@code false} it
     * still schedules and cancels but fires nothing on its own.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest the poller sleeps between looks. It sleeps less when the next deadline is due sooner,
     * so this bounds how late a deadline scheduled by another replica (or while the poller slept) fires.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many due deadlines one round takes at once; each still fires in a transaction of its own. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long a deadline a poller has taken stays its own. Had that poller's replica died meanwhile,
     * another takes it after this: a crash makes a deadline late by up to this much, never lost. It
     * must comfortably exceed the time one round takes to fire its batch.
     */
    @WithDefault("60s")
    Duration claimTimeout();

    /** Pause after a deadline's first failed try, doubling with each further one up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration backoff();

    @WithDefault("1m")
    Duration maxBackoff();

    /**
     * Failed tries (transient ones included) after which a deadline whose latest try failed for a
     * permanent reason is parked. A transient failure never parks it: it is tried again, at most
     * {@link #maxBackoff()} apart, until it fires.
     */
    @WithDefault("10")
    int attempts();
}
