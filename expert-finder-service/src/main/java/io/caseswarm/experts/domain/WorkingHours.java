package io.caseswarm.experts.domain;

import java.time.LocalTime;

/** A person's working day in their own time zone; an end before the start spans midnight. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public boolean contain(LocalTime time) {
        return start.isBefore(end) || start.equals(end)
                ? !time.isBefore(start) && !time.isAfter(end)
                : !time.isBefore(start) || !time.isAfter(end);
    }
}
