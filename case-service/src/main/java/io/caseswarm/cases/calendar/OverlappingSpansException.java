package io.caseswarm.cases.calendar;

import java.time.DayOfWeek;

/** Spans of one day that overlap: the {@code index}th of {@code day}'s spans, as given, overlaps an earlier one. */
public class OverlappingSpansException extends IllegalArgumentException {

    private final DayOfWeek day;
    private final int index;

    OverlappingSpansException(DayOfWeek day, int index) {
        super("overlaps an earlier span of the same day");
        this.day = day;
        this.index = index;
    }

    public DayOfWeek day() {
        return day;
    }

    public int index() {
        return index;
    }
}
