package io.caseswarm.cases.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.caseswarm.cases.sla.BusinessTime;

/**
 * When a desk works: weekly hours in a time zone, less holidays. Business time is the working time that
 * passes between two instants; SLA targets are set in it ("4 business hours").
 *
 * <p><b>What counts as working time.</b> An instant is working time when the wall clock of the calendar's
 * zone, at that instant, shows a date that is no holiday and a time of day inside one of that weekday's
 * spans. Spans are wall-clock hours, but business time is real elapsed time: an hour of business time is
 * an hour that passes, whatever the clock shows. So on the days the clock changes:
 * <ul>
 * <li>Spring forward (Europe/Rome, last Sunday of March, 02:00 → 03:00): the clock never shows 02:00–03:00,
 * so a span {@code 00:00–06:00} that night is 5 hours long, and a span {@code 02:00–03:00} is not worked
 * at all that day.</li>
 * <li>Fall back (last Sunday of October, 03:00 → 02:00): the clock shows 02:00–03:00 twice, so a span
 * {@code 00:00–06:00} that night is 7 hours long, and {@code 02:00–03:00} is 2 hours.</li>
 * </ul>
 * The same holds for every zone and every shift of its offset, however large (Australia/Lord_Howe moves
 * by 30 minutes).
 *
 * <p>Business time is exact to the nanosecond. Nothing here walks minute by minute: working time is
 * found span by span and day by day. A calendar must have some weekly hours ({@link NoWorkingTimeException}
 * otherwise), and a search for working time that finds none within {@link #SEARCH_LIMIT} (holidays can
 * leave a calendar with none for years) ends with {@link NoWorkingTimeException} rather than searching on.
 * Instants so far in the future that the search would pass the end of time fail with
 * {@link java.time.DateTimeException}.
 */
public final class BusinessCalendar implements BusinessTime {

    /** How far ahead of an instant working time is searched for: a calendar with none for this long has none. */
    public static final Duration SEARCH_LIMIT = Duration.ofDays(10 * 366);

    private final String id;
    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingSpan>> hours;
    private final Holidays holidays;

    /**
     * {@code hours} gives each weekday's spans in any order; a weekday left out is not worked. Spans of the
     * same day may touch but not overlap ({@link OverlappingSpansException}); a calendar with no span at
     * all is refused ({@link NoWorkingTimeException}).
     */
    public BusinessCalendar(String id, String name, ZoneId zone, Map<DayOfWeek, List<WorkingSpan>> hours,
            Holidays holidays) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        Map<DayOfWeek, List<WorkingSpan>> sorted = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingSpan> spans = List.copyOf(hours.getOrDefault(day, List.of()));
            int overlapping = WorkingSpan.firstOverlapping(spans);
            if (overlapping >= 0) {
                throw new OverlappingSpansException(day, overlapping);
            }
            sorted.put(day, spans.stream().sorted(Comparator.comparing(WorkingSpan::start)).toList());
        }
        if (sorted.values().stream().allMatch(List::isEmpty)) {
            throw new NoWorkingTimeException("a calendar needs working hours on at least one day of the week");
        }
        this.hours = Collections.unmodifiableMap(sorted);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day's spans, earliest first; none on a day that is not worked. */
    public List<WorkingSpan> hoursOn(DayOfWeek day) {
        return hours.get(day);
    }

    public Holidays holidays() {
        return holidays;
    }

    @Override
    public Duration workingDay() {
        List<List<WorkingSpan>> worked = hours.values().stream().filter(spans -> !spans.isEmpty()).toList();
        Duration week = worked.stream().flatMap(List::stream).map(WorkingSpan::length).reduce(Duration.ZERO,
                Duration::plus);
        return week.dividedBy(worked.size());
    }

    /** Whether {@code instant} is working time: a span's start is, its end is not. */
    public boolean isOpen(Instant instant) {
        LocalDateTime clock = LocalDateTime.ofInstant(instant, zone);
        return !holidays.contains(clock.toLocalDate())
                && hoursOn(clock.getDayOfWeek()).stream().anyMatch(span -> span.contains(clock.toLocalTime()));
    }

    /**
     * The first instant at or after {@code instant} that is working time: {@code instant} itself while
     * the calendar is open. {@link NoWorkingTimeException} when there is none within {@link #SEARCH_LIMIT}.
     */
    public Instant nextOpening(Instant instant) {
        return nextStretchWithin(instant, instant.plus(SEARCH_LIMIT)).start();
    }

    /**
     * The instant at which {@code businessTime} of working time has passed since {@code start}: the
     * earliest instant {@code due} with {@code between(start, due)} equal to {@code businessTime}. Counting
     * begins at {@code start} if the calendar is open then, else at its next opening; the answer is always
     * working time or the end of a span (work that ends at 18:00 is due at 18:00, not at the next
     * opening). Zero business time is due at {@code start} itself, open or not. Negative business time is
     * refused ({@link IllegalArgumentException}); {@link NoWorkingTimeException} when the calendar has a
     * stretch of {@link #SEARCH_LIMIT} without working time on the way.
     */
    @Override
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        Duration left = businessTime;
        Instant cursor = start;
        while (!left.isZero()) {
            WorkingStretch stretch = nextStretchWithin(cursor, cursor.plus(SEARCH_LIMIT));
            if (stretch.length().compareTo(left) >= 0) {
                return stretch.start().plus(left);
            }
            left = left.minus(stretch.length());
            cursor = stretch.end();
        }
        return cursor;
    }

    /**
     * The working time from {@code from} up to {@code to}: never negative, zero when {@code to} is not
     * after {@code from} or no working time lies between them. (Time that went backwards counts nothing,
     * as for {@code sla.BusinessTime}, so a clock that sums these pieces never loses time.)
     */
    @Override
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (WorkingStretch stretch = nextStretch(from, to); stretch != null; stretch = nextStretch(stretch.end(), to)) {
            total = total.plus(stretch.length());
        }
        return total;
    }

    /** Like {@link #nextStretch}, but finding none before {@code limit} means the calendar has no working time. */
    private WorkingStretch nextStretchWithin(Instant from, Instant limit) {
        WorkingStretch stretch = nextStretch(from, limit);
        if (stretch == null) {
            throw new NoWorkingTimeException("calendar " + id + " has no working time in the " + SEARCH_LIMIT.toDays()
                    + " days after " + from);
        }
        return stretch;
    }

    /**
     * The first stretch of working time in {@code [from, until)}, cut to fit in it; null when there is none.
     *
     * <p>The instant line is taken a piece at a time, each piece between two changes of the zone's offset.
     * Within a piece the offset is fixed, so the wall clock moves with the instants and a span's wall-clock
     * times convert to instants with that offset. Spans are taken day by day in their order, so the first
     * one that meets the piece is the earliest working time. A span that meets several pieces (one that
     * holds a change of the clock) is found in each of them in turn: the hour the clock shows twice is
     * worked twice, the hour it skips not at all.
     */
    private WorkingStretch nextStretch(Instant from, Instant until) {
        ZoneRules rules = zone.getRules();
        Instant pieceStart = from;
        while (pieceStart.isBefore(until)) {
            ZoneOffset offset = rules.getOffset(pieceStart);
            ZoneOffsetTransition change = rules.nextTransition(pieceStart);
            Instant pieceEnd = change == null || change.getInstant().isAfter(until) ? until : change.getInstant();
            LocalDateTime clockFrom = LocalDateTime.ofInstant(pieceStart, offset);
            LocalDateTime clockUntil = LocalDateTime.ofInstant(pieceEnd, offset);
            for (LocalDate date = clockFrom.toLocalDate(); !date.isAfter(clockUntil.toLocalDate()); date = date.plusDays(1)) {
                if (holidays.contains(date)) {
                    continue;
                }
                for (WorkingSpan span : hoursOn(date.getDayOfWeek())) {
                    LocalDateTime start = latest(span.startOn(date), clockFrom);
                    LocalDateTime end = earliest(span.endOn(date), clockUntil);
                    if (start.isBefore(end)) {
                        return new WorkingStretch(start.toInstant(offset), end.toInstant(offset));
                    }
                }
            }
            pieceStart = pieceEnd;
        }
        return null;
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + ", " + zone + ", " + hours + ", " + holidays + "]";
    }

    /** Uninterrupted working time on the instant line, {@code [start, end)}. */
    private record WorkingStretch(Instant start, Instant end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }
}
