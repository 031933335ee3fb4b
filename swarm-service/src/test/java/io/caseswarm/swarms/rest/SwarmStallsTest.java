package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.PATIENCE;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Swarms that would otherwise stall in silence: invitations that lapse, a finder that runs out of people,
 * a feed nobody posts in, and what case-service's automation rules ask of swarms. Time is the platform
 * clock, moved by the tests; deadlines fire when a test polls.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmStallsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller deadlines;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /** The race, one way: the expiry is recorded first, so the late join is refused and changes nothing. */
    @Test
    void anExpiredInvitationShowsLikeADeclineAndCanNoLongerBeJoined() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);

        expire(swarmId, caseId, RAJ);
        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms/" + swarmId).then()
                .body("members.find { it.personId == 'raj.patel' }.status", equalTo("expired")));

        world.expert(RAJ).post("/swarms/" + swarmId + "/members/" + RAJ + "/join").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("expired"));
        world.owner().get("/swarms/" + swarmId).then().body("status", equalTo("requested"))
                .body("members.find { it.personId == 'raj.patel' }.status", equalTo("expired"));
        assertThat(world.storedEventsAbout(caseId)).containsExactly(swarmId + " swarm-requested",
                swarmId + " swarm-member-invited", swarmId + " swarm-member-expired");
    }

    /** The race, the other way: the join was recorded first; the expiry that crossed it changes nothing. */
    @Test
    void aJoinRecordedBeforeTheExpiryArrivesStands() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        world.expert(RAJ).post("/swarms/" + swarmId + "/members/" + RAJ + "/join").then().statusCode(200);

        expire(swarmId, caseId, RAJ);
        world.invite(swarmId, caseId, MEI); // the replacement; on the same partition, so after the expiry

        world.owner().get("/swarms/" + swarmId).then().body("status", equalTo("active"))
                .body("members.find { it.personId == 'raj.patel' }.status", equalTo("joined"))
                .body("members.find { it.personId == 'mei.chen' }.status", equalTo("invited"));
        assertThat(world.storedEventsAbout(caseId)).doesNotContain(swarmId + " swarm-member-expired");
    }

    @Test
    void aSwarmNobodyIsLeftToStaffShowsUnstaffedUntilSomebodyIsInvitedAgain() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.owner().get("/swarms/" + swarmId).then().body("staffing", equalTo("on-track"));

        events.send("expert-events", swarmId, "swarm-unstaffed", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000777","ownerId":"%s","skills":["billing","postgres"],
                 "openPlaces":2,"unstaffedAt":"%s"}""".formatted(swarmId, caseId, OWNER, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms/" + swarmId).then()
                .body("staffing", equalTo("unstaffed")));
        assertThat(world.storedEventsAbout(caseId)).contains(swarmId + " swarm-staffing-stalled");

        world.invite(swarmId, caseId, RAJ);
        world.owner().get("/swarms/" + swarmId).then().body("staffing", equalTo("on-track"));
    }

    @Test
    void aQuietSwarmIsRemindedWhoHasNotAnsweredAPostPutsItOffAndTheBotStopsAfterThreeInARow() throws SQLException {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ, MEI);
        world.expert(MEI).post("/swarms/" + swarmId + "/members/" + MEI + "/join").then().statusCode(200);

        after(Duration.ofHours(4));
        List<Map<String, String>> feed = feed(swarmId);
        assertThat(feed).hasSize(1);
        assertThat(feed.getFirst().get("authorId")).isEqualTo("swarm-bot");
        assertThat(feed.getFirst().get("text")).isEqualTo("Nothing has been posted here for 4 hours."
                + " Still to answer their invitation: raj.patel. In the swarm: ana.lima (owner), mei.chen.");

        after(Duration.ofHours(1));
        world.owner().body("{\"text\": \"Raj, are you there?\"}").post("/swarms/" + swarmId + "/posts").then()
                .statusCode(201);
        after(Duration.ofHours(4).minusMinutes(1)); // past when the bot would have spoken again without the post
        assertThat(feed(swarmId)).as("the post put the reminder off by 4 hours").hasSize(2);
        after(Duration.ofMinutes(1));
        after(Duration.ofHours(4));
        after(Duration.ofHours(4));
        after(Duration.ofHours(4));
        assertThat(feed(swarmId)).as("three reminders in a row, then silence").hasSize(5)
                .extracting(post -> post.get("authorId"))
                .containsExactly("swarm-bot", OWNER, "swarm-bot", "swarm-bot", "swarm-bot");
        assertThat(remindersOf(swarmId)).isZero();

        world.owner().body("{\"text\": \"Anyone?\"}").post("/swarms/" + swarmId + "/posts").then().statusCode(201);
        assertThat(remindersOf(swarmId)).as("a post wakes the bot again").isEqualTo(1);
        world.resolve(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(remindersOf(swarmId)).as("closing ends them").isZero());
    }

    /** Moves the clock on and lets due deadlines fire, as the poller would. */
    private void after(Duration duration) {
        clock.advance(duration);
        deadlines.pollOnce();
    }

    @Test
    void anAutomationsWishForASwarmIsCarriedOutOnceAndItsPostsGoToThatSwarm() throws Exception {
        String caseId = UUID.randomUUID().toString();
        events.send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000778","subject":"Sync stops","priority":"normal"}""".formatted(caseId));
        events.send("case-events", caseId, "case-assigned", """
                {"caseId":"%s","ownerId":"%s"}""".formatted(caseId, OWNER));
        events.send("case-events", caseId, "case-updated", """
                {"caseId":"%s","number":"CS-000778","changes":[{"field":"priority","from":"normal","to":"urgent"}],
                 "by":"lena.berg"}""".formatted(caseId));
        EventSender.Sent wanted = events.send("case-events", caseId, "case-swarm-wanted", swarmWanted(caseId));
        events.redeliver(wanted);
        events.send("case-events", caseId, "case-swarm-wanted", swarmWanted(caseId)); // the rule fired again
        EventSender.Sent post = events.send("case-events", caseId, "case-swarm-post-wanted", postWanted(caseId, "SLA at risk"));
        events.redeliver(post);
        events.send("case-events", caseId, "case-swarm-post-wanted", postWanted(caseId, "Still at risk"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(world.lead().get("/swarms?caseId=" + caseId).then()
                .extract().<List<?>>path("id")).hasSize(1));
        String swarmId = world.lead().get("/swarms?caseId=" + caseId).then()
                .body("[0].ownerId", equalTo(OWNER))
                .body("[0].requestedBy", equalTo(OWNER))
                .body("[0].requestedVia", equalTo("automation:sla-warning-swarm"))
                .body("[0].priority", equalTo("urgent"))
                .body("[0].skills", hasItem("billing"))
                .body("[0].teamSize", equalTo(2))
                .extract().path("[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(swarmId)).hasSize(2));
        List<Map<String, String>> feed = feed(swarmId);
        assertThat(feed).extracting(p -> p.get("text")).containsExactly("SLA at risk", "Still at risk");
        assertThat(feed).extracting(p -> p.get("authorId")).containsOnly("swarm-bot");
        assertThat(feed).extracting(p -> p.get("via")).containsOnly("automation:sla-warning");
        assertThat(world.lead().get("/swarms?caseId=" + caseId).then().extract().<List<?>>path("id")).hasSize(1);
        Instant lastPost = Instant.parse(feed.getLast().get("postedAt"));
        assertThat(reminderDue(swarmId)).as("an urgent case's swarm is reminded after 1 hour, as configured")
                .isEqualTo(lastPost.plus(Duration.ofHours(1)));

        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> published = reader.readForKey(swarmId, 3, PATIENCE);
            JsonNode requested = json.readTree(published.getFirst().value());
            assertThat(requested.get("priority").asText()).isEqualTo("urgent");
            assertThat(requested.get("requestedVia").asText()).isEqualTo("automation:sla-warning-swarm");
        }
    }

    @Test
    void aWishForASwarmWithoutSkillsIsDeadLetteredWithTheReason() {
        String caseId = world.knownCase(OWNER);
        events.send("case-events", caseId, "case-swarm-wanted", """
                {"caseId":"%s","number":"CS-000777","ownerId":"%s","skills":[],"teamSize":2,"question":"Why?",
                 "requestedBy":"automation:sla-warning-swarm","wantedAt":"%s"}""".formatted(caseId, OWNER, Instant.now()));

        try (TopicReader dlq = new TopicReader(bootstrapServers, "case-events-dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.readForKey(caseId, 1, PATIENCE);
            assertThat(TopicReader.header(dead.getFirst(), "dead-letter-reason")).contains("1 to 10 skills");
        }
        assertThat(world.lead().get("/swarms?caseId=" + caseId).then().extract().<List<?>>path("id")).isEmpty();
    }

    private static String swarmWanted(String caseId) {
        return """
                {"caseId":"%s","number":"CS-000778","ownerId":"%s","skills":["Billing"],"teamSize":2,
                 "question":"The SLA is at risk: why does the sync stop?","requestedBy":"automation:sla-warning-swarm",
                 "wantedAt":"%s","ruleVersion":7}""".formatted(caseId, OWNER, Instant.now());
    }

    private static String postWanted(String caseId, String text) {
        return """
                {"caseId":"%s","number":"CS-000778","text":"%s","by":"automation:sla-warning","wantedAt":"%s"}"""
                .formatted(caseId, text, Instant.now());
    }

    private void expire(String swarmId, String caseId, String personId) {
        events.send("expert-events", swarmId, "expert-invitation-expired", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000777","personId":"%s","invitedAt":"%s","expiredAt":"%s"}"""
                .formatted(swarmId, caseId, personId, Instant.now().minusSeconds(7200), Instant.now()));
    }

    private List<Map<String, String>> feed(String swarmId) {
        return world.lead().get("/swarms/" + swarmId + "/posts").then().statusCode(200).extract().path("");
    }

    private Instant reminderDue(String swarmId) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select due_at from deadlines where aggregate_id = ?")) {
            query.setString(1, swarmId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a reminder is scheduled").isTrue();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private int remindersOf(String swarmId) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from deadlines where aggregate_id = ?")) {
            query.setString(1, swarmId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
