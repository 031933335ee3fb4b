package io.caseswarm.experts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The taxonomy's sources worked out by hand, and each definition it refuses naming the place. */
class SkillTaxonomyTest {

    /**
     * sql ← postgres ← postgis (broader chain), postgres ~ mysql 0.4, postgres also "pg" and "postgresql",
     * sql also "structured query language".
     */
    private static final SkillTaxonomy DATABASES = SkillTaxonomy.EMPTY
            .define(new SkillDefinition("sql", List.of("structured query language"), null, Map.of()))
            .define(new SkillDefinition("postgres", List.of("pg", "postgresql"), "sql", Map.of("mysql", 0.4)))
            .define(new SkillDefinition("postgis", List.of(), "postgres", Map.of()));

    @Test
    void aSkillNobodyDefinedHasOnlyItself() {
        assertThat(SkillTaxonomy.EMPTY.sources("x")).containsExactly(entry("x", 1.0));
        assertThat(DATABASES.sources("kafka")).containsExactly(entry("kafka", 1.0));
        assertThat(DATABASES.canonical("kafka")).isEqualTo("kafka");
    }

    @Test
    void postgresCountsItsSynonymsFullyItsNarrowerSkillAtFourFifthsSqlAtHalfAndMysqlAtItsWeight() {
        assertThat(DATABASES.sources("postgres")).containsOnly(
                entry("postgres", 1.0), entry("pg", 1.0), entry("postgresql", 1.0),
                entry("postgis", 0.8),
                // The broader skill and its synonyms, one step up only.
                entry("sql", 0.5), entry("structured query language", 0.5),
                entry("mysql", 0.4));
    }

    @Test
    void askingBySynonymGivesTheSameAsAskingByTheSkill() {
        assertThat(DATABASES.sources("pg")).isEqualTo(DATABASES.sources("postgres"));
        assertThat(DATABASES.sources(" PostgreSQL ")).isEqualTo(DATABASES.sources("postgres"));
        assertThat(DATABASES.canonical("PG")).isEqualTo("postgres");
    }

    @Test
    void narrowerSkillsCountTransitivelyEachStepMultiplyingByFourFifths() {
        Map<String, Double> sql = DATABASES.sources("sql");
        assertThat(sql).containsEntry("sql", 1.0).containsEntry("structured query language", 1.0)
                .containsEntry("postgres", 0.8).containsEntry("pg", 0.8).containsEntry("postgresql", 0.8);
        assertThat(sql.get("postgis")).isCloseTo(0.64, org.assertj.core.data.Offset.offset(1e-9));
        // Related is postgres's, not sql's; sql has nothing broader.
        assertThat(sql).doesNotContainKey("mysql").hasSize(6);
    }

    @Test
    void broaderCountsOneStepOnly() {
        assertThat(DATABASES.sources("postgis")).containsOnly(entry("postgis", 1.0), entry("postgres", 0.5),
                entry("pg", 0.5), entry("postgresql", 0.5));
    }

    @Test
    void relatedIsSymmetricAndCarriesTheSynonymsOfTheOtherSide() {
        assertThat(DATABASES.sources("mysql")).containsOnly(entry("mysql", 1.0), entry("postgres", 0.4),
                entry("pg", 0.4), entry("postgresql", 0.4));
    }

    @Test
    void theHighestShareWinsWhenANameIsReachedTwice() {
        // postgis is narrower (0.8) and related at 0.3: 0.8 stands. sql is broader (0.5) and related at 0.9: 0.9.
        SkillTaxonomy taxonomy = DATABASES.define(new SkillDefinition("postgres", List.of("pg", "postgresql"), "sql",
                Map.of("mysql", 0.4, "postgis", 0.3, "sql", 0.9)));
        assertThat(taxonomy.sources("postgres")).containsEntry("postgis", 0.8).containsEntry("sql", 0.9)
                .containsEntry("structured query language", 0.9);
        // From the other side, each way's weight counts; the larger of two wins.
        SkillTaxonomy both = taxonomy.define(new SkillDefinition("mysql", List.of(), null, Map.of("postgres", 0.7)));
        assertThat(both.sources("postgres")).containsEntry("mysql", 0.7);
        assertThat(both.sources("mysql")).containsEntry("postgres", 0.7);
    }

    @Test
    void definingReturnsANewTaxonomyAndReplacesTheSkillsWholeDefinition() {
        SkillTaxonomy replaced = DATABASES.define(new SkillDefinition("postgres", List.of("pgsql"), null, Map.of()));
        assertThat(replaced.sources("postgres")).containsOnly(entry("postgres", 1.0), entry("pgsql", 1.0),
                entry("postgis", 0.8));
        // "pg" is free again, and the old taxonomy is untouched.
        assertThat(replaced.canonical("pg")).isEqualTo("pg");
        assertThat(DATABASES.canonical("pg")).isEqualTo("postgres");
        assertThat(DATABASES.definition("postgres")).get().extracting(SkillDefinition::broader).isEqualTo("sql");
        assertThat(replaced.definitions()).extracting(SkillDefinition::skill)
                .containsExactly("postgis", "postgres", "sql");
    }

    @Test
    void aBroaderChainThatComesBackToTheSkillIsRefusedNamingTheChain() {
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("sql", List.of(), "postgis", Map.of())))
                .isInstanceOf(TaxonomyConflict.class)
                .hasMessage("broader skills form a cycle: sql → postgis → postgres → sql");
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("sql", List.of(), "sql", Map.of())))
                .isInstanceOf(TaxonomyConflict.class).hasMessage("broader skills form a cycle: sql → sql");
        // Through a synonym: "pg" is postgres.
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("sql", List.of(), "pg", Map.of())))
                .hasMessage("broader skills form a cycle: sql → pg (postgres) → sql");
    }

    @Test
    void aSynonymThatIsADefinedSkillOrAnotherSkillsSynonymIsRefused() {
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("mysql", List.of("sql"), null, Map.of())))
                .isInstanceOf(TaxonomyConflict.class).hasMessage("synonym sql is a defined skill already");
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("mysql", List.of("PG"), null, Map.of())))
                .isInstanceOf(TaxonomyConflict.class).hasMessage("synonym pg is a synonym of postgres already");
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("pg", List.of(), null, Map.of())))
                .isInstanceOf(TaxonomyConflict.class)
                .hasMessage("pg is a synonym of postgres already; define postgres instead");
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("mysql", List.of("mysql"), null, Map.of())))
                .hasMessage("synonym mysql is the skill itself");
    }

    @Test
    void aSkillRelatedToItselfOrWithAWeightOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("mysql", List.of(), null, Map.of("mysql", 0.5))))
                .isInstanceOf(TaxonomyConflict.class).hasMessage("related mysql: mysql cannot be related to itself");
        assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("postgres", List.of("pg"), null,
                Map.of("pg", 0.5)))).hasMessage("related pg: postgres cannot be related to itself");
        for (double weight : List.of(0.0, 1.0, -0.1, 1.5, Double.NaN)) {
            assertThatThrownBy(() -> DATABASES.define(new SkillDefinition("mysql", List.of(), null,
                    Map.of("oracle", weight)))).isInstanceOf(TaxonomyConflict.class)
                    .hasMessage("related oracle: weight " + weight + " is outside (0, 1)");
        }
    }

    @Test
    void aRefusedDefinitionLeavesTheTaxonomyAsItWas() {
        try {
            DATABASES.define(new SkillDefinition("sql", List.of(), "postgis", Map.of()));
        } catch (TaxonomyConflict expected) {
            // the point: nothing below changed
        }
        assertThat(DATABASES.definition("sql")).get().extracting(SkillDefinition::broader).isNull();
        assertThat(DATABASES.sources("postgres")).containsEntry("sql", 0.5);
    }
}
