package io.caseswarm.experts.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays a labelled dataset through a finder and the baseline side by side: every event, in file order, to
 * both; every query judged against the state the events before it built. A team's skill coverage is judged
 * twice: by the finder that chose it (what it credits its members with), and by {@link EvidenceCoverage} from
 * the dataset's own events, one judge for both finders, so a finder generous with credit shows it.
 */
public final class Evaluation {

    private final OfflineFinder finder;
    private final OfflineFinder baseline;
    private final EvidenceCoverage evidence = new EvidenceCoverage();

    public Evaluation(OfflineFinder finder, OfflineFinder baseline) {
        this.finder = finder;
        this.baseline = baseline;
    }

    /** Between the finder as the service runs it and its exact-declared-skill baseline. */
    public static Evaluation ofReplayedFinder() {
        return new Evaluation(OfflineFinder.of(ReplayedFinder.full()), OfflineFinder.of(ReplayedFinder.baseline()));
    }

    public EvaluationReport run(List<DatasetEntry> dataset) {
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
                    judge(finder, judged, finderSheet);
                    judge(baseline, judged, baselineSheet);
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
            // The finder's message names the event type and what is wrong with it.
            throw new MalformedDatasetException(event.line(), e.getMessage(), e);
        }
        evidence.apply(event.cloudEvent());
    }

    private void judge(OfflineFinder judged, JudgedQuery query, ScoreSheet sheet) {
        List<String> ranking = judged.rank(query.query(), RankingMetrics.AVERAGE_PRECISION_DEPTH);
        List<String> team = judged.team(query.query());
        sheet.judge(query, ranking, team, judged.covered(query.query(), team),
                evidence.covered(query.query(), team));
    }
}
