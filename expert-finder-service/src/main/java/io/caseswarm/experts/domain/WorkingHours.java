package io.caseswarm.experts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** A person's working day in their own time zone; an end before the start spans midnight. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public boolean contain(LocalTime time) {
        return start.isBefore(end) || start.equals(end)
                ? !time.isBefore(start) && !time.isAfter(end)
                : !time.isBefore(start) || !time.isAfter(end);
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}, counting only
     * these hours on the person's own clock in {@code zone} (daylight-saving changes included). Time
     * outside the hours does not count: two working hours asked for at 17:00 of a 09:00–18:00 day end
     * at 10:00 the next morning.
     */
    public Instant plusWorkingTime(Instant from, Duration amount, ZoneId zone) {
        if (start.equals(end)) {
            return from.plus(amount); // no gap in the day to skip
        }
        Duration left = amount;
        Instant cursor = from;
        // From the day before: a shift that spans midnight may have begun yesterday.
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int days = 0; days < MAX_DAYS; days++, day = day.plusDays(1)) {
            Instant shiftStart = day.atTime(start).atZone(zone).toInstant();
            Instant shiftEnd = (end.isAfter(start) ? day : day.plusDays(1)).atTime(end).atZone(zone).toInstant();
            if (!shiftEnd.isAfter(cursor)) {
                continue;
            }
            Instant begin = shiftStart.isAfter(cursor) ? shiftStart : cursor;
            Duration available = Duration.between(begin, shiftEnd);
            if (available.compareTo(left) >= 0) {
                return begin.plus(left);
            }
            left = left.minus(available);
            cursor = shiftEnd;
        }
        throw new IllegalArgumentException("No end for " + amount + " of working time in " + MAX_DAYS + " days");
    }

    /** Far beyond any timeout in working time; only a nonsense amount gets near it. */
    private static final int MAX_DAYS = 3_700;
}
