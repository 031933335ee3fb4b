package io.caseswarm.cases.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Working hours within one day, from {@code start} up to but not including {@code end}, as the wall clock
 * of the calendar's zone reads them. An {@code end} of {@link LocalTime#MIDNIGHT} is the end of the day
 * (24:00), so {@code 00:00–00:00} is the whole day; every other end must be after the start. Hours that go
 * on past midnight are two spans, one on each day: a night shift is {@code 22:00–24:00} on one day and
 * {@code 00:00–06:00} on the next.
 */
public record WorkingSpan(LocalTime start, LocalTime end) {

    public WorkingSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("must be after the start (" + start + "), or 24:00");
        }
    }

    /** {@code "09:00"} and {@code "13:00"}; an end of {@code "24:00"} (or {@code "00:00"}) is the end of the day. */
    public static WorkingSpan of(String start, String end) {
        return new WorkingSpan(LocalTime.parse(start), "24:00".equals(end) ? LocalTime.MIDNIGHT : LocalTime.parse(end));
    }

    /** The inverse of {@link #toString()}: {@code "09:00-13:00"}. */
    public static WorkingSpan parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not a span such as 09:00-13:00: " + text);
        }
        return of(text.substring(0, dash), text.substring(dash + 1));
    }

    /** How long the span is (as the wall clock reads it, on a day the clock is not changed). */
    public Duration length() {
        return Duration.between(startOn(LocalDate.EPOCH), endOn(LocalDate.EPOCH));
    }

    /** The end as people write it: {@code "24:00"} for the end of the day. */
    public String endText() {
        return endsWithTheDay() ? "24:00" : end.toString();
    }

    boolean endsWithTheDay() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    boolean contains(LocalTime time) {
        return !time.isBefore(start) && (endsWithTheDay() || time.isBefore(end));
    }

    boolean overlaps(WorkingSpan other) {
        return startOn(LocalDate.EPOCH).isBefore(other.endOn(LocalDate.EPOCH))
                && other.startOn(LocalDate.EPOCH).isBefore(endOn(LocalDate.EPOCH));
    }

    LocalDateTime startOn(LocalDate date) {
        return date.atTime(start);
    }

    LocalDateTime endOn(LocalDate date) {
        return endsWithTheDay() ? date.plusDays(1).atStartOfDay() : date.atTime(end);
    }

    /** The index of the first span that overlaps one before it in the list, or -1 when none does. */
    static int firstOverlapping(List<WorkingSpan> spans) {
        for (int i = 1; i < spans.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (spans.get(i).overlaps(spans.get(j))) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return start + "-" + endText();
    }
}
