package io.caseswarm.experts.eval;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the evaluation asks of a finder under judgement; {@link ReplayedFinder} is the one it judges. Its
 * {@link #covered} says which asked skills it credits the team it chose with.
 */
public interface OfflineFinder extends TeamCoverage {

    /** Applies an event as it appears on the topics; {@link IllegalArgumentException} when it is malformed. */
    void apply(JsonNode cloudEvent);

    /** The best {@code k} people for the query, best first. */
    List<String> rank(FinderQuery query, int k);

    /** The team it would invite; they count as invited. */
    List<String> team(FinderQuery query);

    static OfflineFinder of(ReplayedFinder finder) {
        return new OfflineFinder() {
            @Override
            public void apply(JsonNode cloudEvent) {
                finder.apply(cloudEvent);
            }

            @Override
            public List<String> rank(FinderQuery query, int k) {
                return finder.rank(query, k);
            }

            @Override
            public List<String> team(FinderQuery query) {
                return finder.team(query);
            }

            @Override
            public Set<String> covered(FinderQuery query, List<String> team) {
                return finder.covered(query, team);
            }
        };
    }
}
