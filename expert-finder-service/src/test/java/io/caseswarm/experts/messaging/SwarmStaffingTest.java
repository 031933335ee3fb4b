package io.caseswarm.experts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** The expert finder staffs swarms from swarm-service's events, on the real broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SwarmStaffingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    EventSender events;

    LocalIssuer issuer;

    @Test
    void aRequestedSwarmGetsItsTeamAndADeclineBringsInTheNextCandidate() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String owner = register(skill, 5);
        String best = register(skill, 5);
        String second = register(skill, 4);
        String third = register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        String requested = """
                {"swarmId":"%s","caseId":"%s","ownerId":"%s","skills":["%s"],"teamSize":2}"""
                .formatted(swarmId, UUID.randomUUID(), owner, skill);
        EventSender.Sent request = events.send("swarm-events", swarmId, "swarm-requested", requested);
        events.redeliver(request); // redelivered: must not invite twice

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            List<ConsumerRecord<String, String>> invitations = reader.readForKey(swarmId, 2, PATIENCE);
            assertThat(invitations).extracting(r -> TopicReader.header(r, "ce_type")).containsOnly("expert-invited");
            assertThat(invitedPeople(invitations)).containsExactly(best, second);
            assertThat(json.readTree(invitations.getFirst().value()).get("email").asText())
                    .isEqualTo(best + "@example.com");

            send(swarmId, "swarm-member-joined", member(swarmId, best));
            send(swarmId, "swarm-member-declined", member(swarmId, second));

            assertThat(invitedPeople(reader.readForKey(swarmId, 3, PATIENCE))).containsExactly(best, second, third);
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(swarmId, 3, Duration.ZERO)).as("no invitation beyond the decline").hasSize(3);
        }
        await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + best).then().body("load", equalTo(1)));
        lead().get("/people/" + second).then().body("load", equalTo(0));
        lead().get("/people/" + owner).then().body("load", equalTo(0));

        send(swarmId, "swarm-closed", "{\"swarmId\":\"%s\",\"reason\":\"case-resolved\"}".formatted(swarmId));
        await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + best).then().body("load", equalTo(0)));
    }

    @Test
    void whenTheCaseChangesHandsADeclineNeverBringsInTheNewOwner() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String best = register(skill, 5);
        String newOwner = register(skill, 4);
        String next = register(skill, 3);
        String oldOwner = register(skill, 1);
        String swarmId = UUID.randomUUID().toString();
        send(swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"%s","requestedBy":"%s","skills":["%s"],"teamSize":1}"""
                .formatted(swarmId, UUID.randomUUID(), oldOwner, oldOwner, skill));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(best);

            send(swarmId, "swarm-owner-changed", """
                    {"swarmId":"%s","ownerId":"%s","previousOwnerId":"%s"}""".formatted(swarmId, newOwner, oldOwner));
            send(swarmId, "swarm-member-declined", member(swarmId, best));

            assertThat(invitedPeople(reader.readForKey(swarmId, 2, PATIENCE))).containsExactly(best, next);
        }
    }

    @Test
    void anExpertAtFullCapacityIsNotInvited() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String busy = register(skill, 5); // capacity 2
        String other = register(skill, 1);
        for (int i = 0; i < 2; i++) {
            String swarmId = UUID.randomUUID().toString();
            send(swarmId, "swarm-requested", """
                    {"swarmId":"%s","caseId":"%s","ownerId":"x","skills":["%s"],"teamSize":1}"""
                    .formatted(swarmId, UUID.randomUUID(), skill));
        }
        await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + busy).then().body("load", equalTo(2)));

        String third = UUID.randomUUID().toString();
        send(third, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"x","skills":["%s"],"teamSize":1}"""
                .formatted(third, UUID.randomUUID(), skill));
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(third, 1, PATIENCE))).containsExactly(other);
        }
    }

    private List<String> invitedPeople(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return json.readTree(r.value()).get("personId").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private String register(String skill, int level) {
        return People.register(issuer, skill, level, "available");
    }

    /** The directory as the case owner's lead sees it. */
    private RequestSpecification lead() {
        return People.as(issuer, "lena.berg", Roles.LEAD);
    }

    private void send(String key, String type, String data) {
        events.send("swarm-events", key, type, data);
    }

    private static String member(String swarmId, String personId) {
        return "{\"swarmId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, personId);
    }

}
