package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OTHER_AGENT;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.PATIENCE;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The owner of a swarm's case, or a lead, steers the swarm: brings a named person in, asks for more experts,
 * changes the skills, calls it off; members, the owner and leads read its history.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmSteeringTest {

    private static final String KIM = "kim.berg";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;
    private String caseId;
    private String swarmId;

    @BeforeEach
    void anInvitedSwarm() {
        world = new SwarmFixture(events, issuer, database);
        caseId = world.knownCase(OWNER);
        swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
    }

    @Test
    void theOwnerAndALeadSteerTheSwarmUntilItIsCancelledAndTheHistoryTellsItAll() throws Exception {
        world.owner().body(Map.of("personId", KIM, "reason", "Account manager")).post(path("members"))
                .then().statusCode(200).body("status", equalTo("active"))
                .body("members.personId", contains(RAJ, KIM)).body("members.status", contains("invited", "joined"));
        world.as(KIM, Roles.AGENT).body(Map.of("text", "I know this customer.")).post(path("posts"))
                .then().statusCode(201);
        world.lead().body(Map.of("personId", MEI)).post(path("members")).then().statusCode(200);
        world.owner().body(Map.of("count", 2)).post(path("more-experts")).then().statusCode(202)
                .body("teamSize", equalTo(4));
        world.lead().body(Map.of("skills", List.of(" SSO ", "billing"))).put(path("skills")).then().statusCode(200)
                .body("skills", contains("sso", "billing"));

        world.owner().body(Map.of("reason", "Solved on the phone")).post(path("cancel")).then().statusCode(200)
                .body("status", equalTo("cancelled"));
        world.as(KIM, Roles.AGENT).body(Map.of("text", "One more thing")).post(path("posts")).then().statusCode(409);
        world.expert(RAJ).post(path("members/" + RAJ + "/join")).then().statusCode(409);
        world.owner().body(Map.of("personId", "omar.haddad")).post(path("members")).then().statusCode(409);
        world.owner().body(Map.of("count", 1)).post(path("more-experts")).then().statusCode(409);
        world.lead().body(Map.of("reason", "again")).post(path("cancel")).then().statusCode(409);

        List<String> types = List.of("swarm-requested", "swarm-member-invited", "swarm-member-added",
                "swarm-post-added", "swarm-member-added", "swarm-experts-requested", "swarm-skills-changed",
                "swarm-cancelled");
        world.as(KIM, Roles.AGENT).get(path("history")).then().statusCode(200)
                .body("type", equalTo(types)).body("version", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("[2].data.addedBy", equalTo(OWNER)).body("[2].data.reason", equalTo("Account manager"))
                .body("[6].data.previousSkills", contains("billing", "postgres"))
                .body("[7].data.memberIds", contains(KIM, MEI)).body("[7].time", notNullValue())
                .header("Link", nullValue());
        // Paged: a full page links to the next, which starts after its last version.
        String next = world.as(KIM, Roles.AGENT).get(path("history?limit=3")).then().statusCode(200)
                .body("version", contains(1, 2, 3)).extract().header("Link");
        assertThat(next).isEqualTo("</swarms/" + swarmId + "/history?afterVersion=3&limit=3>; rel=\"next\"");
        world.as(KIM, Roles.AGENT).get(path("history?afterVersion=6&limit=3")).then().statusCode(200)
                .body("version", contains(7, 8)).header("Link", nullValue());
        for (String bad : List.of("limit=0", "limit=1001", "afterVersion=-1", "limit=ten")) {
            world.as(KIM, Roles.AGENT).get(path("history?" + bad)).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(swarmId, types.size(), PATIENCE);
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).isEqualTo(types);
        }
    }

    @Test
    void onlyTheOwnerOrALeadSteersAndOnlyWhoMayReadTheFeedReadsTheHistory() {
        for (String[] who : List.of(new String[] { OTHER_AGENT, Roles.AGENT }, new String[] { RAJ, Roles.EXPERT },
                new String[] { "ada.admin", Roles.ADMIN })) {
            world.as(who[0], who[1]).body(Map.of("personId", KIM)).post(path("members")).then().statusCode(403);
            world.as(who[0], who[1]).body(Map.of("count", 1)).post(path("more-experts")).then().statusCode(403);
            world.as(who[0], who[1]).body(Map.of("skills", List.of("sso"))).put(path("skills")).then()
                    .statusCode(403);
            world.as(who[0], who[1]).body(Map.of("reason", "not mine")).post(path("cancel")).then().statusCode(403);
        }
        world.owner().body(Map.of("personId", OWNER)).post(path("members")).then().statusCode(409)
                .contentType("application/problem+json");
        world.owner().body(Map.of("personId", RAJ)).post(path("members")).then().statusCode(409);

        world.as(OTHER_AGENT, Roles.AGENT).get(path("history")).then().statusCode(403);
        world.expert(STRANGER).get(path("history")).then().statusCode(403);
        world.as("ada.admin", Roles.ADMIN).get(path("history")).then().statusCode(403);
        world.expert(RAJ).get(path("history")).then().statusCode(200).body("type", hasItem("swarm-member-invited"));
        world.lead().get(path("history")).then().statusCode(200);
        world.owner().get("/swarms/" + UUID.randomUUID() + "/history").then().statusCode(404);
        world.owner().get(path("posts")).then().statusCode(200);
        assertThat(world.storedEventsAbout(caseId)).hasSize(2);
    }

    private String path(String rest) {
        return "/swarms/" + swarmId + "/" + rest;
    }
}
