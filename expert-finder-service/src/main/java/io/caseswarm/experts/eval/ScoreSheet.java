package io.caseswarm.experts.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.caseswarm.experts.domain.InvitationSpread;

/** Keeps one finder's per-query figures and invitation counts as the evaluation goes, and sums them up. */
final class ScoreSheet {

    private double ndcg;
    private double precision;
    private double averagePrecision;
    private double coverage;
    private double evidencedCoverage;
    private int queries;
    private final Map<String, Long> invitations = new HashMap<>();

    /** {@code covered}: the asked skills the finder credits its team with; {@code evidenced}: the dataset does. */
    void judge(JudgedQuery judged, List<String> ranking, List<String> team, Set<String> covered,
            Set<String> evidenced) {
        ndcg += RankingMetrics.ndcgAt(RankingMetrics.NDCG_DEPTH, ranking, judged);
        precision += RankingMetrics.precisionAt(RankingMetrics.PRECISION_DEPTH, ranking, judged);
        averagePrecision += RankingMetrics.averagePrecision(ranking, judged);
        coverage += RankingMetrics.coverage(judged.query().skills(), covered);
        evidencedCoverage += RankingMetrics.coverage(judged.query().skills(), evidenced);
        team.forEach(person -> invitations.merge(person, 1L, Long::sum));
        queries++;
    }

    /** The means over the queries judged, and the Gini over {@code registered} (never invited counts as 0). */
    FinderScores scores(Set<String> registered) {
        Set<String> everyone = new TreeSet<>(registered);
        // Someone invited without ever being registered still received the invitation: count them too.
        everyone.addAll(invitations.keySet());
        long[] counts = everyone.stream().mapToLong(person -> invitations.getOrDefault(person, 0L)).toArray();
        int n = Math.max(queries, 1);
        return new FinderScores(ndcg / n, precision / n, averagePrecision / n, coverage / n, evidencedCoverage / n,
                InvitationSpread.gini(counts));
    }
}
