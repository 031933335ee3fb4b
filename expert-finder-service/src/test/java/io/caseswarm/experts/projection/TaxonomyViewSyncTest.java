package io.caseswarm.experts.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A definition reaches this replica's taxonomy when its transaction commits, never when it rolls back; what another
 * replica commits to the table is found here soon after, without an event of this replica's own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TaxonomyViewSyncTest {

    @Inject
    DataSource dataSource;
    @Inject
    TaxonomyView taxonomy;

    @Test
    void aDefinitionCountsOnlyWhenItsTransactionCommits() {
        String skill = "kafka-" + UUID.randomUUID().toString().substring(0, 8);
        SkillDefinition definition = new SkillDefinition(skill, List.of(skill + "-streams"), null, Map.of());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            taxonomy.defined(definition);
            throw new IllegalStateException("the append failed after all");
        })).hasMessage("the append failed after all");
        assertThat(taxonomy.current().sources(skill + "-streams")).containsOnlyKeys(skill + "-streams");

        QuarkusTransaction.requiringNew().run(() -> taxonomy.defined(definition));
        assertThat(taxonomy.current().canonical(skill + "-streams")).isEqualTo(skill);
    }

    @Test
    void whatAnotherReplicaCommitsIsFoundHereSoonAfter() throws Exception {
        String skill = "oracle-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into skill_definition (skill, synonyms, broader, related, defined_by, defined_at, revision)
                        values (?, cast(? as jsonb), null, cast(? as jsonb), 'root', now(), 1)""")) {
            insert.setString(1, skill);
            insert.setString(2, "[\"" + skill + "-db\"]");
            insert.setString(3, "{\"" + skill + "-sql\": 0.6}");
            insert.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(taxonomy.current().sources(skill))
                .containsEntry(skill + "-db", 1.0).containsEntry(skill + "-sql", 0.6));
    }
}
