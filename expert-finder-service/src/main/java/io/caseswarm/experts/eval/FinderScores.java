package io.caseswarm.experts.eval;

/**
 * One finder's figures over a dataset: the means over its queries, and the spread of its invitations.
 * {@code coverage} is by the finder's own credit, {@code evidencedCoverage} by the dataset's events alone.
 */
public record FinderScores(double ndcgAt10, double precisionAt5, double meanAveragePrecision, double coverage,
        double evidencedCoverage, double gini) {
}
