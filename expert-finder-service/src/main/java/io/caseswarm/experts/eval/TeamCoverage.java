package io.caseswarm.experts.eval;

import java.util.List;
import java.util.Set;

/**
 * Which of a query's skills a team covers: those some member is credited with, by declaration, by learned
 * evidence or through the taxonomy. Every finder judged says so for its own teams ({@link OfflineFinder});
 * {@link EvidenceCoverage} says so from the dataset's events alone, the same judge for every finder.
 */
public interface TeamCoverage {

    /** The skills among {@code query.skills()} that some member of {@code team} is credited with. */
    Set<String> covered(FinderQuery query, List<String> team);
}
