package io.caseswarm.experts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The ranking measures against figures worked out by hand. */
class RankingMetricsTest {

    /** a is exactly whom the query needs (3), b mostly (2), c a little (1), d not at all (0); e was not judged. */
    private static final JudgedQuery JUDGED = new JudgedQuery(1,
            new FinderQuery("q", List.of("sql"), null, "", 1), Map.of("a", 3, "b", 2, "c", 1, "d", 0));
    private static final List<String> RANKING = List.of("d", "a", "e", "c", "b");

    @Test
    void precisionAtFiveCountsEveryGradeFromOneUp() {
        // a, c and b are relevant: 3 of 5.
        assertThat(RankingMetrics.precisionAt(5, RANKING, JUDGED)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void precisionCountsMissingPlacesAsMisses() {
        assertThat(RankingMetrics.precisionAt(5, List.of("a"), JUDGED)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void ndcgWeighsGradesExponentiallyAndDiscountsByRank() {
        // DCG = 7/log2(3) + 1/log2(5) + 3/log2(6) = 6.00774; ideal 3,2,1 = 7/1 + 3/log2(3) + 1/log2(4) = 9.39279.
        assertThat(RankingMetrics.ndcgAt(10, RANKING, JUDGED)).isCloseTo(0.639612, within(1e-6));
    }

    @Test
    void theIdealOrderScoresOne() {
        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "c", "d"), JUDGED)).isCloseTo(1, within(1e-12));
    }

    @Test
    void ndcgLooksOnlyAtTheFirstK() {
        List<String> deep = new ArrayList<>(List.of("d", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"));
        deep.add("a");
        assertThat(RankingMetrics.ndcgAt(10, deep, JUDGED)).isZero();
    }

    @Test
    void averagePrecisionAveragesThePrecisionAtEachRelevantRank() {
        // Relevant at ranks 2, 4 and 5: (1/2 + 2/4 + 3/5) / 3.
        assertThat(RankingMetrics.averagePrecision(RANKING, JUDGED)).isCloseTo(1.6 / 3, within(1e-12));
    }

    @Test
    void averagePrecisionCountsRelevantPeopleNeverRankedAsZero() {
        assertThat(RankingMetrics.averagePrecision(List.of("a"), JUDGED)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void averagePrecisionStopsAtAHundred() {
        List<String> ranking = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ranking.add("nobody" + i);
        }
        ranking.add("a");
        assertThat(RankingMetrics.averagePrecision(ranking, JUDGED)).isZero();
    }

    @Test
    void aQueryWithNobodyRelevantScoresZero() {
        JudgedQuery hopeless = new JudgedQuery(1, JUDGED.query(), Map.of("d", 0));
        assertThat(RankingMetrics.ndcgAt(10, List.of("d"), hopeless)).isZero();
        assertThat(RankingMetrics.averagePrecision(List.of("d"), hopeless)).isZero();
    }

    @Test
    void coverageIsTheShareOfDistinctAskedSkillsCovered() {
        assertThat(RankingMetrics.coverage(List.of("x", "y", "z", "x"), Set.of("x", "z", "w")))
                .isCloseTo(2 / 3.0, within(1e-12));
        assertThat(RankingMetrics.coverage(List.of("x"), Set.of())).isZero();
    }
}
