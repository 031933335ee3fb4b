package io.caseswarm.cases.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.caseswarm.cases.calendar.BusinessCalendar;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * {@code GET /calendars/{id}/business-time}: from an instant, either when {@code duration} of business time
 * is due, or how much business time passes until {@code to}. Instants are ISO 8601 with an offset
 * ({@code 2026-03-27T16:00:00+01:00} or {@code …Z}) between the years 1900 and 2999; a duration is ISO 8601
 * ({@code PT4H}), up to {@value #MAX_DAYS} days of business time, which is more than any target.
 */
record BusinessTimeQuery(Instant from, Duration duration, Instant to) {

    static final int MAX_DAYS = 366;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    static BusinessTimeQuery of(String from, String duration, String to) {
        if (from == null) {
            throw new InvalidFieldException("from", "is required: the instant to count from");
        }
        if ((duration == null) == (to == null)) {
            throw new InvalidFieldException("duration", "give either duration (when is it due?) or to (how much business time?)");
        }
        return new BusinessTimeQuery(instant("from", from), duration == null ? null : duration(duration),
                to == null ? null : instant("to", to));
    }

    BusinessTimeResponse answer(BusinessCalendar calendar) {
        if (duration != null) {
            return new BusinessTimeResponse(from, null, duration.toString(), calendar.plus(from, duration));
        }
        return new BusinessTimeResponse(from, to, calendar.between(from, to).toString(), null);
    }

    private static Instant instant(String field, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an instant such as 2026-03-27T16:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidFieldException(field, "must be between the years 1900 and 2999");
        }
        return instant;
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("duration", "must be an ISO 8601 duration such as PT4H");
        }
        if (duration.isNegative() || duration.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new InvalidFieldException("duration", "must be from PT0S up to " + MAX_DAYS + " days (P" + MAX_DAYS + "D)");
        }
        return duration;
    }
}
