package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.LEAD;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.PATIENCE;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.RowUpdates;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The swarm's room shows its case's key details next to the feed, kept current from case-service's events:
 * the customer, priority, each SLA milestone, and the latest public messages, never internal notes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmRoomTest {

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @Test
    void theRoomShowsTheCaseAsItsEventsLastToldIt() {
        String caseId = UUID.randomUUID().toString();
        events.send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000901","subject":"Invoices fail to sync","priority":"high",
                 "customer":{"id":"c-9","name":"Ada Lovelace","email":"ada@example.com","organisation":"Analytical Ltd"}}"""
                .formatted(caseId));
        events.send("case-events", caseId, "case-assigned", "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId,
                OWNER));
        events.send("case-events", caseId, "case-sla-applied", """
                {"caseId":"%s","number":"CS-000901","terms":{"policyId":"gold","policyVersion":1,"calendarId":"24x7",
                 "firstResponse":"PT1H","nextResponse":"PT4H","resolution":"P1D","warnAt":0.75,"pauseOnHold":true},
                 "appliedAt":"2026-12-01T09:00:00Z"}""".formatted(caseId));
        for (int i = 1; i <= 6; i++) {
            message(caseId, i % 2 == 1 ? "customer" : "agent", "public", "Public message " + i);
        }
        message(caseId, "agent", "internal", "Internal: the customer's token is ours to rotate");
        events.send("case-events", caseId, "case-sla-met", """
                {"caseId":"%s","number":"CS-000901","milestone":"first-response","policyId":"gold",
                 "dueAt":"2026-12-01T10:00:00Z","metAt":"2026-12-01T09:30:00Z","inTime":true}""".formatted(caseId));
        events.send("case-events", caseId, "case-sla-warning", """
                {"caseId":"%s","number":"CS-000901","milestone":"resolution","policyId":"gold",
                 "dueAt":"2026-12-02T09:00:00Z","warnedAt":"2026-12-02T03:00:00Z"}""".formatted(caseId));
        events.send("case-events", caseId, "case-sla-breached", """
                {"caseId":"%s","number":"CS-000901","milestone":"next-response","policyId":"gold",
                 "dueAt":"2026-12-01T14:00:00Z","breachedAt":"2026-12-01T14:00:01Z"}""".formatted(caseId));
        events.send("case-events", caseId, "case-updated", """
                {"caseId":"%s","number":"CS-000901","changes":[{"field":"priority","from":"high","to":"urgent"}],
                 "by":"ana.lima"}""".formatted(caseId));
        await().atMost(PATIENCE).untilAsserted(() -> world.owner().body(SwarmFixture.swarmRequest(caseId))
                .post("/swarms").then().statusCode(201));
        String swarmId = world.owner().get("/swarms?caseId=" + caseId).then().extract().path("[0].id");

        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms/" + swarmId).then()
                .body("case.priority", equalTo("urgent"))
                .body("case.sla.'next-response'.state", equalTo("breached")));
        world.owner().get("/swarms/" + swarmId).then().statusCode(200)
                .body("case.id", equalTo(caseId))
                .body("case.number", equalTo("CS-000901"))
                .body("case.subject", equalTo("Invoices fail to sync"))
                .body("case.customer.name", equalTo("Ada Lovelace"))
                .body("case.customer.organisation", equalTo("Analytical Ltd"))
                .body("case.status", equalTo("open"))
                .body("case.sla.'first-response'.state", equalTo("met"))
                .body("case.sla.'first-response'.dueAt", equalTo("2026-12-01T10:00:00Z"))
                .body("case.sla.resolution.state", equalTo("warning"))
                .body("case.sla.resolution.dueAt", equalTo("2026-12-02T09:00:00Z"))
                .body("case.latestMessages.body", contains("Public message 2", "Public message 3", "Public message 4",
                        "Public message 5", "Public message 6"))
                .body("case.latestMessages.authorRole", contains("agent", "customer", "agent", "customer", "agent"));
    }

    /** A new case's room is inserted with its customer in it, not inserted empty and then updated. */
    @Test
    void aNewCasesRoomIsWrittenOnce() throws Exception {
        String caseId = UUID.randomUUID().toString();
        try (Connection connection = database.connect();
                RowUpdates rooms = RowUpdates.watch(connection, "case_room", "case_id")) {
            events.send("case-events", caseId, "case-opened", """
                    {"caseId":"%s","number":"CS-000902","subject":"Invoices fail to sync","priority":"high",
                     "customer":{"id":"c-9","name":"Ada Lovelace","email":"ada@example.com"}}""".formatted(caseId));
            await().atMost(PATIENCE).until(() -> roomKept(connection, caseId));
            assertThat(rooms.of(caseId)).as("updates of the new room").isZero();
        }
    }

    private static boolean roomKept(Connection connection, String caseId) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select 1 from case_room where case_id = '%s'".formatted(caseId))) {
            return rows.next();
        }
    }

    @Test
    void onlyThoseWhoMayReadTheFeedSeeTheCaseDetails() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);

        world.expert(RAJ).get("/swarms/" + swarmId).then().statusCode(200).body("case.number", equalTo("CS-000777"));
        world.as(LEAD, "lead").get("/swarms/" + swarmId).then().body("case.subject", equalTo("Sync stops"));
        // Somebody outside the swarm sees that it exists, not the customer's case.
        world.expert(STRANGER).get("/swarms/" + swarmId).then().statusCode(200).body("case", nullValue());
        world.as("crm", "integration").get("/swarms/" + swarmId).then().statusCode(200).body("case", nullValue());
        world.owner().get("/swarms?caseId=" + caseId).then().body("[0].case", nullValue());
    }

    private void message(String caseId, String authorRole, String visibility, String body) {
        events.send("case-events", caseId, "case-message-added", """
                {"caseId":"%s","number":"CS-000901","messageId":"%s","authorId":"someone","authorRole":"%s",
                 "visibility":"%s","body":"%s","addedAt":"2026-12-01T09:10:00Z"}"""
                .formatted(caseId, UUID.randomUUID(), authorRole, visibility, body));
    }
}
