package io.caseswarm.experts.eval;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The standard measures of a ranking against graded judgements (0-3; grade 1 or more counts as relevant).
 * A query with nobody relevant scores 0 on each: the finder cannot be right about it, and leaving it out would
 * hide that the dataset asks something nobody can answer.
 */
public final class RankingMetrics {

    public static final int PRECISION_DEPTH = 5;
    public static final int NDCG_DEPTH = 10;
    /** How deep average precision looks: a relevant person below this is as good as not found. */
    public static final int AVERAGE_PRECISION_DEPTH = 100;

    private RankingMetrics() {
    }

    /** Share of the first {@code k} places (missing places count as misses) held by relevant people. */
    public static double precisionAt(int k, List<String> ranking, JudgedQuery judged) {
        long hits = ranking.stream().limit(k).filter(person -> judged.grade(person) >= 1).count();
        return hits / (double) k;
    }

    /**
     * Normalised discounted cumulative gain at {@code k}: gain 2^grade - 1 at rank r discounted by log2(r + 1),
     * over the same sum for the ideal order of the query's judged grades.
     */
    public static double ndcgAt(int k, List<String> ranking, JudgedQuery judged) {
        double ideal = dcg(judged.grades().values().stream().sorted((a, b) -> b - a).limit(k).toList());
        if (ideal == 0) {
            return 0;
        }
        return dcg(ranking.stream().limit(k).map(judged::grade).toList()) / ideal;
    }

    private static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < grades.size(); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    /**
     * Average precision over the first {@value #AVERAGE_PRECISION_DEPTH}: the precision at each relevant
     * person's rank, summed, over the number of relevant people judged (so those never ranked count as 0).
     */
    public static double averagePrecision(List<String> ranking, JudgedQuery judged) {
        long relevant = judged.grades().values().stream().filter(grade -> grade >= 1).count();
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        List<String> considered = ranking.subList(0, Math.min(ranking.size(), AVERAGE_PRECISION_DEPTH));
        for (int i = 0; i < considered.size(); i++) {
            if (judged.grade(considered.get(i)) >= 1) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / relevant;
    }

    /** Share of the asked skills that the team covers (some member is credited with it); asked twice counts once. */
    public static double coverage(Collection<String> asked, Set<String> covered) {
        Set<String> distinct = Set.copyOf(asked);
        if (distinct.isEmpty()) {
            return 1;
        }
        return distinct.stream().filter(covered::contains).count() / (double) distinct.size();
    }
}
