package io.caseswarm.swarms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.caseswarm.platform.clock.PlatformClock;

/**
 * The platform clock of these tests: real time until a test sets it, then standing still until it moves
 * it on, so that a test proves what happens when a quiet swarm is due a reminder without waiting for it.
 * (The platform's own tests have the same; a test class of another module is not on this classpath.)
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SettableClock extends PlatformClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        Instant now = fixed;
        return now != null ? now : super.now();
    }

    public void set(Instant instant) {
        fixed = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration duration) {
        set(now().plus(duration));
    }

    /** Back to real time. */
    public void reset() {
        fixed = null;
    }
}
