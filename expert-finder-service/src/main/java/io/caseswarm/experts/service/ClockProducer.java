package io.caseswarm.experts.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.caseswarm.platform.clock.PlatformClock;

/**
 * Working hours and timeouts depend on the time of day: one clock for the whole service, the platform's,
 * so that the time invitations are stamped with and the time deadlines fall due by are the same (and a
 * test that moves one moves both).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(PlatformClock platform) {
        return new PlatformTime(platform);
    }

    private static final class PlatformTime extends Clock {

        private final PlatformClock platform;

        PlatformTime(PlatformClock platform) {
            this.platform = platform;
        }

        @Override
        public Instant instant() {
            return platform.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The service's clock is UTC");
        }
    }
}
