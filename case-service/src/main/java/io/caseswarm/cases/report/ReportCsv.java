package io.caseswarm.cases.report;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.caseswarm.cases.report.NowReport.Count;
import io.caseswarm.cases.report.PeriodReport.Figures;
import io.caseswarm.cases.report.PeriodReport.Spread;

/**
 * The reports as CSV (RFC 4180) for spreadsheets. A text that a spreadsheet would take for a formula (a product
 * named {@code =HYPERLINK(...)}) is written with a leading apostrophe, so opening the file runs nothing.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    /** One row per count: {@code section,value,cases}. */
    public static String now(NowReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "section", "value", "cases");
        row(csv, "unresolved", "", report.unresolved());
        row(csv, "unassigned", "", report.unassigned());
        counts(csv, "status", report.byStatus());
        counts(csv, "priority", report.byPriority());
        counts(csv, "channel", report.byChannel());
        counts(csv, "product", report.byProduct());
        counts(csv, "owner", report.byOwner());
        counts(csv, "group", report.byGroup());
        counts(csv, "pod", report.byPod());
        row(csv, "sla-at-risk", "", report.slaAtRisk().milestones());
        row(csv, "sla-breached", "", report.slaBreached().milestones());
        return csv.toString();
    }

    /**
     * One row per bucket and one for the whole period ({@code total}); durations in seconds, days to close in days,
     * in calendar time and then in business time ({@code business_...}, in working days).
     */
    public static String period(PeriodReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "bucket", "first_day", "last_day", "opened", "resolved", "reopened", "closed", "backlog",
                "first_responses", "first_response_median_seconds", "first_response_p90_seconds", "resolutions",
                "resolution_median_seconds", "resolution_p90_seconds", "closed_for_good", "days_to_close_median",
                "days_to_close_p90", "business_first_responses", "business_first_response_median_seconds",
                "business_first_response_p90_seconds", "business_resolutions", "business_resolution_median_seconds",
                "business_resolution_p90_seconds", "business_closed_for_good", "business_days_to_close_median",
                "business_days_to_close_p90");
        report.buckets().forEach(bucket -> figures(csv, report.bucket(), bucket.start().toString(),
                bucket.end().toString(), bucket.figures()));
        figures(csv, "total", report.from().toString(), report.to().toString(), report.total());
        return csv.toString();
    }

    /** One row per bucket and one for the whole period ({@code total}): swarms asked for and their time to a first join. */
    public static String swarms(SwarmReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "bucket", "first_day", "last_day", "swarms_requested", "first_joins", "first_join_median_seconds",
                "first_join_p90_seconds");
        report.buckets().forEach(bucket -> row(csv, Stream.concat(Stream.<Object>of(report.bucket(),
                bucket.start().toString(), bucket.end().toString(), bucket.requested()),
                spread(bucket.firstJoinSeconds())).toArray()));
        row(csv, Stream.concat(Stream.<Object>of("total", report.from().toString(), report.to().toString(),
                report.total().requested()), spread(report.total().firstJoinSeconds())).toArray());
        return csv.toString();
    }

    private static void counts(StringBuilder csv, String section, List<Count> counts) {
        counts.forEach(count -> row(csv, section, count.value() == null ? "" : count.value(), count.cases()));
    }

    private static void figures(StringBuilder csv, String bucket, String first, String last, Figures figures) {
        row(csv, Stream.of(Stream.<Object>of(bucket, first, last, figures.opened(), figures.resolved(),
                figures.reopened(), figures.closed(), figures.backlog()), spread(figures.firstResponseSeconds()),
                spread(figures.resolutionSeconds()), spread(figures.daysToClose()),
                spread(figures.businessFirstResponseSeconds()), spread(figures.businessResolutionSeconds()),
                spread(figures.businessDaysToClose())).flatMap(cells -> cells).toArray());
    }

    private static Stream<Object> spread(Spread spread) {
        return Stream.of(spread.count(), spread.median() == null ? "" : spread.median(),
                spread.p90() == null ? "" : spread.p90());
    }

    private static void row(StringBuilder csv, Object... cells) {
        csv.append(Stream.of(cells).map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
