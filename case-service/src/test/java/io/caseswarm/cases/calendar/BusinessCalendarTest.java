package io.caseswarm.cases.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Business time on calendars chosen to show each rule: weekends, lunch, holidays, midnight, the clock changing. */
class BusinessCalendarTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final List<WorkingSpan> OFFICE = List.of(WorkingSpan.of("09:00", "13:00"), WorkingSpan.of("14:00", "18:00"));
    private static final Map<DayOfWeek, List<WorkingSpan>> WEEKDAYS = Map.of(MONDAY, OFFICE, TUESDAY, OFFICE,
            WEDNESDAY, OFFICE, THURSDAY, OFFICE, FRIDAY, OFFICE);
    private static final BusinessCalendar ROME_OFFICE = new BusinessCalendar("rome", "Rome office", ROME, WEEKDAYS,
            Holidays.NONE);

    @Test
    void fourBusinessHoursAfterFriday1600InRomeIsMonday1100() {
        assertThat(ROME_OFFICE.plus(rome("2026-05-15T16:00"), Duration.ofHours(4))).isEqualTo(rome("2026-05-18T11:00"));
        assertThat(ROME_OFFICE.between(rome("2026-05-15T16:00"), rome("2026-05-18T11:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void fourBusinessHoursAfterFriday1600InRomeIsTuesday1100WhenMondayIsAHoliday() {
        BusinessCalendar calendar = rome(new Holidays(Set.of(LocalDate.parse("2026-05-18")), Set.of()));

        assertThat(calendar.plus(rome("2026-05-15T16:00"), Duration.ofHours(4))).isEqualTo(rome("2026-05-19T11:00"));
        assertThat(calendar.isOpen(rome("2026-05-18T10:00"))).isFalse();
        assertThat(calendar.between(rome("2026-05-15T00:00"), rome("2026-05-20T00:00"))).isEqualTo(Duration.ofHours(16));
    }

    @Test
    void aYearlyHolidayIsOffEveryYearOnWhateverWeekdayItFalls() {
        BusinessCalendar calendar = rome(new Holidays(Set.of(), Set.of(MonthDay.of(12, 25))));

        // Christmas 2026 is a Friday: 2 hours on Thursday, none on Friday, 2 on Monday 28th.
        assertThat(calendar.plus(rome("2026-12-24T16:00"), Duration.ofHours(4))).isEqualTo(rome("2026-12-28T11:00"));
        assertThat(calendar.isOpen(rome("2026-12-25T10:00"))).isFalse();
        assertThat(calendar.isOpen(rome("2031-12-25T10:00"))).isFalse(); // a Thursday
        assertThat(calendar.isOpen(rome("2031-12-24T10:00"))).isTrue();
    }

    @Test
    void aLeapDayAsAYearlyHolidayIsOffInLeapYearsOnly() {
        BusinessCalendar calendar = rome(new Holidays(Set.of(), Set.of(MonthDay.of(2, 29))));

        assertThat(calendar.isOpen(rome("2028-02-29T10:00"))).isFalse();
        assertThat(calendar.isOpen(rome("2027-03-01T10:00"))).isTrue();
    }

    @Test
    void startingInTheLunchBreakCountsFromTheAfternoonOpening() {
        assertThat(ROME_OFFICE.plus(rome("2026-05-18T13:30"), Duration.ofHours(1))).isEqualTo(rome("2026-05-18T15:00"));
        assertThat(ROME_OFFICE.nextOpening(rome("2026-05-18T13:30"))).isEqualTo(rome("2026-05-18T14:00"));
        assertThat(ROME_OFFICE.between(rome("2026-05-18T12:30"), rome("2026-05-18T14:30"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void workThatEndsWithASpanIsDueAtItsEndNotAtTheNextOpening() {
        assertThat(ROME_OFFICE.plus(rome("2026-05-15T14:00"), Duration.ofHours(4))).isEqualTo(rome("2026-05-15T18:00"));
        assertThat(ROME_OFFICE.plus(rome("2026-05-18T09:00"), Duration.ofHours(4))).isEqualTo(rome("2026-05-18T13:00"));
    }

    @Test
    void aSpanIncludesItsStartAndNotItsEnd() {
        assertThat(ROME_OFFICE.isOpen(rome("2026-05-18T09:00"))).isTrue();
        assertThat(ROME_OFFICE.isOpen(rome("2026-05-18T12:59:59.999999999"))).isTrue();
        assertThat(ROME_OFFICE.isOpen(rome("2026-05-18T13:00"))).isFalse();
        assertThat(ROME_OFFICE.isOpen(rome("2026-05-16T10:00"))).isFalse(); // a Saturday
        assertThat(ROME_OFFICE.nextOpening(rome("2026-05-18T09:00"))).isEqualTo(rome("2026-05-18T09:00"));
        assertThat(ROME_OFFICE.nextOpening(rome("2026-05-15T18:00"))).isEqualTo(rome("2026-05-18T09:00"));
    }

    @Test
    void zeroBusinessTimeIsDueAtTheStartOpenOrNot() {
        assertThat(ROME_OFFICE.plus(rome("2026-05-18T10:00"), Duration.ZERO)).isEqualTo(rome("2026-05-18T10:00"));
        assertThat(ROME_OFFICE.plus(rome("2026-05-16T10:00"), Duration.ZERO)).isEqualTo(rome("2026-05-16T10:00"));
        assertThat(ROME_OFFICE.between(rome("2026-05-18T10:00"), rome("2026-05-18T10:00"))).isZero();
        assertThat(ROME_OFFICE.between(rome("2026-05-16T10:00"), rome("2026-05-17T10:00"))).isZero();
    }

    @Test
    void betweenBackwardsIsZeroAndNegativeBusinessTimeIsRefused() {
        assertThat(ROME_OFFICE.between(rome("2026-05-18T11:00"), rome("2026-05-15T16:00"))).isZero();
        assertThatThrownBy(() -> ROME_OFFICE.plus(rome("2026-05-18T11:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void businessTimeIsExactBelowTheMinute() {
        Duration odd = Duration.ofHours(3).plusSeconds(59).plusNanos(1);

        Instant due = ROME_OFFICE.plus(rome("2026-05-18T12:00:00.5"), odd);

        assertThat(due).isEqualTo(rome("2026-05-18T16:00:59.500000001"));
        assertThat(ROME_OFFICE.between(rome("2026-05-18T12:00:00.5"), due)).isEqualTo(odd);
    }

    /** Mon 22:00–24:00 and Tue 00:00–06:00: one night of 8 hours, and a holiday on Tuesday takes its second part. */
    @Test
    void hoursAcrossMidnightAreTwoSpansOneOnEachDay() {
        Map<DayOfWeek, List<WorkingSpan>> night = Map.of(MONDAY, List.of(WorkingSpan.of("22:00", "24:00")),
                TUESDAY, List.of(WorkingSpan.of("00:00", "06:00")));
        BusinessCalendar calendar = new BusinessCalendar("night", "Night", ROME, night, Holidays.NONE);
        BusinessCalendar tuesdayOff = new BusinessCalendar("night", "Night", ROME, night,
                new Holidays(Set.of(LocalDate.parse("2026-05-19")), Set.of()));

        assertThat(calendar.plus(rome("2026-05-18T23:00"), Duration.ofHours(3))).isEqualTo(rome("2026-05-19T02:00"));
        assertThat(calendar.between(rome("2026-05-18T00:00"), rome("2026-05-20T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(calendar.isOpen(rome("2026-05-19T00:00"))).isTrue();
        assertThat(tuesdayOff.plus(rome("2026-05-18T23:00"), Duration.ofHours(3))).isEqualTo(rome("2026-05-25T24:00"));
    }

    @Test
    void aWholeDayRunsFromMidnightToMidnight() {
        BusinessCalendar calendar = new BusinessCalendar("sun", "Sundays", ZoneId.of("UTC"),
                Map.of(SUNDAY, List.of(WorkingSpan.of("00:00", "24:00"))), Holidays.NONE);

        assertThat(calendar.between(Instant.parse("2026-05-17T00:00:00Z"), Instant.parse("2026-05-25T00:00:00Z")))
                .isEqualTo(Duration.ofHours(48));
        assertThat(calendar.plus(Instant.parse("2026-05-17T23:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-05-24T01:00:00Z"));
    }

    /** Rome springs forward on Sunday 29 March 2026 at 02:00 to 03:00: that night's span is an hour shorter. */
    @Test
    void springForwardInRomeShortensANightSpanByTheSkippedHour() {
        BusinessCalendar calendar = sundayNights(List.of(WorkingSpan.of("00:00", "06:00")));

        assertThat(calendar.between(rome("2026-03-29T00:00"), rome("2026-03-29T06:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(calendar.between(rome("2026-03-22T00:00"), rome("2026-03-22T06:00"))).isEqualTo(Duration.ofHours(6));
        // 01:30 CET is 00:30Z; an hour of work later it is 01:30Z, which the clock shows as 03:30 CEST.
        assertThat(calendar.plus(rome("2026-03-29T01:30"), Duration.ofHours(1))).isEqualTo(rome("2026-03-29T03:30"));
        assertThat(calendar.plus(rome("2026-03-29T01:30"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    /** Rome falls back on Sunday 25 October 2026 at 03:00 to 02:00: the clock shows 02:00–03:00 twice. */
    @Test
    void fallBackInRomeLengthensANightSpanByTheRepeatedHour() {
        BusinessCalendar calendar = sundayNights(List.of(WorkingSpan.of("00:00", "06:00")));
        Instant firstHalfPastTwo = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST
        Instant secondHalfPastTwo = Instant.parse("2026-10-25T01:30:00Z"); // 02:30 CET

        assertThat(calendar.between(rome("2026-10-25T00:00"), rome("2026-10-25T06:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.plus(firstHalfPastTwo, Duration.ofHours(1))).isEqualTo(secondHalfPastTwo);
        assertThat(calendar.isOpen(firstHalfPastTwo)).isTrue();
        assertThat(calendar.isOpen(secondHalfPastTwo)).isTrue();
    }

    @Test
    void aSpanInTheSkippedHourIsNotWorkedAndOneInTheRepeatedHourIsWorkedTwice() {
        BusinessCalendar calendar = sundayNights(List.of(WorkingSpan.of("02:00", "03:00")));

        assertThat(calendar.between(rome("2026-03-29T00:00"), rome("2026-03-29T12:00"))).isZero();
        assertThat(calendar.plus(rome("2026-03-29T00:00"), Duration.ofMinutes(30))).isEqualTo(rome("2026-04-05T02:30"));
        assertThat(calendar.between(rome("2026-10-25T00:00"), rome("2026-10-25T12:00"))).isEqualTo(Duration.ofHours(2));
        // The first pass through 02:00–03:00 is 00:00Z–01:00Z, the second 01:00Z–02:00Z: one stretch of 2 hours.
        assertThat(calendar.plus(rome("2026-10-25T00:00"), Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    /** Australia/Lord_Howe moves its clock by half an hour: 02:00 → 02:30 on 4 October 2026. */
    @Test
    void aHalfHourClockChangeShortensTheSpanByHalfAnHour() {
        BusinessCalendar calendar = new BusinessCalendar("lhi", "Lord Howe", ZoneId.of("Australia/Lord_Howe"),
                Map.of(SUNDAY, List.of(WorkingSpan.of("01:00", "04:00"))), Holidays.NONE);
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");

        Instant night = LocalDate.parse("2026-10-04").atStartOfDay(lordHowe).toInstant();
        assertThat(calendar.between(night, night.plus(Duration.ofHours(12)))).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void weeksOfBusinessTimeAreCountedSpanBySpan() {
        Duration yearOfWork = Duration.ofHours(8 * 5 * 52);

        Instant due = ROME_OFFICE.plus(rome("2026-01-05T09:00"), yearOfWork);

        assertThat(due).isEqualTo(rome("2027-01-01T18:00"));
        assertThat(ROME_OFFICE.between(rome("2026-01-05T09:00"), due)).isEqualTo(yearOfWork);
    }

    @Test
    void aCalendarWithoutHoursOrWithAYearlyHolidayEveryDayIsRefused() {
        Map<DayOfWeek, List<WorkingSpan>> none = new EnumMap<>(DayOfWeek.class);
        none.put(MONDAY, List.of());
        Set<MonthDay> everyDay = new HashSet<>();
        for (LocalDate day = LocalDate.parse("2028-01-01"); day.getYear() == 2028; day = day.plusDays(1)) {
            everyDay.add(MonthDay.from(day));
        }

        assertThatThrownBy(() -> new BusinessCalendar("none", "None", ROME, none, Holidays.NONE))
                .isInstanceOf(NoWorkingTimeException.class);
        assertThatThrownBy(() -> new Holidays(Set.of(), everyDay)).isInstanceOf(NoWorkingTimeException.class);
    }

    /** Mondays only, and every day but 29 February a holiday: the next working day is Monday 29 February 2044. */
    @Test
    void noWorkingTimeForYearsEndsTheSearchWithAnErrorRatherThanALoop() {
        Set<MonthDay> allButLeapDay = new HashSet<>();
        for (LocalDate day = LocalDate.parse("2027-01-01"); day.getYear() == 2027; day = day.plusDays(1)) {
            allButLeapDay.add(MonthDay.from(day));
        }
        BusinessCalendar calendar = new BusinessCalendar("rare", "Rarely open", ROME, Map.of(MONDAY, OFFICE),
                new Holidays(Set.of(), allButLeapDay));

        assertThatThrownBy(() -> calendar.plus(rome("2026-05-18T10:00"), Duration.ofHours(1)))
                .isInstanceOf(NoWorkingTimeException.class).hasMessageContaining("no working time");
        assertThatThrownBy(() -> calendar.nextOpening(rome("2026-05-18T10:00"))).isInstanceOf(NoWorkingTimeException.class);
        assertThat(calendar.nextOpening(rome("2040-01-01T00:00"))).isEqualTo(rome("2044-02-29T09:00"));
        assertThat(calendar.between(rome("2026-05-18T10:00"), rome("2027-05-18T10:00"))).isZero();
    }

    @Test
    void spansOfADayMayTouchButNotOverlapAndEndAfterTheyStart() {
        assertThatThrownBy(() -> WorkingSpan.of("13:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingSpan.of("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkingSpan.of("09:00", "00:00")).isEqualTo(WorkingSpan.of("09:00", "24:00"));

        assertThatThrownBy(() -> new BusinessCalendar("x", "x", ROME, Map.of(TUESDAY, List.of(WorkingSpan.of("14:00", "18:00"),
                WorkingSpan.of("08:00", "12:00"), WorkingSpan.of("11:00", "13:00"))), Holidays.NONE))
                .isInstanceOfSatisfying(OverlappingSpansException.class, e -> {
                    assertThat(e.day()).isEqualTo(TUESDAY);
                    assertThat(e.index()).isEqualTo(2);
                });
        BusinessCalendar touching = new BusinessCalendar("x", "x", ROME, Map.of(TUESDAY, List.of(WorkingSpan.of("13:00", "18:00"),
                WorkingSpan.of("09:00", "13:00"))), Holidays.NONE);
        assertThat(touching.hoursOn(TUESDAY)).containsExactly(WorkingSpan.of("09:00", "13:00"), WorkingSpan.of("13:00", "18:00"));
        assertThat(touching.plus(rome("2026-05-19T12:00"), Duration.ofHours(2))).isEqualTo(rome("2026-05-19T14:00"));
    }

    @Test
    void aSpanReadsBackFromItsText() {
        assertThat(WorkingSpan.parse("22:00-24:00")).isEqualTo(WorkingSpan.of("22:00", "24:00"));
        assertThat(WorkingSpan.of("22:00", "24:00")).hasToString("22:00-24:00");
        assertThat(WorkingSpan.parse(WorkingSpan.of("09:30", "17:15").toString())).isEqualTo(WorkingSpan.of("09:30", "17:15"));
    }

    private static BusinessCalendar rome(Holidays holidays) {
        return new BusinessCalendar("rome", "Rome office", ROME, WEEKDAYS, holidays);
    }

    private static BusinessCalendar sundayNights(List<WorkingSpan> spans) {
        return new BusinessCalendar("nights", "Sunday nights", ROME, Map.of(SUNDAY, spans), Holidays.NONE);
    }

    /** A wall-clock time in Rome; "24:00" is midnight at the end of the day; a time the clock shows twice is its first. */
    private static Instant rome(String localDateTime) {
        if (localDateTime.endsWith("T24:00")) {
            return LocalDate.parse(localDateTime.substring(0, 10)).plusDays(1).atStartOfDay(ROME).toInstant();
        }
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ROME).toInstant();
    }
}
