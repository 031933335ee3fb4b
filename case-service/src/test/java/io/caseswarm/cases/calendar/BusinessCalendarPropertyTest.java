package io.caseswarm.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * On random calendars, in zones with odd offsets and clock changes, the calendar agrees with a walk over
 * every minute that asks of each one only "does the wall clock show a working minute of a working day?".
 * Every run draws new calendars; a failure names its seed, and {@code -Dcalendar.seed=<seed>} draws the
 * same ones again.
 */
class BusinessCalendarPropertyTest {

    private static final long SEED = Long.getLong("calendar.seed", new Random().nextLong());
    /** More with -Dcalendar.cases=<n>. */
    private static final int CASES = Integer.getInteger("calendar.cases", 300);
    /** Asia/Tehran (+03:30, summer time until 2022), Lord_Howe (a 30-minute change), Chatham (+12:45). */
    private static final List<ZoneId> ZONES = List.of("Europe/Rome", "America/New_York", "Asia/Tehran",
            "Asia/Ho_Chi_Minh", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "UTC").stream()
            .map(ZoneId::of).toList();
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 12;
    private static final int MINUTES_A_DAY = 24 * 60;

    @Test
    void plusBetweenIsOpenAndNextOpeningAgreeWithAMinuteWalk() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            RandomCalendar drawn = RandomCalendar.draw(random);
            BusinessCalendar calendar = drawn.calendar();
            Instant start = randomStart(random, calendar.zone());
            long businessMinutes = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt((int) Math.min(4_000, drawn.minutesAWeek() * 2));
            Instant to = start.plus(random.nextInt(3 * 7 * MINUTES_A_DAY), ChronoUnit.MINUTES);
            String context = "seed " + SEED + " (-Dcalendar.seed=" + SEED + " draws it again), case " + i + ": " + calendar
                    + ", start " + start + ", " + businessMinutes + " business minutes, to " + to;

            MinuteWalk walk = drawn.walk(start, businessMinutes, to);

            assertThat(calendar.plus(start, Duration.ofMinutes(businessMinutes))).as(context).isEqualTo(walk.due());
            assertThat(calendar.between(start, to)).as(context).isEqualTo(Duration.ofMinutes(walk.minutesUntilTo()));
            assertThat(calendar.between(to, start)).as(context).isZero();
            assertThat(calendar.nextOpening(start)).as(context).isEqualTo(walk.firstOpen());
            for (int probe = 0; probe < 20; probe++) {
                Instant instant = start.plusSeconds(random.nextLong(Duration.between(start, to).getSeconds() + 1))
                        .plusNanos(random.nextInt(1_000_000_000));
                assertThat(calendar.isOpen(instant)).as(context + ", isOpen(" + instant + ")").isEqualTo(drawn.isOpen(instant));
            }
        }
    }

    /** Below the minute, where the walk cannot go: whatever is added is what is counted, to the nanosecond. */
    @Test
    void betweenGivesBackWhatPlusAddedToTheNanosecond() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            RandomCalendar drawn = RandomCalendar.draw(random);
            BusinessCalendar calendar = drawn.calendar();
            Instant start = randomStart(random, calendar.zone()).plusNanos(random.nextLong(60_000_000_000L));
            Duration businessTime = Duration.ofNanos(random.nextLong(drawn.minutesAWeek() * 5 * 60_000_000_000L));
            String context = "seed " + SEED + ", case " + i + ": " + calendar + ", start " + start + ", " + businessTime;

            Instant due = calendar.plus(start, businessTime);

            assertThat(calendar.between(start, due)).as(context).isEqualTo(businessTime);
            assertThat(due).as(context).isAfterOrEqualTo(start);
            if (!businessTime.isZero()) {
                assertThat(calendar.isOpen(due.minusNanos(1))).as(context).isTrue();
            }
        }
    }

    /** Half the starts within three days of a change of the zone's clock, where mistakes hide. */
    private static Instant randomStart(Random random, ZoneId zone) {
        Instant yearStart = LocalDate.of(FIRST_YEAR + random.nextInt(YEARS), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneOffsetTransition change = zone.getRules().nextTransition(yearStart.plus(random.nextInt(366), ChronoUnit.DAYS));
        if (random.nextBoolean() && change != null && change.getInstant().isBefore(yearStart.plus(800, ChronoUnit.DAYS))) {
            return change.getInstant().plus(random.nextInt(6 * MINUTES_A_DAY) - 3 * MINUTES_A_DAY, ChronoUnit.MINUTES);
        }
        return yearStart.plus(random.nextInt(366 * MINUTES_A_DAY), ChronoUnit.MINUTES);
    }

    /**
     * A random calendar, kept also as a plain table of working minutes a day, which is all the walk looks
     * at: the walk does not share the calendar's idea of a span.
     */
    private record RandomCalendar(BusinessCalendar calendar, boolean[][] workingMinutes, Set<LocalDate> dates,
            Set<MonthDay> yearly) {

        static RandomCalendar draw(Random random) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            boolean[][] workingMinutes = new boolean[7][MINUTES_A_DAY];
            Map<DayOfWeek, List<WorkingSpan>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(10) < 7) {
                    hours.put(day, randomSpans(random, workingMinutes[day.ordinal()]));
                }
            }
            if (hours.values().stream().allMatch(List::isEmpty)) {
                hours.put(DayOfWeek.MONDAY, List.of(span(60, 180, workingMinutes[0])));
            }
            Set<LocalDate> dates = new HashSet<>();
            Set<MonthDay> yearly = new HashSet<>();
            int holidays = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
            for (int i = 0; i < holidays; i++) {
                LocalDate date = LocalDate.of(FIRST_YEAR, 1, 1).plusDays(random.nextInt(YEARS * 366));
                if (random.nextInt(5) == 0) {
                    yearly.add(random.nextInt(20) == 0 ? MonthDay.of(2, 29) : MonthDay.from(date));
                } else {
                    dates.add(date);
                }
            }
            BusinessCalendar calendar = new BusinessCalendar("random", "Random", zone, hours, new Holidays(dates, yearly));
            return new RandomCalendar(calendar, workingMinutes, dates, yearly);
        }

        /** Up to three spans, often touching, with edges often in the small hours when clocks change; shuffled. */
        private static List<WorkingSpan> randomSpans(Random random, boolean[] workingMinutes) {
            TreeSet<Integer> edges = new TreeSet<>();
            int count = 2 * (1 + random.nextInt(3));
            while (edges.size() < count) {
                edges.add(switch (random.nextInt(4)) {
                    case 0 -> 60 + random.nextInt(3 * 60); // 01:00–04:00
                    case 1 -> random.nextBoolean() ? 0 : MINUTES_A_DAY;
                    default -> random.nextInt(MINUTES_A_DAY + 1);
                });
            }
            List<Integer> sorted = new ArrayList<>(edges);
            boolean touching = random.nextInt(5) == 0;
            List<WorkingSpan> spans = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += touching ? 1 : 2) {
                spans.add(span(sorted.get(i), sorted.get(i + 1), workingMinutes));
            }
            Collections.shuffle(spans, random);
            return spans;
        }

        private static WorkingSpan span(int startMinute, int endMinute, boolean[] workingMinutes) {
            for (int minute = startMinute; minute < endMinute; minute++) {
                workingMinutes[minute] = true;
            }
            return new WorkingSpan(LocalTime.ofSecondOfDay(startMinute * 60L),
                    endMinute == MINUTES_A_DAY ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(endMinute * 60L));
        }

        long minutesAWeek() {
            long minutes = 0;
            for (boolean[] day : workingMinutes) {
                for (boolean working : day) {
                    minutes += working ? 1 : 0;
                }
            }
            return minutes;
        }

        /** The definition itself: the wall clock shows a working minute of a day that is no holiday. */
        boolean isOpen(Instant instant) {
            LocalDateTime clock = LocalDateTime.ofInstant(instant, calendar.zone());
            LocalDate date = clock.toLocalDate();
            return !dates.contains(date) && !yearly.contains(MonthDay.from(date))
                    && workingMinutes[clock.getDayOfWeek().ordinal()][clock.getHour() * 60 + clock.getMinute()];
        }

        /** Every zone here changes its clock on whole minutes, so a minute is worked or not as a whole. */
        MinuteWalk walk(Instant start, long businessMinutes, Instant to) {
            Instant due = businessMinutes == 0 ? start : null;
            Instant firstOpen = null;
            long counted = 0;
            long untilTo = 0;
            for (Instant minute = start; due == null || minute.isBefore(to) || firstOpen == null; minute = minute.plusSeconds(60)) {
                if (!isOpen(minute)) {
                    continue;
                }
                counted++;
                untilTo += minute.isBefore(to) ? 1 : 0;
                firstOpen = firstOpen == null ? minute : firstOpen;
                if (counted == businessMinutes) {
                    due = minute.plusSeconds(60);
                }
            }
            return new MinuteWalk(due, untilTo, firstOpen);
        }
    }

    private record MinuteWalk(Instant due, long minutesUntilTo, Instant firstOpen) {
    }
}
