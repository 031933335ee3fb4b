package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    EventSender events;

    @Test
    void theOwnerResolvesTheCaseAndSubscribersLearnTheFixAndTheCustomer() throws Exception {
        String id = openCase(null);

        as("ana.lima", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"ana.lima\"}")
                .when().post("/cases/" + id + "/assign")
                .then().statusCode(200)
                .body("ownerId", equalTo("ana.lima"))
                .body("status", equalTo("open"));
        // Only a member of a swarm on the case may be named as having helped.
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why?","skills":["billing"],
                 "teamSize":1}""".formatted(swarmId, id));
        events.send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"raj.patel\"}".formatted(swarmId, id));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ana.lima", "agent").get("/cases/" + id)
                .then().body("swarms[0].memberIds", contains("raj.patel")));

        as("ana.lima", "agent").contentType(ContentType.JSON)
                .body("{\"summary\": \"Rotated the expired sync token\", \"helpedBy\": [\"raj.patel\"]}")
                .when().post("/cases/" + id + "/resolve")
                .then().statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolution.summary", equalTo("Rotated the expired sync token"))
                .body("resolution.helpedBy", contains("raj.patel"));

        as("ana.lima", "agent").get("/cases/" + id + "/history")
                .then().body("type", contains("case-opened", "case-sla-applied", "case-assigned", "case-resolved",
                        "case-sla-met", "case-sla-met"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 6, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly("case-opened",
                    "case-sla-applied", "case-assigned", "case-resolved", "case-sla-met", "case-sla-met");
            JsonNode resolved = json.readTree(records.get(3).value());
            assertThat(resolved.get("ownerId").asText()).isEqualTo("ana.lima");
            assertThat(resolved.get("customer").get("email").asText()).isEqualTo("ada@example.com");
            assertThat(resolved.get("resolution").get("summary").asText()).isEqualTo("Rotated the expired sync token");
            assertThat(resolved.get("description").asText()).startsWith("Since Monday");
        }
    }

    @Test
    void theOwnerHandsTheCaseOnALeadReassignsItAndNobodyElseTakesIt() throws Exception {
        String id = openCase("ana.lima");

        as("raj.patel", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"raj.patel\"}")
                .when().post("/cases/" + id + "/assign")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Only the case's owner, ana.lima"));
        as("ana.lima", "agent").get("/cases/" + id).then().body("ownerId", equalTo("ana.lima")).body("version", equalTo(3));

        as("ana.lima", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"raj.patel\"}")
                .when().post("/cases/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("raj.patel")).body("status", equalTo("open"));
        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"ownerId\": \"mia.rossi\"}")
                .when().post("/cases/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("mia.rossi"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 5, Duration.ofSeconds(60));
            JsonNode handedOn = json.readTree(records.get(3).value());
            assertThat(handedOn.get("previousOwnerId").asText()).isEqualTo("ana.lima");
            assertThat(handedOn.get("assignedBy").asText()).isEqualTo("ana.lima");
            JsonNode reassigned = json.readTree(records.get(4).value());
            assertThat(reassigned.get("previousOwnerId").asText()).isEqualTo("raj.patel");
            assertThat(reassigned.get("assignedBy").asText()).isEqualTo("lea.park");
        }
    }

    @Test
    void anUnownedCaseIsTakenByAnAgentForThemselvesOnly() {
        String id = openCase(null);

        as("raj.patel", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"ana.lima\"}")
                .when().post("/cases/" + id + "/assign").then().statusCode(403);
        as("raj.patel", "agent").get("/cases/" + id).then().body("status", equalTo("new")).body("version", equalTo(2));

        as("raj.patel", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"raj.patel\"}")
                .when().post("/cases/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("raj.patel")).body("status", equalTo("open"));
    }

    @Test
    void resolvingNeedsAnOwnerASummaryAndAnExistingCase() {
        String id = openCase(null);

        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"summary\": \"Fixed\"}")
                .when().post("/cases/" + id + "/resolve")
                .then().statusCode(409);
        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"summary\": \"\", \"helpedBy\": [\"Not A Person!\"]}")
                .when().post("/cases/" + id + "/resolve")
                .then().statusCode(400)
                .body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("helpedBy[0]"));
        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"summary\": \"Fixed\"}")
                .when().post("/cases/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(404);
        as("ana.lima", "agent").get("/cases/" + id).then().body("status", equalTo("new")).body("version", equalTo(2));
    }

    private RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(issuer.issue(user, roles));
    }

    private String openCase(String ownerId) {
        String owner = ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"";
        return as("ana.lima", "agent").contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "cust-7", "name": "Ada Lovelace", "email": "ada@example.com"}%s}
                """.formatted(owner))
                .when().post("/cases").then().statusCode(201).extract().path("id");
    }
}
