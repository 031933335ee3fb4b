package io.caseswarm.platform.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The platform clock of the tests: real time until a test sets it, then standing still at what the
 * test set until it moves it on. A test proves what happens at a moment by moving there, not by waiting.
 * It exists only in the test build profile, so every service's tests can inject it, and no running
 * service has a clock anybody could move.
 */
@IfBuildProfile("test")
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
