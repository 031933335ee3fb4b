package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.PATIENCE;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A swarm from request to close, with case and expert events arriving on the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @Test
    void aSwarmIsRequestedStaffedWorkedAndClosedWhenTheCaseIsResolved() throws Exception {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.owner().body(SwarmFixture.swarmRequest(caseId)).post("/swarms")
                .then().statusCode(201)
                .body("status", equalTo("requested"))
                .body("ownerId", equalTo(OWNER))
                .body("caseNumber", equalTo("CS-000777"))
                .body("skills", contains("billing", "postgres"))
                .extract().path("id");

        EventSender.Sent raj = events.send("expert-events", swarmId, "expert-invited", invited(swarmId, caseId, RAJ));
        events.redeliver(raj);
        events.send("expert-events", swarmId, "expert-invited", invited(swarmId, caseId, MEI));
        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms/" + swarmId)
                .then().body("members.personId", contains(RAJ, MEI))
                .body("members.status", contains("invited", "invited")));

        world.expert(RAJ).post("/swarms/" + swarmId + "/members/raj.patel/join")
                .then().statusCode(200).body("status", equalTo("active"));
        world.expert(MEI).body("{\"reason\": \"on leave\"}").post("/swarms/" + swarmId + "/members/mei.chen/decline")
                .then().statusCode(200).body("members.status", contains("joined", "declined"));
        world.expert(MEI).post("/swarms/" + swarmId + "/members/mei.chen/join").then().statusCode(409);
        world.expert(RAJ).body("{\"text\": \"Token expired.\"}").post("/swarms/" + swarmId + "/posts")
                .then().statusCode(201).body("authorId", equalTo(RAJ));
        world.owner().get("/swarms/" + swarmId + "/posts")
                .then().body("text", contains("Token expired.")).body("authorId", contains(RAJ));

        events.send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","product":"billing-suite","resolution":{"summary":"Rotated the token",
                 "helpedBy":["raj.patel"]}}""".formatted(caseId));
        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms/" + swarmId)
                .then().body("status", equalTo("closed")));

        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(swarmId, 8, PATIENCE);
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                    "swarm-requested", "swarm-member-invited", "swarm-member-invited", "swarm-member-joined",
                    "swarm-member-declined", "swarm-post-added", "swarm-member-credited", "swarm-closed");
            assertThat(json.readTree(records.getLast().value()).get("memberIds").get(0).asText()).isEqualTo(RAJ);
            assertThat(json.readTree(records.getFirst().value()).get("ownerId").asText()).isEqualTo(OWNER);
            assertThat(json.readTree(records.get(5).value()).get("authorId").asText()).isEqualTo(RAJ);
            // Raj, who joined and posted once, is credited for the case's product and the swarm's skills, as
            // named by the resolution; Mei, who declined, is not.
            JsonNode credited = json.readTree(records.get(6).value());
            assertThat(credited.get("personId").asText()).isEqualTo(RAJ);
            assertThat(credited.get("product").asText()).isEqualTo("billing-suite");
            assertThat(credited.get("skills")).extracting(JsonNode::asText).containsExactly("billing", "postgres");
            assertThat(credited.get("posts").asInt()).isEqualTo(1);
            assertThat(credited.get("helped").asBoolean()).isTrue();
        }
    }

    private static String invited(String swarmId, String caseId, String personId) {
        return "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\",\"email\":\"%s@example.com\"}"
                .formatted(swarmId, caseId, personId, personId);
    }
}
