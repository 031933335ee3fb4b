package io.caseswarm.experts.eval;

/** One finder's figures over a dataset: the means over its queries, and the spread of its invitations. */
public record FinderScores(double ndcgAt10, double precisionAt5, double meanAveragePrecision, double coverage,
        double gini) {
}
