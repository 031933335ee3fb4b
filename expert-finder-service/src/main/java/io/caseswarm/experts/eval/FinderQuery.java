package io.caseswarm.experts.eval;

import java.util.List;

/** A request judged offline: the swarm's skills, the case's product and words, and how many people it wants. */
public record FinderQuery(String id, List<String> skills, String product, String text, int teamSize) {
}
