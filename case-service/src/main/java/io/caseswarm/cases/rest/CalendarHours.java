package io.caseswarm.cases.rest;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.calendar.BusinessCalendar;
import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.calendar.WorkingSpan;

/**
 * A calendar's weekly hours in the API: each day's spans, in any order; a day left out (or empty) is not
 * worked. Any other key than the seven days is an unknown field.
 */
public record CalendarHours(
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> monday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> tuesday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> wednesday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> thursday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> friday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> saturday,
        @Size(max = MAX_SPANS) List<@NotNull @Valid CalendarSpan> sunday) {

    /** More spans than this in a day are not working hours anybody keeps. */
    static final int MAX_SPANS = 12;

    static CalendarHours of(BusinessCalendar calendar) {
        Function<DayOfWeek, List<CalendarSpan>> on = day -> calendar.hoursOn(day).stream().map(CalendarSpan::of).toList();
        return new CalendarHours(on.apply(DayOfWeek.MONDAY), on.apply(DayOfWeek.TUESDAY), on.apply(DayOfWeek.WEDNESDAY),
                on.apply(DayOfWeek.THURSDAY), on.apply(DayOfWeek.FRIDAY), on.apply(DayOfWeek.SATURDAY),
                on.apply(DayOfWeek.SUNDAY));
    }

    /** Each day's spans as sent, checked one by one; 400 naming {@code hours.<day>[i].end} for one that ends too early. */
    Map<DayOfWeek, List<WorkingSpan>> spans() {
        Map<DayOfWeek, List<WorkingSpan>> spans = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<CalendarSpan> sent = sentOn(day) == null ? List.of() : sentOn(day);
            String field = "hours." + StoredCalendar.dayName(day);
            spans.put(day, IntStream.range(0, sent.size()).mapToObj(i -> sent.get(i).span(field + "[" + i + "]")).toList());
        }
        return spans;
    }

    private List<CalendarSpan> sentOn(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> monday;
            case TUESDAY -> tuesday;
            case WEDNESDAY -> wednesday;
            case THURSDAY -> thursday;
            case FRIDAY -> friday;
            case SATURDAY -> saturday;
            case SUNDAY -> sunday;
        };
    }
}
