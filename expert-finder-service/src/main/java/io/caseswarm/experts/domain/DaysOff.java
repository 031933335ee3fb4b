package io.caseswarm.experts.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person's calendar: the days of the week they work ({@code workingDays}; none given means every day, as
 * working hours alone always meant), their holidays and their time off. On any other day they are off, and
 * invited only to urgent swarms, and only if they opted in ({@code urgentOnDaysOff}).
 */
public record DaysOff(Set<DayOfWeek> workingDays, List<LocalDate> holidays, List<DateRange> timeOff,
        boolean urgentOnDaysOff) {

    public DaysOff {
        // An EnumSet keeps the days in week order: the same calendar is always written the same way.
        workingDays = workingDays == null || workingDays.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        timeOff = timeOff == null ? List.of() : List.copyOf(timeOff);
    }

    /**
     * The calendar these fields give, or null when they give none: nobody is off on any day, which is what a
     * profile without a calendar (and every profile from before calendars) means too.
     */
    public static DaysOff of(Set<DayOfWeek> workingDays, List<LocalDate> holidays, List<DateRange> timeOff,
            Boolean urgentOnDaysOff) {
        DaysOff daysOff = new DaysOff(workingDays, holidays, timeOff, Boolean.TRUE.equals(urgentOnDaysOff));
        return daysOff.equals(new DaysOff(null, null, null, false)) ? null : daysOff;
    }

    public boolean isOff(LocalDate day) {
        return !workingDays.isEmpty() && !workingDays.contains(day.getDayOfWeek())
                || holidays.contains(day)
                || timeOff.stream().anyMatch(range -> range.contains(day));
    }
}
