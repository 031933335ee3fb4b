package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A case moves through its life over the API: who may move it where, and what subscribers hear. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseStatusTest extends DeskTest {

    private static final String FIX = "{\"summary\": \"Rotated the expired sync token\"}";

    @Test
    void theOwnerMovesTheCaseBetweenOpenPendingAndOnHoldAndSubscribersHearWhoAndWhy() throws Exception {
        String id = desk.openCase(Desk.newCustomer());

        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"pending\", \"reason\": \"Asked for the sync log\"}")
                .then().statusCode(200).body("status", equalTo("pending"));
        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"on-hold\", \"reason\": \"Waiting on the bank\"}")
                .then().statusCode(200).body("status", equalTo("on-hold"));
        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"open\"}")
                .then().statusCode(200).body("status", equalTo("open"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 6, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly("case-opened",
                    "case-assigned", "case-sla-applied", "case-status-changed", "case-status-changed",
                    "case-status-changed");
            JsonNode toPending = json.readTree(records.get(3).value());
            assertThat(toPending.get("from").asText()).isEqualTo("open");
            assertThat(toPending.get("to").asText()).isEqualTo("pending");
            assertThat(toPending.get("reason").asText()).isEqualTo("Asked for the sync log");
            assertThat(toPending.get("by").asText()).isEqualTo("ana.lima");
        }
    }

    @Test
    void aMoveTheStateMachineDoesNotAllowIs409NamingBothStatesAndChangesNothing() {
        String id = desk.openCase(Desk.newCustomer());
        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"resolved\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot move from open to resolved: resolving takes the fix"));
        post(desk.owner(), "/cases/" + id + "/resolve", FIX).then().statusCode(200);

        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"pending\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot move from resolved to pending"));
        desk.owner().get("/cases/" + id).then().body("status", equalTo("resolved")).body("version", equalTo(6));
    }

    @Test
    void onlyTheOwnerOrALeadMovesTheCaseAndOnlyALeadClosesIt() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);

        post(desk.as("raj.patel", "agent"), "/cases/" + id + "/status", "{\"status\": \"pending\"}")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Only the case's owner, ana.lima, or a lead"));
        post(desk.as(customer, "customer"), "/cases/" + id + "/status", "{\"status\": \"pending\"}")
                .then().statusCode(403);
        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"closed\"}")
                .then().statusCode(403).body("detail", containsString("Only a lead closes"));
        desk.owner().get("/cases/" + id).then().body("status", equalTo("open")).body("version", equalTo(3));

        post(desk.lead(), "/cases/" + id + "/status", "{\"status\": \"closed\", \"reason\": \"Duplicate of a call\"}")
                .then().statusCode(200).body("status", equalTo("closed")).body("closedAt", notNullValue());
        post(desk.lead(), "/cases/" + id + "/status", "{\"status\": \"open\"}")
                .then().statusCode(409).body("detail", containsString("from closed to open"));
        post(desk.lead(), "/cases/" + id + "/reopen", "{}")
                .then().statusCode(409).body("detail", containsString("from closed to open"));
        desk.owner().get("/cases/" + id + "/history").then()
                .body("type", contains("case-opened", "case-assigned", "case-sla-applied", "case-closed"));
    }

    @Test
    void theOwnerReopensAResolvedCaseAndItsCustomerDoesWithinTheWindow() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        post(desk.owner(), "/cases/" + id + "/resolve", FIX).then().statusCode(200);

        post(desk.owner(), "/cases/" + id + "/reopen", "{\"reason\": \"The token expired again\"}")
                .then().statusCode(200).body("status", equalTo("open")).body("ownerId", equalTo("ana.lima"))
                .body("reopenedAt", notNullValue());
        post(desk.owner(), "/cases/" + id + "/resolve", FIX).then().statusCode(200);

        post(desk.as("cust-mallory", "customer"), "/cases/" + id + "/reopen", "{}").then().statusCode(404);
        post(desk.as(customer, "customer"), "/cases/" + id + "/reopen", "{\"reason\": \"Still failing\"}")
                .then().statusCode(200).body("status", equalTo("open"));
        post(desk.as(customer, "customer"), "/cases/" + id + "/reopen", "{}")
                .then().statusCode(409).body("detail", containsString("from open to open"));
        desk.owner().get("/cases/" + id + "/history").then().body("data.by", hasItem(customer));
    }

    @Test
    void badStatusRequestsAreRefusedByFieldAndChangeNothing() {
        String id = desk.openCase(Desk.newCustomer());

        for (String bad : List.of("{\"status\": \"escalated\"}", "{}", "{\"status\": \"pending\", \"reason\": \""
                + "x".repeat(1_001) + "\"}", "{\"status\": \"pending\", \"by\": \"lea.park\"}",
                "{\"status\": [\"pending\"]}")) {
            post(desk.owner(), "/cases/" + id + "/status", bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(notNullValue()));
        }
        post(desk.owner(), "/cases/" + id + "/reopen", "{\"reason\": 42, \"status\": \"open\"}").then().statusCode(400);
        desk.owner().get("/cases/" + id).then().body("status", equalTo("open")).body("version", equalTo(3));
    }
}
