package io.caseswarm.cases.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** SLA policies over REST: the defaults every desk starts with, an admin's own, and what is refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlaPoliciesTest extends DeskTest {

    private static final String GOLD = """
            {"name": "Gold customers, billing", "rank": 10, "calendarId": "default",
             "conditions": {"priorities": ["high", "urgent"], "products": ["Billing Cloud"], "tiers": ["gold"]},
             "targets": {"firstResponse": "PT30M", "resolution": "PT4H"}, "warnAt": 0.5, "pauseOnHold": true}""";

    @Test
    void aNewDeskHasAPolicyForEveryPriorityOnTheDefaultCalendar() {
        desk.owner().get("/sla-policies").then().statusCode(200)
                .body("items.id", hasItems("urgent", "high", "normal", "low"))
                .body("items.find { it.id == 'urgent' }.targets.firstResponse", equalTo("PT1H"))
                .body("items.find { it.id == 'urgent' }.targets.resolution", equalTo("PT8H"))
                .body("items.find { it.id == 'normal' }.calendarId", equalTo("default"))
                .body("items.find { it.id == 'low' }.conditions.priorities", contains("low"))
                .body("items.find { it.id == 'high' }.warnAt", equalTo(0.75f));
    }

    @Test
    void anAdminAddsAPolicyAndEachReplacementIsItsNextVersion() {
        String id = "gold-" + UUID.randomUUID().toString().substring(0, 8);
        Desk.put(desk.admin(), "/sla-policies/" + id, GOLD).then().statusCode(201)
                .header("Location", containsString("/sla-policies/" + id))
                .body("version", equalTo(1)).body("conditions.tiers", contains("gold"))
                .body("conditions.channels", equalTo(List.of())).body("targets.firstResponse", equalTo("PT30M"))
                .body("targets.nextResponse", nullValue()).body("pauseOnHold", equalTo(true))
                .body("updatedBy", equalTo("ola.admin"));
        Desk.put(desk.admin(), "/sla-policies/" + id, GOLD.replace("PT30M", "PT20M")).then().statusCode(200)
                .body("version", equalTo(2)).body("targets.firstResponse", equalTo("PT20M"));
        desk.as("crm", "integration").get("/sla-policies/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aPolicyThatPromisesNothingOrNamesWhatDoesNotExistIsRefusedNamingTheField() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        refused(id, GOLD.replace("\"default\"", "\"no-such-calendar\""), "calendarId");
        refused(id, GOLD.replace("\"high\", \"urgent\"", "\"high\", \"critical\""), "conditions.priorities");
        refused(id, GOLD.replace("\"tiers\": [\"gold\"]", "\"tiers\": [\"gold\"], \"channels\": [\"fax\"]"),
                "conditions.channels");
        refused(id, GOLD.replace("\"firstResponse\": \"PT30M\", \"resolution\": \"PT4H\"", ""), "targets");
        refused(id, GOLD.replace("PT30M", "-PT30M"), "targets.firstResponse");
        refused(id, GOLD.replace("PT4H", "P400D"), "targets.resolution");
        desk.admin().get("/sla-policies/" + id).then().statusCode(404);
        Desk.put(desk.admin(), "/sla-policies/" + id, GOLD.replace("0.5", "1.5")).then().statusCode(400);
        Desk.put(desk.admin(), "/sla-policies/" + id, GOLD.replace("\"rank\": 10", "\"rank\": 10, \"owner\": \"x\""))
                .then().statusCode(400);
        Desk.put(desk.admin(), "/sla-policies/" + id, GOLD.replace("PT30M", "half an hour")).then().statusCode(400);
        Desk.put(desk.admin(), "/sla-policies/Not_An_Id", GOLD).then().statusCode(400);
        desk.admin().get("/sla-policies/" + id).then().statusCode(404);
    }

    @Test
    void onlyAnAdminChangesPoliciesAndCustomersAndExpertsDoNotReadThem() {
        for (RequestSpecification stranger : List.of(desk.owner(), desk.lead(), desk.as("crm", "integration"),
                desk.as("cust-1", "customer"))) {
            Desk.put(stranger, "/sla-policies/normal", GOLD).then().statusCode(403);
        }
        for (RequestSpecification stranger : List.of(desk.as("cust-1", "customer"), desk.as("eve", "expert"))) {
            stranger.get("/sla-policies").then().statusCode(403);
            stranger.get("/sla-policies/normal").then().statusCode(403);
        }
        RestAssured.given().get("/sla-policies").then().statusCode(401);
        desk.admin().get("/sla-policies/normal").then().body("version", equalTo(1));
    }

    private void refused(String id, String body, String field) {
        Desk.put(desk.admin(), "/sla-policies/" + id, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems(field));
    }
}
