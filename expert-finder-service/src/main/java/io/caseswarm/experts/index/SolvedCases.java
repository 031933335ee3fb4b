package io.caseswarm.experts.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caseswarm.experts.domain.Words;

/**
 * Resolved cases by their words, to find the cases most like a new one and so the people who solved them. A
 * case's likeness is the share of the new case's information it shares: the rarer a shared word (by inverse
 * document frequency), the more it counts, so everyday support words ("error", "please") count for little.
 * Not thread-safe: {@link ExpertIndex} guards it.
 */
final class SolvedCases {

    /** A case sharing less of the new case than this is not like it. */
    static final double MIN_LIKENESS = 0.2;

    private final Map<String, Solved> cases = new HashMap<>();
    private final Map<String, List<Solved>> byWord = new HashMap<>();

    record Solved(String caseId, String number, String product, Set<String> words, Set<String> solvers) {

        /** One case is one entry: compared by identity, not by hashing its words at every lookup. */
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    record Like(Solved solved, double likeness) {
    }

    /** Remembers the case (again: its words and solvers replace the earlier ones, as when it is resolved again). */
    void put(String caseId, String number, String product, String text, Set<String> solvers) {
        Solved earlier = cases.remove(caseId);
        if (earlier != null) {
            earlier.words().forEach(word -> byWord.get(word).remove(earlier));
        }
        Solved solved = new Solved(caseId, number, product, Words.of(text), Set.copyOf(solvers));
        cases.put(caseId, solved);
        solved.words().forEach(word -> byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(solved));
    }

    /** The {@code limit} cases most like {@code text}, most alike first, each sharing at least {@link #MIN_LIKENESS}. */
    List<Like> mostLike(String text, int limit) {
        Set<String> words = Words.of(text);
        if (words.isEmpty() || cases.isEmpty()) {
            return List.of();
        }
        Map<String, Double> idf = new HashMap<>();
        double total = 0;
        for (String word : words) {
            double weight = Math.log(1 + cases.size() / (1.0 + byWord.getOrDefault(word, List.of()).size()));
            idf.put(word, weight);
            total += weight;
        }
        Map<Solved, Double> shared = new HashMap<>();
        for (String word : words) {
            for (Solved solved : byWord.getOrDefault(word, List.of())) {
                shared.merge(solved, idf.get(word), Double::sum);
            }
        }
        double whole = total;
        return shared.entrySet().stream()
                .map(entry -> new Like(entry.getKey(), entry.getValue() / whole))
                .filter(like -> like.likeness() >= MIN_LIKENESS)
                .sorted((a, b) -> Double.compare(b.likeness(), a.likeness()))
                .limit(limit)
                .toList();
    }

    Collection<Solved> all() {
        return cases.values();
    }
}
