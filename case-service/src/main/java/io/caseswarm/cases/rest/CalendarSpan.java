package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.caseswarm.cases.calendar.WorkingSpan;
import io.caseswarm.platform.rest.InvalidFieldException;

/** A span of working hours in the API: {@code {"start": "09:00", "end": "13:00"}}; {@code "24:00"} ends the day. */
public record CalendarSpan(
        @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                message = "must be a time of day such as 09:00 (HH:mm)") String start,
        @NotNull @Pattern(regexp = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
                message = "must be a time of day such as 17:30 (HH:mm), or 24:00 for the end of the day") String end) {

    static CalendarSpan of(WorkingSpan span) {
        return new CalendarSpan(span.start().toString(), span.endText());
    }

    /** The span, or 400 naming {@code field}'s end when it is not after the start. */
    WorkingSpan span(String field) {
        try {
            return WorkingSpan.of(start, end);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field + ".end", e.getMessage());
        }
    }
}
