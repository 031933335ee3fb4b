package io.caseswarm.cases.rest;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.calendar.BusinessCalendar;
import io.caseswarm.cases.calendar.Holidays;
import io.caseswarm.cases.calendar.NoWorkingTimeException;
import io.caseswarm.cases.calendar.OverlappingSpansException;
import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * The body of {@code PUT /calendars/{id}}: a name for people, an IANA time zone, the weekly hours, and
 * holidays as dates ({@code "2026-12-08"}) and as month and day every year ({@code "12-25"}). The holiday
 * lists are optional; each holiday counts once.
 */
public record CalendarRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String timeZone,
        @NotNull @Valid CalendarHours hours,
        @Size(max = MAX_HOLIDAYS) List<@NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                message = "must be a date such as 2026-12-08") String> holidays,
        @Size(max = 366) List<@NotNull @Pattern(regexp = "^[0-9]{2}-[0-9]{2}$",
                message = "must be a month and day such as 12-25") String> yearlyHolidays) {

    /** Decades of a country's holidays; the body limit allows about 5 000 dates, far more than any desk keeps. */
    static final int MAX_HOLIDAYS = 2_000;

    /** The calendar this body describes, or 400 naming the first field that makes it no calendar. */
    BusinessCalendar calendar(String id) {
        Holidays holidays = checkedHolidays();
        try {
            return new BusinessCalendar(id, name.strip(), checkedZone(), hours.spans(), holidays);
        } catch (OverlappingSpansException e) {
            throw new InvalidFieldException("hours." + StoredCalendar.dayName(e.day()) + "[" + e.index() + "]",
                    e.getMessage());
        } catch (NoWorkingTimeException e) {
            throw new InvalidFieldException("hours", e.getMessage());
        }
    }

    private ZoneId checkedZone() {
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new InvalidFieldException("timeZone", "must be a time zone of the IANA database, such as Europe/Rome or UTC");
        }
        return ZoneId.of(timeZone);
    }

    private Holidays checkedHolidays() {
        Set<LocalDate> dates = distinct("holidays", holidays, LocalDate::parse);
        Set<MonthDay> yearly = distinct("yearlyHolidays", yearlyHolidays, day -> MonthDay.parse("--" + day));
        try {
            return new Holidays(dates, yearly);
        } catch (NoWorkingTimeException e) {
            throw new InvalidFieldException("yearlyHolidays", e.getMessage());
        }
    }

    /** Each value read, once; 400 naming the place of one that is no such day or repeats an earlier one. */
    private static <T> Set<T> distinct(String field, List<String> values, Function<String, T> reader) {
        Set<T> read = new HashSet<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            T value;
            try {
                value = reader.apply(values.get(i));
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field + "[" + i + "]", "is no day of the calendar");
            }
            if (!read.add(value)) {
                throw new InvalidFieldException(field + "[" + i + "]", "repeats an earlier value");
            }
        }
        return read;
    }
}
