package io.caseswarm.experts.eval;

import java.util.Map;

/**
 * A query with its judgements: how relevant each judged person is, 0 (not at all) to 3 (exactly whom it
 * needs). People not judged count as 0.
 */
public record JudgedQuery(int line, FinderQuery query, Map<String, Integer> grades) implements DatasetEntry {

    public JudgedQuery {
        grades = Map.copyOf(grades);
    }

    public int grade(String personId) {
        return grades.getOrDefault(personId, 0);
    }
}
