package io.caseswarm.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time the platform decides by, where a decision depends on it (is this deadline due?). One bean,
 * so that tests can replace it with a clock they move ({@code @Alternative} subclass) and prove
 * what happens at a given moment without waiting for it.
 *
 * <p>Not a {@link Clock} bean of its own type on purpose: a service may produce a {@code Clock} for its
 * domain, and two of them would be ambiguous.
 */
@ApplicationScoped
public class PlatformClock {

    /** Microseconds, as PostgreSQL keeps them: what is written equals what is read back. */
    private static final Clock MICROS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    public Instant now() {
        return MICROS.instant();
    }
}
