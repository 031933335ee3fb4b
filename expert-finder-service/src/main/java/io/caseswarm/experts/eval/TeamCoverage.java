package io.caseswarm.experts.eval;

import java.util.List;
import java.util.Set;

/**
 * Which of a query's skills a team covers: those some member is credited with, by declaration, by learned
 * evidence or through the taxonomy. A finder that can say so itself (its own notion of credit) implements this;
 * for one that cannot, the evaluation falls back on {@link EvidenceCoverage}.
 */
public interface TeamCoverage {

    /** The skills among {@code query.skills()} that some member of {@code team} is credited with. */
    Set<String> covered(FinderQuery query, List<String> team);
}
