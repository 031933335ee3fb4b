package io.caseswarm.experts.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays a labelled dataset through a finder and the baseline side by side: every event, in file order, to
 * both; every query judged against the state the events before it built. The skill coverage of each team is
 * judged by one {@link TeamCoverage} for both, so that they are held to the same notion of credit.
 */
public final class Evaluation {

    private final OfflineFinder finder;
    private final OfflineFinder baseline;
    private final EvidenceCoverage evidence = new EvidenceCoverage();
    private final TeamCoverage judge;

    public Evaluation(OfflineFinder finder, OfflineFinder baseline, TeamCoverage judge) {
        this.finder = finder;
        this.baseline = baseline;
        this.judge = judge;
    }

    /** Between the finder as the service runs it and its exact-declared-skill baseline. */
    public static Evaluation ofReplayedFinder() {
        ReplayedFinder full = ReplayedFinder.full();
        return new Evaluation(OfflineFinder.of(full), OfflineFinder.of(ReplayedFinder.baseline()),
                (Object) full instanceof TeamCoverage own ? own : null);
    }

    public EvaluationReport run(List<DatasetEntry> dataset) {
        TeamCoverage coverage = judge != null ? judge : evidence;
        ScoreSheet finderSheet = new ScoreSheet();
        ScoreSheet baselineSheet = new ScoreSheet();
        Set<String> registered = new HashSet<>();
        int events = 0;
        int queries = 0;
        for (DatasetEntry entry : dataset) {
            switch (entry) {
                case DatasetEvent event -> {
                    apply(event);
                    if ("expert-registered".equals(event.type())) {
                        registered.add(event.data().path("personId").asText());
                    }
                    events++;
                }
                case JudgedQuery judged -> {
                    judge(finder, judged, finderSheet, coverage);
                    judge(baseline, judged, baselineSheet, coverage);
                    queries++;
                }
            }
        }
        return new EvaluationReport(finderSheet.scores(registered), baselineSheet.scores(registered), events,
                queries, registered.size());
    }

    private void apply(DatasetEvent event) {
        try {
            finder.apply(event.cloudEvent());
            baseline.apply(event.cloudEvent());
        } catch (IllegalArgumentException e) {
            throw new MalformedDatasetException(event.line(), "a malformed " + event.type() + " event: "
                    + e.getMessage(), e);
        }
        evidence.apply(event.cloudEvent());
    }

    private static void judge(OfflineFinder finder, JudgedQuery judged, ScoreSheet sheet, TeamCoverage coverage) {
        List<String> ranking = finder.rank(judged.query(), RankingMetrics.AVERAGE_PRECISION_DEPTH);
        List<String> team = finder.team(judged.query());
        sheet.judge(judged, ranking, team, coverage.covered(judged.query(), team));
    }
}
