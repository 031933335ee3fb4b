package io.caseswarm.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A resolution names as helpers only people who were in a swarm on the case (swarm-service credits them):
 * anybody else is refused, and the case stays open.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResolutionNamesSwarmMembersTest {

    EventSender events;

    LocalIssuer issuer;

    @Test
    void somebodyWhoWasNeverInASwarmOfTheCaseCannotBeNamedAsAHelper() {
        String caseId = openCase();
        String swarmId = swarmWithMember(caseId, "raj.patel");
        // A member of another case's swarm is a stranger to this one.
        swarmWithMember(openCase(), "mei.chen");

        resolve(caseId, "[\"raj.patel\", \"mei.chen\"]").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("helpedBy"))
                .body("errors[0].message", containsString("mei.chen"));
        resolve(caseId, "[\"nobody.at.all\"]").statusCode(400).body("errors.field", contains("helpedBy"));
        asOwner().get("/cases/" + caseId).then().body("status", equalTo("open"));

        // Who left the swarm still helped.
        events.send("swarm-events", swarmId, "swarm-member-left",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"raj.patel\"}".formatted(swarmId, caseId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asOwner().get("/cases/" + caseId)
                .then().body("swarms[0].memberIds.size()", equalTo(0)));
        resolve(caseId, "[\"raj.patel\"]").statusCode(200).body("resolution.helpedBy", contains("raj.patel"));
    }

    @Test
    void aResolutionThatNamesNobodyNeedsNoSwarm() {
        String caseId = openCase();
        resolve(caseId, "[]").statusCode(200).body("status", equalTo("resolved"));
    }

    private String swarmWithMember(String caseId, String personId) {
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why does the sync stop?",
                 "skills":["billing"],"teamSize":2}""".formatted(swarmId, caseId));
        events.send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, caseId, personId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asOwner().get("/cases/" + caseId)
                .then().body("swarms.find { it.swarmId == '%s' }.memberIds".formatted(swarmId), contains(personId)));
        return swarmId;
    }

    private io.restassured.response.ValidatableResponse resolve(String caseId, String helpedBy) {
        return asOwner().contentType(ContentType.JSON)
                .body("{\"summary\": \"Rotated the expired sync token\", \"helpedBy\": " + helpedBy + "}")
                .post("/cases/" + caseId + "/resolve").then();
    }

    private String openCase() {
        return asOwner().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "cust-7", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "ownerId": "ana.lima"}""")
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification asOwner() {
        return given().auth().oauth2(issuer.issue("ana.lima", "agent"));
    }
}
