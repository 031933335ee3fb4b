package io.caseswarm.swarms.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** A swarm from request to close, with case and expert events arriving on the real broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SwarmFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    EventSender events;

    @Test
    void aSwarmIsRequestedStaffedWorkedAndClosedWhenTheCaseIsResolved() throws Exception {
        String caseId = knownCase("ana.lima");
        String swarmId = requestSwarm(caseId, "ana.lima").then().statusCode(201)
                .body("status", equalTo("requested"))
                .body("caseNumber", equalTo("CS-000777"))
                .body("skills", contains("billing", "postgres"))
                .extract().path("id");

        EventSender.Sent raj = events.send("expert-events", swarmId, "expert-invited", invited(swarmId, caseId, "raj.patel"));
        events.redeliver(raj); // redelivered
        send("expert-events", swarmId, "expert-invited", invited(swarmId, caseId, "mei.chen"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/swarms/" + swarmId)
                .then().body("members.personId", contains("raj.patel", "mei.chen"))
                .body("members.status", contains("invited", "invited")));

        given().post("/swarms/" + swarmId + "/members/raj.patel/join")
                .then().statusCode(200).body("status", equalTo("active"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"on leave\"}")
                .post("/swarms/" + swarmId + "/members/mei.chen/decline")
                .then().statusCode(200).body("members.status", contains("joined", "declined"));
        given().post("/swarms/" + swarmId + "/members/mei.chen/join").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"authorId\": \"raj.patel\", \"text\": \"Token expired.\"}")
                .post("/swarms/" + swarmId + "/posts").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"authorId\": \"mei.chen\", \"text\": \"Me too\"}")
                .post("/swarms/" + swarmId + "/posts").then().statusCode(409);
        given().get("/swarms/" + swarmId + "/posts").then().body("text", contains("Token expired."));

        send("case-events", caseId, "case-resolved", "{\"caseId\":\"%s\"}".formatted(caseId));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/swarms/" + swarmId)
                .then().body("status", equalTo("closed")));

        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(swarmId, 7, PATIENCE);
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                    "swarm-requested", "swarm-member-invited", "swarm-member-invited", "swarm-member-joined",
                    "swarm-member-declined", "swarm-post-added", "swarm-closed");
            assertThat(json.readTree(records.getLast().value()).get("memberIds").get(0).asText()).isEqualTo("raj.patel");
            assertThat(json.readTree(records.getFirst().value()).get("ownerId").asText()).isEqualTo("ana.lima");
        }
    }

    @Test
    void onlyTheOwnerOfAKnownOpenCaseRequestsASwarm() throws Exception {
        String caseId = knownCase("ana.lima");
        requestSwarm(caseId, "raj.patel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Only the owner"));
        requestSwarm(UUID.randomUUID().toString(), "ana.lima").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"caseId\": \"" + caseId + "\", \"ownerId\": \"ana.lima\","
                + " \"question\": \"\", \"skills\": [], \"teamSize\": 99}")
                .post("/swarms").then().statusCode(400)
                .body("errors.field", hasItem("question")).body("errors.field", hasItem("skills"))
                .body("errors.field", hasItem("teamSize"));
        given().get("/swarms?caseId=" + caseId).then().body("size()", equalTo(0));
        given().get("/swarms/" + UUID.randomUUID()).then().statusCode(404);
    }

    private io.restassured.response.Response requestSwarm(String caseId, String ownerId) {
        return given().contentType(ContentType.JSON).body("""
                {"caseId": "%s", "ownerId": "%s", "question": "Why does the sync stop?",
                 "stepsTried": "Restarted it", "skills": ["Billing", "postgres"], "teamSize": 2}"""
                .formatted(caseId, ownerId)).post("/swarms");
    }

    /** Announces a case as case-service would, and waits until the swarm service knows its owner. */
    private String knownCase(String ownerId) throws Exception {
        String caseId = UUID.randomUUID().toString();
        send("case-events", caseId, "case-opened",
                "{\"caseId\":\"%s\",\"number\":\"CS-000777\",\"subject\":\"Sync stops\"}".formatted(caseId));
        send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, ownerId));
        await().atMost(PATIENCE).until(() -> requestSwarmProbe(caseId));
        return caseId;
    }

    /** A request by nobody in particular: 409 once the case and its owner are known, 404 before. */
    private boolean requestSwarmProbe(String caseId) {
        return requestSwarm(caseId, "probe.person").statusCode() == 409;
    }

    private void send(String topic, String key, String type, String data) {
        events.send(topic, key, type, data);
    }

    private static String invited(String swarmId, String caseId, String personId) {
        return "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\",\"email\":\"%s@example.com\"}"
                .formatted(swarmId, caseId, personId, personId);
    }

}
