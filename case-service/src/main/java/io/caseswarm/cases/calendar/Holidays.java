package io.caseswarm.cases.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The days a calendar does not work, whatever its weekly hours say: particular dates (a bridge day in
 * 2026) and dates that come back every year (25 December). A holiday is a whole date of the calendar's
 * zone; every span of that date is off, including the morning half of a night shift that began the day
 * before. A yearly 29 February is a holiday in leap years only.
 */
public record Holidays(Set<LocalDate> dates, Set<MonthDay> yearly) {

    public static final Holidays NONE = new Holidays(Set.of(), Set.of());

    /** Every day of a leap year: yearly holidays on all of them would leave no working day ever. */
    private static final int DAYS_OF_A_LEAP_YEAR = 366;

    public Holidays {
        dates = Set.copyOf(dates);
        yearly = Set.copyOf(yearly);
        if (yearly.size() >= DAYS_OF_A_LEAP_YEAR) {
            throw new NoWorkingTimeException("a yearly holiday on every day of the year leaves no working day");
        }
    }

    public boolean contains(LocalDate date) {
        return dates.contains(date) || yearly.contains(MonthDay.from(date));
    }
}
