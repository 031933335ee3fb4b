package io.caseswarm.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The case shows what other services do for it, learnt from their events on the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseShowsSwarmsAndSuggestionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;

    LocalIssuer issuer;

    /** An expert reads the case, and its whole conversation, only while in one of its open swarms. */
    @Test
    void theCaseShowsItsSwarmWithTheExpertsWhoJoinedUntilItCloses() throws Exception {
        String caseId = openCase();
        String swarmId = UUID.randomUUID().toString();
        asAgent().contentType(ContentType.JSON).body("{\"body\": \"Token looks expired\", \"visibility\": \"internal\"}")
                .post("/cases/" + caseId + "/messages").then().statusCode(201);
        asExpert().get("/cases/" + caseId).then().statusCode(404);
        asExpert().get("/cases/" + caseId + "/messages").then().statusCode(404);

        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why does the sync stop?",
                 "skills":["billing"],"teamSize":2}""".formatted(swarmId, caseId));
        events.send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"raj.patel\"}".formatted(swarmId, caseId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAgent().get("/cases/" + caseId)
                .then().body("swarms[0].status", equalTo("active"))
                .body("swarms[0].question", equalTo("Why does the sync stop?"))
                .body("swarms[0].memberIds", contains("raj.patel")));
        asExpert().get("/cases/" + caseId).then().statusCode(200).body("subject", equalTo("Invoices fail to sync"));
        asExpert().get("/cases/" + caseId + "/messages").then().statusCode(200)
                .body("items.body", contains("Token looks expired"));

        EventSender.Sent closed = events.send("swarm-events", swarmId, "swarm-closed",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"reason\":\"case-resolved\"}".formatted(swarmId, caseId));
        events.redeliver(closed); // a redelivery changes nothing

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAgent().get("/cases/" + caseId)
                .then().body("swarms.size()", equalTo(1)).body("swarms[0].status", equalTo("closed")));
        asExpert().get("/cases/" + caseId).then().statusCode(404);
    }

    /** Somebody the owner added by name reads the case like a member who joined; a cancelled swarm is over. */
    @Test
    void aPersonAddedToTheSwarmReadsTheCaseUntilTheSwarmIsCancelled() {
        String caseId = openCase();
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why does the sync stop?",
                 "skills":["billing"],"teamSize":2}""".formatted(swarmId, caseId));
        events.send("swarm-events", swarmId, "swarm-member-added", """
                {"swarmId":"%s","caseId":"%s","personId":"raj.patel","reason":null,"addedBy":"ana.lima",
                 "addedAt":"2026-12-01T10:00:00Z"}""".formatted(swarmId, caseId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAgent().get("/cases/" + caseId)
                .then().body("swarms[0].status", equalTo("active")).body("swarms[0].memberIds", contains("raj.patel")));
        asExpert().get("/cases/" + caseId).then().statusCode(200);

        events.send("swarm-events", swarmId, "swarm-cancelled", """
                {"swarmId":"%s","caseId":"%s","reason":"Solved on the phone","memberIds":["raj.patel"],
                 "cancelledBy":"ana.lima","cancelledAt":"2026-12-01T10:05:00Z"}""".formatted(swarmId, caseId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAgent().get("/cases/" + caseId)
                .then().body("swarms[0].status", equalTo("cancelled")));
        asExpert().get("/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void theCaseShowsTheArticlesSuggestedForIt() throws Exception {
        String caseId = openCase();
        asAgent().get("/cases/" + caseId).then().body("suggestions.size()", equalTo(0));

        events.send("knowledge-events", caseId, "knowledge-suggested", """
                {"caseId":"%s","suggestions":[
                  {"articleId":"a-1","title":"Fixing invoice sync","score":0.8,"visibility":"public"},
                  {"articleId":"a-2","title":"Sync internals for support staff","score":0.5,"visibility":"internal"}],
                 "suggestedAt":"2026-11-22T09:00:00Z"}""".formatted(caseId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAgent().get("/cases/" + caseId)
                .then().body("suggestions.articleId", contains("a-1", "a-2"))
                .body("suggestions[0].title", equalTo("Fixing invoice sync")));
        // The customer sees their case with the public article only.
        given().auth().oauth2(issuer.issue("cust-9", "customer")).get("/cases/" + caseId)
                .then().statusCode(200).body("suggestions.articleId", contains("a-1")).body("swarms.size()", equalTo(0));
    }

    private RequestSpecification asExpert() {
        return given().auth().oauth2(issuer.issue("raj.patel", "expert"));
    }

    private RequestSpecification asAgent() {
        return given().auth().oauth2(issuer.issue("ana.lima", "agent"));
    }


    private String openCase() {
        return asAgent().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Stops at 40%",
                 "customer": {"id": "cust-9", "name": "Ada", "email": "ada@example.com"}, "ownerId": "ana.lima"}""")
                .when().post("/cases").then().statusCode(201).extract().path("id");
    }
}
