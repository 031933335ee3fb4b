package io.caseswarm.experts.service;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Working hours depend on the time of day: one clock for the whole service. */
@ApplicationScoped
public class ClockProducer {

    /** Microseconds, as PostgreSQL keeps them. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
