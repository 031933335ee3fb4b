package io.caseswarm.experts.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who is off when: weekends, holidays, time off (both ends included), and the opt-in for urgent swarms. */
class DaysOffTest {

    private static final Set<java.time.DayOfWeek> WEEKDAYS = Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    // 2026-12-04 is a Friday, 12-05 a Saturday, 12-06 a Sunday, 12-07 a Monday.
    private static final LocalDate FRIDAY_4TH = LocalDate.of(2026, 12, 4);
    private static final LocalDate SATURDAY_5TH = LocalDate.of(2026, 12, 5);
    private static final LocalDate SUNDAY_6TH = LocalDate.of(2026, 12, 6);
    private static final LocalDate MONDAY_7TH = LocalDate.of(2026, 12, 7);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Test
    void theWeekendIsOffForSomeoneWhoWorksWeekdays() {
        DaysOff weekdays = new DaysOff(WEEKDAYS, List.of(), List.of(), false);
        assertThat(weekdays.isOff(FRIDAY_4TH)).isFalse();
        assertThat(weekdays.isOff(SATURDAY_5TH)).isTrue();
        assertThat(weekdays.isOff(SUNDAY_6TH)).isTrue();
        assertThat(weekdays.isOff(MONDAY_7TH)).isFalse();
    }

    @Test
    void noWorkingDaysGivenMeansEveryDayAsWorkingHoursAloneAlwaysMeant() {
        for (Set<java.time.DayOfWeek> none : java.util.Arrays.asList(null, Set.<java.time.DayOfWeek>of())) {
            DaysOff everyDay = new DaysOff(none, null, null, false);
            assertThat(List.of(FRIDAY_4TH, SATURDAY_5TH, SUNDAY_6TH, MONDAY_7TH)).noneMatch(everyDay::isOff);
        }
    }

    @Test
    void aHolidayIsOffEvenOnAWorkingDay() {
        DaysOff christmas = new DaysOff(WEEKDAYS, List.of(CHRISTMAS), List.of(), false);
        assertThat(christmas.isOff(CHRISTMAS)).isTrue(); // a Friday
        assertThat(christmas.isOff(CHRISTMAS.minusDays(1))).isFalse();
        assertThat(christmas.isOff(CHRISTMAS.plusDays(4))).isFalse();
    }

    @Test
    void timeOffIncludesBothItsFirstAndItsLastDay() {
        DaysOff away = new DaysOff(null, List.of(), List.of(new DateRange(MONDAY_7TH, MONDAY_7TH.plusDays(4))), false);
        assertThat(away.isOff(MONDAY_7TH.minusDays(1))).isFalse();
        assertThat(away.isOff(MONDAY_7TH)).isTrue();
        assertThat(away.isOff(MONDAY_7TH.plusDays(2))).isTrue();
        assertThat(away.isOff(MONDAY_7TH.plusDays(4))).isTrue();
        assertThat(away.isOff(MONDAY_7TH.plusDays(5))).isFalse();
        DaysOff oneDay = new DaysOff(null, List.of(), List.of(new DateRange(FRIDAY_4TH, FRIDAY_4TH)), false);
        assertThat(oneDay.isOff(FRIDAY_4TH)).isTrue();
        assertThat(oneDay.isOff(SATURDAY_5TH)).isFalse();
    }

    @Test
    void onADayOffOnlyAnUrgentSwarmReachesThemAndOnlyIfTheyOptedIn() {
        Profile optedIn = profile(new DaysOff(WEEKDAYS, List.of(), List.of(), true));
        Profile notOptedIn = profile(new DaysOff(WEEKDAYS, List.of(), List.of(), false));

        assertThat(optedIn.offOn(SATURDAY_5TH, false)).isTrue();
        assertThat(optedIn.offOn(SATURDAY_5TH, true)).isFalse();
        assertThat(notOptedIn.offOn(SATURDAY_5TH, false)).isTrue();
        assertThat(notOptedIn.offOn(SATURDAY_5TH, true)).isTrue();
        // On a working day nobody is off, urgent or not.
        assertThat(notOptedIn.offOn(FRIDAY_4TH, false)).isFalse();
        assertThat(notOptedIn.offOn(FRIDAY_4TH, true)).isFalse();
    }

    @Test
    void aProfileWithoutACalendarIsNeverOff() {
        Profile noCalendar = new Profile("Ana", "ana@example.com", null, "UTC",
                new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of(new Skill("sql", 3)), 2,
                Presence.AVAILABLE);
        assertThat(noCalendar.daysOff()).isNull();
        assertThat(noCalendar.offOn(SUNDAY_6TH, false)).isFalse();
        assertThat(noCalendar.withPresence(Presence.BUSY).offOn(SUNDAY_6TH, false)).isFalse();
        // The calendar survives the other changes of a profile.
        Profile weekdays = profile(new DaysOff(WEEKDAYS, List.of(), List.of(), false));
        assertThat(weekdays.withPresence(Presence.BUSY).withRoles(List.of("expert")).offOn(SUNDAY_6TH, false))
                .isTrue();
    }

    @Test
    void fieldsThatGiveNoCalendarAreNoneAndTheDaysAreKeptInWeekOrder() {
        assertThat(DaysOff.of(null, null, null, null)).isNull();
        assertThat(DaysOff.of(Set.of(), List.of(), List.of(), false)).isNull();
        assertThat(DaysOff.of(null, null, null, true)).isNotNull();
        assertThat(DaysOff.of(Set.of(FRIDAY, MONDAY, WEDNESDAY), null, null, null).workingDays())
                .containsExactly(MONDAY, WEDNESDAY, FRIDAY);
    }

    private static Profile profile(DaysOff daysOff) {
        return new Profile("Ana", "ana@example.com", null, "UTC",
                new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of(new Skill("sql", 3)), 2,
                Presence.AVAILABLE, null, List.of(), daysOff);
    }
}
