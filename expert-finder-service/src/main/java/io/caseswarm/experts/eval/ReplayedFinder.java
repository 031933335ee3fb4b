package io.caseswarm.experts.eval;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The expert finder's ranking, fed offline: events as they appear on the topics build its state, exactly as
 * the service's consumers build it, and queries are ranked and staffed by the service's own code.
 */
public final class ReplayedFinder {

    private ReplayedFinder() {
    }

    /** The finder as the service runs it: declared and learned skills, taxonomy, similar cases, fatigue. */
    public static ReplayedFinder full() {
        return new ReplayedFinder();
    }

    /** The baseline: declared skills matched exactly, nothing learned, no taxonomy, no similar cases, no fatigue. */
    public static ReplayedFinder baseline() {
        return new ReplayedFinder();
    }

    /**
     * Applies one event as it appears on the topics (CloudEvents structured mode). Types the finder does not
     * learn from are ignored; a type it learns from whose data is malformed is an {@link IllegalArgumentException}.
     */
    public void apply(JsonNode cloudEvent) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The best {@code k} people for the query, best first, as of the latest event applied. */
    public List<String> rank(FinderQuery query, int k) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The team staffing would invite for the query ({@code teamSize} people); they count as invited (fatigue). */
    public List<String> team(FinderQuery query) {
        throw new UnsupportedOperationException("not yet");
    }
}
