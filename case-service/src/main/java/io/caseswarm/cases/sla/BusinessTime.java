package io.caseswarm.cases.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as a service target counts it: only while the desk works (a business calendar), or all the time.
 * SLA milestones measure against this, so the same rules hold for a 24/7 desk and an office-hours one.
 */
public interface BusinessTime {

    /** The instant when {@code duration} of counted time has passed after {@code start}. */
    Instant plus(Instant start, Duration duration);

    /** Counted time from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /**
     * How long a working day is, on average over the days of the week that are worked: the unit of business days
     * (the whole day for a desk that never closes).
     */
    Duration workingDay();

    /** Every hour counts: a desk that never closes. */
    BusinessTime ALWAYS = new BusinessTime() {
        @Override
        public Instant plus(Instant start, Duration duration) {
            return start.plus(duration);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public Duration workingDay() {
            return Duration.ofDays(1);
        }
    };
}
