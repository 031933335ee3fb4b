package io.caseswarm.cases.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.cases.report.NowReport.Count;
import io.caseswarm.cases.report.NowReport.SlaCase;
import io.caseswarm.cases.report.NowReport.SlaNow;
import io.caseswarm.cases.report.NowReport.WaitingCase;
import io.caseswarm.cases.report.PeriodReport.Bucket;
import io.caseswarm.cases.report.PeriodReport.Figures;
import io.caseswarm.cases.report.PeriodReport.SlaOutcome;
import io.caseswarm.platform.clock.PlatformClock;

/**
 * Answers the reports from the reporting read model. Each report reads one snapshot of it (a read-only,
 * repeatable-read transaction), so its figures agree with each other while events keep arriving.
 */
@ApplicationScoped
public class Reports {

    /** A case of report_case as {@code c} neither resolved nor closed: in the backlog. */
    static final String UNRESOLVED = "c.status not in ('resolved', 'closed')";
    private static final int TOP = 10;
    /** The pod that covers the case's product. */
    private static final String POD = "(select p.pod_id from report_pod_product p where p.product = lower(c.product))";
    /** What the desk of now counts its unresolved cases by. */
    private static final List<String> DIMENSIONS = List.of("status", "priority", "channel", "product", "owner_id",
            "group_id", "pod");

    private final DataSource dataSource;
    private final PlatformClock clock;

    Reports(DataSource dataSource, PlatformClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public NowReport now(ReportFilter filter) {
        Instant now = clock.now();
        return inSnapshot(connection -> {
            Unresolved unresolved = unresolved(connection, filter);
            Map<String, List<Count>> by = unresolved.by();
            return new NowReport(now, unresolved.cases(), unresolved.unassigned(), by.get("status"), by.get("priority"),
                    by.get("channel"), by.get("product"), by.get("owner_id"), by.get("group_id"), by.get("pod"),
                    oldestWaiting(connection, filter, now),
                    slaNow(connection, filter, "s.warned_at is not null and s.breached_at is null"),
                    slaNow(connection, filter, "s.breached_at is not null"));
        });
    }

    public PeriodReport period(ReportPeriod period, ReportFilter filter) {
        return inSnapshot(connection -> {
            List<ReportPeriod.Span> spans = period.buckets();
            Map<Integer, Figures> byBucket = new HashMap<>();
            Figures[] total = { Figures.NONE };
            ReportStatement figures = figuresSql(period, spans, filter);
            figures.each(connection, rows -> {
                int bucket = rows.getInt(1);
                if (rows.wasNull()) {
                    total[0] = figures(rows);
                } else {
                    byBucket.put(bucket, figures(rows));
                }
            });
            List<Bucket> buckets = new ArrayList<>();
            long backlog = backlogBefore(connection, period, filter);
            for (int i = 0; i < spans.size(); i++) {
                Figures counted = byBucket.getOrDefault(i + 1, Figures.NONE);
                backlog += counted.backlog();
                buckets.add(new Bucket(spans.get(i).first(), spans.get(i).last(), counted.withBacklog(backlog)));
            }
            Figures all = total[0].withBacklog(backlog);
            return new PeriodReport(period.from(), period.to(), period.bucket().label(), period.zone().getId(),
                    buckets, all, openedBy(connection, period, filter, "h.channel"),
                    openedBy(connection, period, filter, "h.product"), topTags(connection, period, filter),
                    slaOutcomes(connection, period, filter));
        });
    }

    /** The unresolved cases, the unassigned among them, and their counts by each of {@link #DIMENSIONS}. */
    private record Unresolved(long cases, long unassigned, Map<String, List<Count>> by) {
    }

    /**
     * Counts the unresolved cases by each of {@link #DIMENSIONS} ({@code [{value, cases}]}, most first) and in all,
     * in one pass over them: after a rebuild they lie all over the table.
     */
    private static Unresolved unresolved(Connection connection, ReportFilter filter) throws SQLException {
        String dimension = DIMENSIONS.stream().map(column -> "when grouping(" + column + ") = 0 then '" + column + "'")
                .collect(Collectors.joining(" ", "case ", " else 'all' end"));
        String sets = DIMENSIONS.stream().map(column -> "(" + column + ")")
                .collect(Collectors.joining(", ", "grouping sets (", ", ())"));
        Map<String, List<Count>> by = new HashMap<>();
        DIMENSIONS.forEach(column -> by.put(column, new ArrayList<>()));
        long[] all = new long[2];
        new ReportStatement("select " + dimension + ", coalesce(" + String.join(", ", DIMENSIONS)
                + "), count(*), count(*) filter (where owner_id is null) from (select c.status, c.priority, c.channel,"
                + " c.product, c.owner_id, c.group_id, " + POD + " as pod from report_case c where " + UNRESOLVED,
                filter).then(") c group by " + sets + " order by 1, 3 desc, 2 nulls first")
                .each(connection, rows -> {
                    if ("all".equals(rows.getString(1))) {
                        all[0] = rows.getLong(3);
                        all[1] = rows.getLong(4);
                    } else {
                        by.get(rows.getString(1)).add(new Count(rows.getString(2), rows.getLong(3)));
                    }
                });
        return new Unresolved(all[0], all[1], by);
    }

    /** Pending cases wait for the customer, not the desk: they are not among those waiting. */
    private static List<WaitingCase> oldestWaiting(Connection connection, ReportFilter filter, Instant now)
            throws SQLException {
        return new ReportStatement("select c.case_id, c.number, c.status, c.priority, c.owner_id, c.awaiting_since"
                + " from report_case c where " + UNRESOLVED + " and c.status <> 'pending' and c.awaiting_since is not null",
                filter).then(" order by c.awaiting_since, c.number limit " + NowReport.LISTED)
                .list(connection, rows -> {
                    Instant since = rows.getObject(6, OffsetDateTime.class).toInstant();
                    return new WaitingCase(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), since,
                            Math.max(0, Duration.between(since, now).toSeconds()));
                });
    }

    private static SlaNow slaNow(Connection connection, ReportFilter filter, String state) throws SQLException {
        String from = " from report_sla s join report_case c on c.case_id = s.case_id where s.met_at is null and "
                + state + " and " + UNRESOLVED;
        long milestones = new ReportStatement("select count(*)" + from, filter).first(connection, rows -> rows.getLong(1));
        List<SlaCase> cases = new ReportStatement("select s.case_id, c.number, s.milestone, s.policy_id, s.due_at, c.owner_id"
                + from, filter).then(" order by s.due_at, c.number limit " + NowReport.LISTED)
                .list(connection, rows -> new SlaCase(rows.getObject(1, UUID.class), rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6)));
        return new SlaNow(milestones, cases);
    }

    /**
     * The backlog when the period starts: the unresolved cases now, less every move of the backlog since then. The
     * moves of all time add up to the cases unresolved now, so this reads only the happenings from the period on,
     * not the whole history before it.
     */
    private static long backlogBefore(Connection connection, ReportPeriod period, ReportFilter filter)
            throws SQLException {
        long now = new ReportStatement("select count(*) from report_case c where " + UNRESOLVED, filter)
                .first(connection, rows -> rows.getLong(1));
        long since = ReportStatement.onHappenings("select coalesce(sum(h.backlog), 0) from report_happening h"
                + " where h.at >= ?", List.of(period.start()), filter)
                .first(connection, rows -> rows.getLong(1));
        return now - since;
    }

    /** {@code width_bucket} numbers each happening's bucket from 1, by the buckets' start moments. */
    private static ReportStatement figuresSql(ReportPeriod period, List<ReportPeriod.Span> spans, ReportFilter filter) {
        String resolvedForGood = "kind = 'resolved' and not reopened";
        // Happenings kept before business time was: they count in calendar time alone until a rebuild.
        String inBusinessTime = " and business_seconds is not null";
        return ReportStatement.onHappenings("""
                select bucket,
                       count(*) filter (where kind = 'opened'), count(*) filter (where kind = 'resolved'),
                       count(*) filter (where kind = 'reopened'), count(*) filter (where kind = 'closed'),
                       coalesce(sum(backlog), 0),
                       %s, %s, %s,
                       %s, %s, %s
                  from (select width_bucket(h.at, ?) as bucket, h.*
                          from report_happening h
                         where h.at >= ? and h.at < ?""".formatted(ReportStatement.spread("seconds", "kind = 'first-response'"),
                ReportStatement.spread("seconds", "kind = 'resolved'"), ReportStatement.spread("seconds / 86400.0", resolvedForGood),
                ReportStatement.spread("business_seconds", "kind = 'first-response'" + inBusinessTime),
                ReportStatement.spread("business_seconds", "kind = 'resolved'" + inBusinessTime),
                ReportStatement.spread("business_seconds::float8 / business_day_seconds", resolvedForGood + inBusinessTime)),
                List.of(spans.stream().map(ReportPeriod.Span::start).toArray(Instant[]::new), period.start(),
                        period.end()), filter)
                .then(") counted group by grouping sets ((bucket), ())");
    }

    private static Figures figures(ResultSet rows) throws SQLException {
        return new Figures(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                ReportStatement.spreadAt(rows, 7), ReportStatement.spreadAt(rows, 10),
                ReportStatement.spreadAt(rows, 13), ReportStatement.spreadAt(rows, 16),
                ReportStatement.spreadAt(rows, 19), ReportStatement.spreadAt(rows, 22));
    }

    private static List<Count> openedBy(Connection connection, ReportPeriod period, ReportFilter filter,
            String column) throws SQLException {
        return ReportStatement.onHappenings("select " + column + ", count(*) from report_happening h"
                + " where h.kind = 'opened' and h.at >= ? and h.at < ? and " + column
                + " is not null", List.of(period.start(), period.end()), filter)
                .then(" group by 1 order by 2 desc, 1 limit " + TOP)
                .list(connection, rows -> new Count(rows.getString(1), rows.getLong(2)));
    }

    /** Tags as the cases opened in the period have them now (tags are mostly set while the case is worked). */
    private static List<Count> topTags(Connection connection, ReportPeriod period, ReportFilter filter)
            throws SQLException {
        return ReportStatement.onHappenings("select t.tag, count(*) from report_happening h"
                + " cross join jsonb_array_elements_text(h.tags) as t(tag)"
                + " where h.kind = 'opened' and h.at >= ? and h.at < ?", List.of(period.start(), period.end()), filter)
                .then(" group by 1 order by 2 desc, 1 limit " + TOP)
                .list(connection, rows -> new Count(rows.getString(1), rows.getLong(2)));
    }

    private static List<SlaOutcome> slaOutcomes(Connection connection, ReportPeriod period, ReportFilter filter)
            throws SQLException {
        return new ReportStatement("select s.milestone, s.policy_id, count(*), count(*) filter (where s.in_time)"
                + " from report_sla s join report_case c on c.case_id = s.case_id"
                + " where coalesce(s.breached_at, s.met_at) >= ? and coalesce(s.breached_at, s.met_at) < ?",
                List.of(period.start(), period.end()), filter).then(" group by 1, 2 order by 1, 2")
                .list(connection, rows -> {
                    long due = rows.getLong(3);
                    long inTime = rows.getLong(4);
                    return new SlaOutcome(rows.getString(1), rows.getString(2), due, inTime,
                            Math.round(1000.0 * inTime / due) / 10.0);
                });
    }

    private <T> T inSnapshot(ReportStatement.SnapshotWork<T> work) {
        return ReportStatement.inSnapshot(dataSource, work);
    }
}
