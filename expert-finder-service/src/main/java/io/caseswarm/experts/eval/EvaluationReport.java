package io.caseswarm.experts.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What an evaluation found: the finder beside the baseline, over so many events and queries. */
public record EvaluationReport(FinderScores finder, FinderScores baseline, int events, int queries, int people) {

    private record Row(String metric, ToDoubleFunction<FinderScores> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("ndcg@10", FinderScores::ndcgAt10),
            new Row("p@5", FinderScores::precisionAt5),
            new Row("map", FinderScores::meanAveragePrecision),
            new Row("coverage", FinderScores::coverage),
            new Row("coverage*", FinderScores::evidencedCoverage),
            new Row("gini", FinderScores::gini));

    /** The table (metric, finder, baseline, difference), then the one summary line scripts read, last. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d events, %d queries, %d people registered%n%n", events, queries, people);
        out.printf(Locale.ROOT, "%-10s %8s %9s %11s%n", "metric", "finder", "baseline", "difference");
        for (Row row : ROWS) {
            double ours = row.value().applyAsDouble(finder);
            double theirs = row.value().applyAsDouble(baseline);
            out.printf(Locale.ROOT, "%-10s %8.3f %9.3f %+11.3f%n", row.metric(), ours, theirs, ours - theirs);
        }
        out.println();
        out.println("coverage: asked skills the team is credited with, by the finder that chose it; coverage*: by the");
        out.println("dataset's own events (declared, helped on a swarm, wrote an article; taxonomy synonyms), for both.");
        out.println();
        out.println(summaryLine());
    }

    public String summaryLine() {
        return String.format(Locale.ROOT, "ndcg@10=%.3f p@5=%.3f map=%.3f coverage=%.3f gini=%.3f baseline_ndcg@10=%.3f",
                finder.ndcgAt10(), finder.precisionAt5(), finder.meanAveragePrecision(), finder.coverage(),
                finder.gini(), baseline.ndcgAt10());
    }
}
