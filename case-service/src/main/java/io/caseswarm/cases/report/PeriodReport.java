package io.caseswarm.cases.report;

import java.time.LocalDate;
import java.util.List;

import io.caseswarm.cases.report.NowReport.Count;

/**
 * The desk over a period, bucket by bucket and in all: cases opened, resolved, reopened and closed, the backlog
 * (cases neither resolved nor closed) at each bucket's end, and how long things took, in calendar time:
 * <ul>
 * <li>{@code firstResponseSeconds}: from the opening to the first public reply by a person working the case, for
 * the first replies in the bucket;</li>
 * <li>{@code resolutionSeconds}: from the opening to each resolution in the bucket (a reopened case counts again);</li>
 * <li>{@code daysToClose}: from the opening to the resolution that ended the case, for those in the bucket: a
 * resolution the case was reopened after is not counted here, its last one is.</li>
 * </ul>
 * and the same in business time ({@code business...}): only the working time of the calendar the case's SLA counts
 * on, and days to close in that calendar's working days (a desk working 09:00–17:00 has 8-hour days).
 * SLA outcomes count each milestone once, when it was met or breached.
 */
public record PeriodReport(LocalDate from, LocalDate to, String bucket, String timeZone, List<Bucket> buckets,
        Figures total, List<Count> openedByChannel, List<Count> topProducts, List<Count> topTags,
        List<SlaOutcome> sla) {

    public record Bucket(LocalDate start, LocalDate end, Figures figures) {
    }

    public record Figures(long opened, long resolved, long reopened, long closed, long backlog,
            Spread firstResponseSeconds, Spread resolutionSeconds, Spread daysToClose,
            Spread businessFirstResponseSeconds, Spread businessResolutionSeconds, Spread businessDaysToClose) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, Spread.NONE, Spread.NONE, Spread.NONE, Spread.NONE,
                Spread.NONE, Spread.NONE);

        Figures withBacklog(long cases) {
            return new Figures(opened, resolved, reopened, closed, cases, firstResponseSeconds, resolutionSeconds,
                    daysToClose, businessFirstResponseSeconds, businessResolutionSeconds, businessDaysToClose);
        }
    }

    /** How many, and their median and 90th percentile (interpolated); null without any. */
    public record Spread(long count, Double median, Double p90) {

        static final Spread NONE = new Spread(0, null, null);
    }

    /** Milestones of one policy met or breached in the period, and the share met in time. */
    public record SlaOutcome(String milestone, String policyId, long due, long metInTime, Double metInTimePercent) {
    }
}
