package io.caseswarm.cases.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.cases.report.NowReport.Count;
import io.caseswarm.cases.report.PeriodReport.Spread;
import io.caseswarm.cases.report.SwarmReport.Bucket;
import io.caseswarm.cases.report.SwarmReport.DaysToClose;
import io.caseswarm.cases.report.SwarmReport.Figures;
import io.caseswarm.cases.report.SwarmReport.Load;

/** Answers the swarm report from the reporting read model, in one snapshot of it. */
@ApplicationScoped
public class SwarmReports {

    private static final int BUSIEST = 20;
    /** The normal distribution's 97.5th percentile: a two-sided 95% interval. */
    private static final double Z_95 = 1.959964;
    private static final String SWARMS_IN_PERIOD = " from report_swarm s join report_case c on c.case_id = s.case_id"
            + " where s.requested_at >= ? and s.requested_at < ?";

    private final DataSource dataSource;

    SwarmReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code pod} (null: any) narrows the swarms and the load; days-to-close compares cases, whatever the pod. */
    public SwarmReport swarms(ReportPeriod period, ReportFilter filter, String pod) {
        return ReportStatement.inSnapshot(dataSource, connection -> {
            List<ReportPeriod.Span> spans = period.buckets();
            Map<Integer, Bucket> byBucket = new HashMap<>();
            Spread[] firstJoins = { Spread.NONE };
            long[] requested = { 0 };
            bucketsSql(period, spans, filter, pod).each(connection, rows -> {
                int bucket = rows.getInt(1);
                if (rows.wasNull()) {
                    requested[0] = rows.getLong(2);
                    firstJoins[0] = ReportStatement.spreadAt(rows, 3);
                } else {
                    ReportPeriod.Span span = spans.get(bucket - 1);
                    byBucket.put(bucket, new Bucket(span.first(), span.last(), rows.getLong(2),
                            ReportStatement.spreadAt(rows, 3)));
                }
            });
            List<Bucket> buckets = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                ReportPeriod.Span span = spans.get(i);
                buckets.add(byBucket.getOrDefault(i + 1, new Bucket(span.first(), span.last(), 0, Spread.NONE)));
            }
            return new SwarmReport(period.from(), period.to(), period.bucket().label(), period.zone().getId(),
                    buckets, figures(connection, period, filter, pod, requested[0], firstJoins[0]),
                    load(connection, period, filter, pod), daysToClose(connection, period, filter));
        });
    }

    private static ReportStatement bucketsSql(ReportPeriod period, List<ReportPeriod.Span> spans, ReportFilter filter,
            String pod) {
        return withPod(new ReportStatement("select bucket, count(*), "
                + ReportStatement.spread("wait", "wait is not null") + " from (select width_bucket(s.requested_at,"
                + " ?) as bucket, extract(epoch from s.first_joined_at - s.requested_at) as wait"
                + SWARMS_IN_PERIOD, List.of(spans.stream().map(ReportPeriod.Span::start).toArray(Instant[]::new),
                        period.start(), period.end()), filter), pod)
                .then(") swarms group by grouping sets ((bucket), ())");
    }

    private static Figures figures(Connection connection, ReportPeriod period, ReportFilter filter, String pod,
            long requested, Spread firstJoins) throws SQLException {
        return withPod(new ReportStatement("select " + ReportStatement.spread("team", "true")
                + ", coalesce(sum(invited), 0), coalesce(sum(declined), 0), coalesce(sum(expired), 0),"
                + " coalesce(sum(team), 0), coalesce(sum(cross_pod), 0)"
                + " from (select count(m.joined_at) as team, count(m.invited_at) as invited,"
                + " count(m.declined_at) as declined, count(m.expired_at) as expired,"
                + " count(m.joined_at) filter (where m.cross_pod) as cross_pod"
                + SWARMS_IN_PERIOD.replace(" where", " left join report_swarm_member m on m.swarm_id = s.swarm_id where"),
                List.of(period.start(), period.end()), filter), pod)
                .then(" group by s.swarm_id) per_swarm")
                .first(connection, rows -> {
                    long invited = rows.getLong(4);
                    long declined = rows.getLong(5);
                    long expired = rows.getLong(6);
                    long joined = rows.getLong(7);
                    long crossPod = rows.getLong(8);
                    return new Figures(requested, firstJoins, ReportStatement.spreadAt(rows, 1), invited, declined,
                            expired, share(declined, invited), share(expired, invited), joined, crossPod,
                            share(crossPod, joined));
                });
    }

    private static Load load(Connection connection, ReportPeriod period, ReportFilter filter, String pod)
            throws SQLException {
        long registered = new ReportStatement("select count(*) from report_expert", ReportFilter.ALL)
                .first(connection, rows -> rows.getLong(1));
        List<Object[]> joiners = withPod(new ReportStatement("select m.person_id, count(*),"
                + " exists (select 1 from report_expert e where e.person_id = m.person_id)"
                + " from report_swarm_member m join report_swarm s on s.swarm_id = m.swarm_id"
                + " join report_case c on c.case_id = s.case_id where m.joined_at >= ? and m.joined_at < ?",
                List.of(period.start(), period.end()), filter), pod)
                .then(" group by 1 order by 2 desc, 1")
                .list(connection, rows -> new Object[] { rows.getString(1), rows.getLong(2), rows.getBoolean(3) });
        long experts = registered + joiners.stream().filter(joiner -> !(Boolean) joiner[2]).count();
        List<Long> loads = new ArrayList<>(joiners.stream().map(joiner -> (Long) joiner[1]).toList());
        for (long idle = experts - joiners.size(); idle > 0; idle--) {
            loads.add(0L);
        }
        return new Load(experts, loads.stream().mapToLong(Long::longValue).sum(), joiners.stream().limit(BUSIEST)
                .map(joiner -> new Count((String) joiner[0], (Long) joiner[1])).toList(), gini(loads));
    }

    /** Half the mean absolute difference between any two experts' loads, over the mean load. */
    static Double gini(List<Long> loads) {
        long total = loads.stream().mapToLong(Long::longValue).sum();
        if (loads.isEmpty()) {
            return null;
        }
        if (total == 0) {
            return 0.0;
        }
        List<Long> sorted = loads.stream().sorted().toList();
        double weighted = 0;
        for (int i = 0; i < sorted.size(); i++) {
            weighted += (i + 1) * (double) sorted.get(i);
        }
        int n = sorted.size();
        return 2 * weighted / (n * (double) total) - (n + 1) / (double) n;
    }

    private static DaysToClose daysToClose(Connection connection, ReportPeriod period, ReportFilter filter)
            throws SQLException {
        Map<List<String>, Group[]> strata = new LinkedHashMap<>();
        ReportStatement.onHappenings("select h.priority, coalesce(h.product, ''), exists (select 1 from report_swarm s"
                + " where s.case_id = h.case_id and s.requested_at <= h.at), count(*), avg(h.seconds / 86400.0),"
                + " coalesce(var_samp(h.seconds / 86400.0), 0) from report_happening h"
                + " where h.kind = 'resolved' and not h.reopened and h.at >= ? and h.at < ?",
                List.of(period.start(), period.end()), filter).then(" group by 1, 2, 3 order by 1, 2, 3")
                .each(connection, rows -> strata.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)),
                        stratum -> new Group[2])[rows.getBoolean(3) ? 1 : 0] =
                                new Group(rows.getLong(4), rows.getDouble(5), rows.getDouble(6)));
        long swarmed = 0;
        long comparable = 0;
        long leftOut = 0;
        for (Group[] stratum : strata.values()) {
            if (stratum[0] == null || stratum[1] == null) {
                leftOut += stratum[0] == null ? stratum[1].cases() : stratum[0].cases();
            } else {
                swarmed += stratum[1].cases();
                comparable += stratum[0].cases();
            }
        }
        if (swarmed == 0) {
            return new DaysToClose(0, null, comparable, null, null, null, null, null, leftOut);
        }
        double swarmedMean = 0;
        double comparableMean = 0;
        double variance = 0;
        boolean spreadKnown = true;
        for (Group[] stratum : strata.values()) {
            if (stratum[0] == null || stratum[1] == null) {
                continue;
            }
            double weight = stratum[1].cases() / (double) swarmed;
            swarmedMean += weight * stratum[1].meanDays();
            comparableMean += weight * stratum[0].meanDays();
            variance += weight * weight * (stratum[1].varianceDays() / stratum[1].cases()
                    + stratum[0].varianceDays() / stratum[0].cases());
            spreadKnown &= stratum[0].cases() > 1 && stratum[1].cases() > 1;
        }
        double difference = swarmedMean - comparableMean;
        double margin = Z_95 * Math.sqrt(variance);
        return new DaysToClose(swarmed, swarmedMean, comparable, comparableMean, difference,
                spreadKnown ? difference - margin : null, spreadKnown ? difference + margin : null,
                comparableMean == 0 ? null : Math.round(1000 * difference / comparableMean) / 10.0, leftOut);
    }

    private static ReportStatement withPod(ReportStatement statement, String pod) {
        return pod == null ? statement : statement.and("s.pod_id = ?", pod);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** Cases of one priority and product, swarmed or not: how many, and the mean and sample variance of their days. */
    private record Group(long cases, double meanDays, double varianceDays) {
    }
}
