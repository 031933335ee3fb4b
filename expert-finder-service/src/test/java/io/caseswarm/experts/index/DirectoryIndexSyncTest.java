package io.caseswarm.experts.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.experts.domain.Learning;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;
import io.caseswarm.experts.projection.Expertise;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A change reaches the index when its transaction commits, never when it rolls back. Another replica writes the
 * same tables: what it commits (a person registered, a swarm they took on) reaches this replica's index through
 * the directory_change log, without an event of this replica's own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DirectoryIndexSyncTest {

    @Inject
    DataSource dataSource;
    @Inject
    DirectoryIndex index;
    @Inject
    Expertise expertise;
    @Inject
    DirectoryTables tables;
    @ConfigProperty(name = "caseswarm.replica-id")
    String replicaId;

    LocalIssuer issuer;

    @Test
    void whatAnotherReplicaCommitsIsFoundHereSoonAfter() throws Exception {
        String skill = "sync-" + People.newId();
        String person = People.newId();
        asAnotherReplica("""
                insert into expert_profile (person_id, name, email, time_zone, work_start, work_end, skills, capacity,
                    presence, updated_at) values (?, 'Other Replica', 'o@example.com', 'UTC', '00:00', '23:59',
                    cast('[{"name": "%s", "level": 4}]' as jsonb), 1, 'AVAILABLE', now())""".formatted(skill), person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> candidates(skill).body("personId", contains(person)));

        // Their one place is taken by a swarm on the other replica: no longer a candidate here.
        asAnotherReplica("insert into expert_assignment (swarm_id, person_id, status) values ('"
                + UUID.randomUUID() + "', ?, 'joined')", person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> candidates(skill).body("", empty()));
    }

    @Test
    void aReplicaReadsOthersChangesFromTheLogButNotItsOwn() throws Exception {
        long before = tables.lastChange();
        String ours = People.register(issuer, "weaving", 2, "available");
        String theirs = People.newId();
        asAnotherReplica("""
                insert into expert_profile (person_id, name, email, time_zone, work_start, work_end, skills, capacity,
                    presence, updated_at) values (?, 'Other Replica', 'o@example.com', 'UTC', '00:00', '23:59',
                    '[]', 1, 'AVAILABLE', now())""", theirs);

        DirectoryTables.Changes changes = tables.changesSince(before, replicaId, Duration.ZERO, 1_000);
        assertThat(changes.people()).contains(theirs).doesNotContain(ours);
        // Another replica reads ours.
        assertThat(tables.changesSince(before, "another-replica", Duration.ZERO, 1_000).people()).contains(ours)
                .doesNotContain(theirs);
    }

    @Test
    void aChangeReachesTheIndexOnlyWhenItsTransactionCommits() {
        String skill = "commit-" + People.newId();
        String person = People.newId();
        Profile profile = new Profile("Committed Or Not", "c@example.com", null, "UTC",
                new WorkingHours(LocalTime.MIDNIGHT, LocalTime.of(23, 59)), List.of(new Skill(skill, 3)), 2,
                Presence.AVAILABLE);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            index.profileChanged(person, profile);
            throw new IllegalStateException("the append failed after all");
        })).hasMessage("the append failed after all");
        candidates(skill).body("", empty());

        QuarkusTransaction.requiringNew().run(() -> index.profileChanged(person, profile));
        candidates(skill).body("personId", contains(person));
    }

    @Test
    void evidenceAnotherReplicaLearnedCountsHereAndOurOwnCountsOnce() throws Exception {
        String skill = "learned-" + People.newId();
        String theirs = People.register(issuer, "knitting", 2, "available");
        String ours = People.register(issuer, "knitting", 2, "available");
        asAnotherReplica("""
                insert into expertise_evidence (person_id, kind, skills, product, source, label, at, weight)
                values (?, 'HELPED', cast('["%s"]' as jsonb), null, 'swarm-1', 'CS-000001', now(), 1.0)"""
                .formatted(skill), theirs);
        QuarkusTransaction.requiringNew().run(() -> expertise.learn(Learning.credited(UUID.randomUUID(), ours,
                List.of(skill), null, 3, true, "CS-000002", Instant.now())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> candidates(skill)
                .body("personId", containsInAnyOrder(theirs, ours)));
        // Long enough for the tail of the table to have passed our own row too: still one credit each.
        Thread.sleep(7_000);
        candidates(skill).body("skillMatch", contains(0.5f, 0.5f));
    }

    private io.restassured.response.ValidatableResponse candidates(String skill) {
        return People.as(issuer, "ana.lima", Roles.AGENT).queryParam("skills", skill).get("/candidates").then()
                .statusCode(200);
    }

    /** Writes as another process would: its connection names another replica in the change log. */
    private void asAnotherReplica(String sql, String personId) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement replica = connection.createStatement();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                replica.execute("set local caseswarm.replica = 'another-replica'");
                statement.setString(1, personId);
                statement.executeUpdate();
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
