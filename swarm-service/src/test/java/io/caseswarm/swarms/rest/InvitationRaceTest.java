package io.caseswarm.swarms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The race a busy swarm runs: the expert finder's invitations still arriving while the invited experts
 * already join, each the moment their invitation shows. The consumer and the joins append to the same
 * swarm stream; the loser of each race decides again on fresh state, so every invitation is recorded and
 * every join answers 200.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvitationRaceTest {

    private static final int SWARMS = 8;
    private static final List<String> TEAM = List.of("raj.patel", "mei.chen", "ola.nord", "kim.berg");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @Test
    void expertsJoiningWhileInvitationsArriveLoseNothing() throws Exception {
        List<String[]> swarms = new ArrayList<>();
        for (int i = 0; i < SWARMS; i++) {
            String caseId = world.knownCase(SwarmFixture.OWNER);
            swarms.add(new String[] { world.swarmOn(caseId), caseId });
        }
        ExecutorService joiners = Executors.newFixedThreadPool(SWARMS * TEAM.size());
        try {
            List<Future<Integer>> joins = new ArrayList<>();
            for (String[] swarm : swarms) {
                for (String personId : TEAM) {
                    joins.add(joiners.submit(() -> joinAsSoonAsInvited(swarm[0], personId)));
                }
            }
            // Round by round, so that each swarm's later invitations arrive while its first invitees join.
            for (String personId : TEAM) {
                for (String[] swarm : swarms) {
                    events.send("expert-events", swarm[0], "expert-invited",
                            "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\",\"email\":\"%s@example.com\"}"
                                    .formatted(swarm[0], swarm[1], personId, personId));
                }
            }
            for (Future<Integer> join : joins) {
                assertThat(join.get()).as("the joining expert's answer").isEqualTo(200);
            }
        } finally {
            joiners.shutdownNow();
        }

        for (String[] swarm : swarms) {
            await().atMost(SwarmFixture.PATIENCE).untilAsserted(() -> {
                List<Map<String, String>> members = world.owner().get("/swarms/" + swarm[0]).then().extract()
                        .path("members");
                assertThat(members).extracting(member -> member.get("personId"))
                        .containsExactlyInAnyOrderElementsOf(TEAM);
                assertThat(members).extracting(member -> member.get("status")).containsOnly("joined");
            });
        }
        assertThat(deadLetteredInvitationsOf(swarms)).isEmpty();
    }

    private int joinAsSoonAsInvited(String swarmId, String personId) {
        await().atMost(SwarmFixture.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> world.owner()
                .get("/swarms/" + swarmId).then().extract().<List<String>>path("members.personId").contains(personId));
        return world.expert(personId).post("/swarms/" + swarmId + "/members/" + personId + "/join").statusCode();
    }

    /** A marker sent last on each swarm's partition: once it is dead-lettered, so would be anything before it. */
    private List<ConsumerRecord<String, String>> deadLetteredInvitationsOf(List<String[]> swarms) {
        for (String[] swarm : swarms) {
            events.send("expert-events", swarm[0], "expert-invited", "{\"swarmId\":\"not-a-uuid\"}");
        }
        try (TopicReader dlq = new TopicReader(bootstrapServers, "expert-events-dlq")) {
            List<String> ids = swarms.stream().map(swarm -> swarm[0]).toList();
            List<ConsumerRecord<String, String>> ours = dlq.readUntil(
                    records -> records.stream().filter(r -> ids.contains(r.key())).count() >= SWARMS,
                    SwarmFixture.PATIENCE).stream().filter(r -> ids.contains(r.key())).toList();
            assertThat(ours).as("the markers, dead-lettered").filteredOn(r -> r.value().contains("not-a-uuid"))
                    .hasSize(SWARMS);
            return ours.stream().filter(r -> !r.value().contains("not-a-uuid")).toList();
        }
    }
}
