package io.caseswarm.experts.domain;

import java.util.Set;

/** A resolved case as the finder remembers it: its words and the people who solved it. */
public record SolvedCase(String caseId, String number, String product, String text, Set<String> solvers) {
}
