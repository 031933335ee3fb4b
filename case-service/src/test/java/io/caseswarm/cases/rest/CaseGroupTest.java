package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A case sits in a group's queue until somebody takes it, and moves between groups: who may move it, and what subscribers hear. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseGroupTest extends DeskTest {

    @Test
    void aGroupsQueueShowsItsUnownedCasesUntilAMemberTakesOne() {
        String l1 = desk.createGroup("billing-l1");
        String l2 = desk.createGroup("billing-l2");
        String waiting = open(l1, null);
        String taken = open(l1, "raj.patel");
        String elsewhere = open(l2, null);
        String noGroup = open(null, null);

        assertThat(queue(l1 + "&unassigned=true")).containsExactly(waiting);
        assertThat(queue(l1)).containsExactlyInAnyOrder(waiting, taken);
        assertThat(queue(l2 + "&unassigned=true")).containsExactly(elsewhere);
        desk.owner().get("/cases/" + noGroup).then().body("$", not(hasKey("groupId")));

        post(desk.owner(), "/cases/" + waiting + "/assign", "{\"ownerId\": \"ana.lima\"}").then().statusCode(200)
                .body("groupId", equalTo(l1)).body("status", equalTo("open"));
        assertThat(queue(l1 + "&unassigned=true")).isEmpty();
        assertThat(queue(l1 + "&owner=me")).containsExactly(waiting);
        desk.owner().get("/cases?limit=200&group=" + l1).then().body("items.groupId", contains(l1, l1));
    }

    @Test
    void theOwnerALeadOrRoutingMovesACaseBetweenGroupsAndSubscribersHearFromWhereToWhere() throws Exception {
        String l1 = desk.createGroup("sync-l1");
        String l2 = desk.createGroup("sync-l2");
        String id = open(l1, "ana.lima");

        post(desk.owner(), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then().statusCode(200)
                .body("groupId", equalTo(l2)).body("version", equalTo(5));
        post(desk.owner(), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then().statusCode(200)
                .body("version", equalTo(5));
        post(desk.lead(), "/cases/" + id + "/group", "{\"groupId\": \"" + l1 + "\"}").then().statusCode(200)
                .body("groupId", equalTo(l1));
        post(desk.as("router", "integration"), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then()
                .statusCode(200).body("groupId", equalTo(l2)).body("version", equalTo(7));
        assertThat(queue(l2)).containsExactly(id);
        assertThat(queue(l1)).isEmpty();

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 7, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly("case-opened",
                    "case-group-changed", "case-assigned", "case-sla-applied", "case-group-changed",
                    "case-group-changed", "case-group-changed");
            JsonNode first = json.readTree(records.get(1).value());
            assertThat(first.get("from").isNull()).isTrue();
            assertThat(first.get("to").asText()).isEqualTo(l1);
            assertThat(first.get("by").asText()).isEqualTo("lea.park");
            JsonNode moved = json.readTree(records.get(4).value());
            assertThat(moved.get("from").asText()).isEqualTo(l1);
            assertThat(moved.get("to").asText()).isEqualTo(l2);
            assertThat(moved.get("by").asText()).isEqualTo("ana.lima");
        }
    }

    @Test
    void anotherAgentACustomerOrAnUnknownGroupMovesNothing() {
        String l1 = desk.createGroup("access-l1");
        String l2 = desk.createGroup("access-l2");
        String customer = Desk.newCustomer();
        String id = open(l1, "ana.lima", customer);
        String before = desk.snapshot(id);

        post(desk.as("raj.patel", "agent"), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Only the case's owner, ana.lima, or a lead or a routing system"));
        post(desk.as(customer, "customer"), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then()
                .statusCode(403);
        post(desk.as("raj.patel", "expert"), "/cases/" + id + "/group", "{\"groupId\": \"" + l2 + "\"}").then()
                .statusCode(403);
        post(desk.owner(), "/cases/" + id + "/group", "{\"groupId\": \"no-such-group\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("groupId"))
                .body("errors[0].message", containsString("no such group"));
        for (String bad : List.of("{}", "{\"groupId\": null}", "{\"groupId\": \"Billing L1\"}", "{\"groupId\": 42}",
                "{\"groupId\": \"" + "g".repeat(41) + "\"}", "{\"groupId\": \"" + l2 + "\", \"ownerId\": \"raj.patel\"}")) {
            post(desk.owner(), "/cases/" + id + "/group", bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        post(desk.owner(), "/cases/00000000-0000-0000-0000-000000000000/group", "{\"groupId\": \"" + l2 + "\"}").then()
                .statusCode(404);

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void aCaseIsOpenedOnlyIntoAGroupThatExistsAndOnlyByStaff() {
        String l1 = desk.createGroup("intake");
        String customer = Desk.newCustomer();

        openRequest("no-such-group", null, customer).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("groupId"));
        openRequest("Not A Group", null, customer).then().statusCode(400).body("errors.field", contains("groupId"));
        desk.as(customer, "customer").contentType(ContentType.JSON).body(body(l1, null, customer)).post("/cases")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("groupId"));
        assertThat(desk.as(customer, "customer").get("/cases").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
    }

    @Test
    void aCustomerNeitherSeesNorListsByTheGroupOfTheirCase() {
        String l1 = desk.createGroup("private");
        String customer = Desk.newCustomer();
        String id = open(l1, "ana.lima", customer);

        desk.as(customer, "customer").get("/cases/" + id).then().statusCode(200).body("$", not(hasKey("groupId")));
        desk.as(customer, "customer").get("/cases").then().statusCode(200).body("items.id", contains(id))
                .body("items[0]", not(hasKey("groupId")));
        desk.as(customer, "customer").get("/cases?group=" + l1).then().statusCode(403)
                .contentType("application/problem+json").body("errors.field", contains("group"));
        desk.owner().get("/cases?group=Not%20A%20Group").then().statusCode(400).body("errors.field", contains("group"));
    }

    private String open(String groupId, String ownerId) {
        return open(groupId, ownerId, Desk.newCustomer());
    }

    private String open(String groupId, String ownerId, String customer) {
        return openRequest(groupId, ownerId, customer).then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response openRequest(String groupId, String ownerId, String customer) {
        return desk.lead().contentType(ContentType.JSON).body(body(groupId, ownerId, customer)).post("/cases");
    }

    private static String body(String groupId, String ownerId, String customer) {
        return """
                {"subject": "Invoices fail to sync", "description": "Since Monday.",
                 "customer": {"id": "%s", "name": "Ada", "email": "ada@example.com"}%s%s}
                """.formatted(customer, ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"",
                groupId == null ? "" : ", \"groupId\": \"" + groupId + "\"");
    }

    /** The case ids of {@code GET /cases?group=...}, as ana.lima lists them. */
    private List<String> queue(String groupAndMore) {
        JsonPath page = desk.owner().get("/cases?limit=200&group=" + groupAndMore).then().statusCode(200).extract()
                .jsonPath();
        return page.getList("items.id");
    }
}
