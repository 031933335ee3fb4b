package io.caseswarm.cases.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a period report covers, {@code from} to {@code to} both included, in {@code zone}, cut into buckets:
 * days, weeks from Monday (ISO), or calendar months. The first and last bucket may be cut short by the period. The
 * moments are worked out here, with Java's time zone rules (a day of a daylight-saving change is 23 or 25 hours), and
 * the database is given the moments only.
 */
public record ReportPeriod(LocalDate from, LocalDate to, Bucket bucket, ZoneId zone) {

    /** At most this many buckets in one report: a year and a month of days, decades of months. */
    public static final int MAX_BUCKETS = 400;

    public enum Bucket {
        DAY, WEEK, MONTH;

        /** Its name for PostgreSQL's {@code date_trunc} and the API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        LocalDate startOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    /** The first moment of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after it. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The buckets in order, each cut to the period: its first and last day, and the moments they begin and end. */
    public List<Span> buckets() {
        List<Span> buckets = new ArrayList<>();
        for (LocalDate start = bucket.startOf(from); !start.isAfter(to); start = bucket.next(start)) {
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = bucket.next(start).minusDays(1);
            last = last.isAfter(to) ? to : last;
            buckets.add(new Span(first, last, first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return buckets;
    }

    public long bucketCount() {
        LocalDate first = bucket.startOf(from);
        LocalDate last = bucket.startOf(to);
        return switch (bucket) {
            case DAY -> ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, last) + 1;
        };
    }

    /** One bucket: its days, both included, and the moments from its start up to (not including) its end. */
    public record Span(LocalDate first, LocalDate last, Instant start, Instant end) {
    }
}
