package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;

import io.caseswarm.cases.calendar.StoredCalendar;

/** A calendar as the API shows it: every day of the week, each day's spans earliest first, holidays in order. */
public record CalendarResponse(String id, String name, String timeZone, CalendarHours hours, List<String> holidays,
        List<String> yearlyHolidays, Instant updatedAt, String updatedBy) {

    static CalendarResponse of(StoredCalendar stored) {
        return new CalendarResponse(stored.id, stored.name, stored.timeZone, CalendarHours.of(stored.calendar()),
                stored.holidays, stored.yearlyHolidays, stored.updatedAt, stored.updatedBy);
    }
}
