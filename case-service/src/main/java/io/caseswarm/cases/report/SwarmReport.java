package io.caseswarm.cases.report;

import java.time.LocalDate;
import java.util.List;

import io.caseswarm.cases.report.NowReport.Count;
import io.caseswarm.cases.report.PeriodReport.Spread;

/**
 * Whether swarming pays off, over a period: the swarms asked for in it, bucket by bucket and in all, how fast and how
 * well they were staffed, the load on the experts who joined them, and the days-to-close of the cases swarmed against
 * comparable cases that were not.
 */
public record SwarmReport(LocalDate from, LocalDate to, String bucket, String timeZone, List<Bucket> buckets,
        Figures total, Load load, DaysToClose daysToClose) {

    /** Swarms asked for in the bucket, and how long until the first invited expert joined each. */
    public record Bucket(LocalDate start, LocalDate end, long requested, Spread firstJoinSeconds) {
    }

    /**
     * Of the swarms asked for in the period: how many, the time to their first join, their team size (everybody who
     * joined or was added), and what became of their invitations: declined, expired (nobody answered), and the share
     * of those who joined from outside the swarm's pod ({@code crossPod}; swarms without a pod count as none).
     */
    public record Figures(long requested, Spread firstJoinSeconds, Spread teamSize, long invited, long declined,
            long expired, Double declineRate, Double expiryRate, long joined, long crossPodJoined,
            Double crossPodShare) {
    }

    /**
     * Swarms joined per expert in the period: {@code experts} in the directory (and anybody else who joined),
     * {@code joins} in all, the {@code busiest} 20, and the Gini coefficient of the joins over all of them (0: all
     * equal, towards 1: a few carry everything; null without experts).
     */
    public record Load(long experts, long joins, List<Count> busiest, Double gini) {
    }

    /**
     * Cases closed for good in the period (their last resolution in it), swarmed (a swarm asked for before that
     * resolution) or not, compared within the same priority and product: {@code swarmedMeanDays} is their mean, and
     * {@code comparableMeanDays} the mean of the comparable cases that were not swarmed, weighted as the swarmed cases
     * are over priorities and products. {@code differenceDays} is swarmed minus comparable (negative: swarming closes
     * faster), with its 95% confidence interval (normal approximation; null while a group has fewer than two cases),
     * and {@code differencePercent} against the comparable mean. Cases of a priority and product that has no case of
     * the other kind are {@code leftOut}.
     */
    public record DaysToClose(long swarmedCases, Double swarmedMeanDays, long comparableCases,
            Double comparableMeanDays, Double differenceDays, Double differenceLow95, Double differenceHigh95,
            Double differencePercent, long leftOut) {
    }
}
