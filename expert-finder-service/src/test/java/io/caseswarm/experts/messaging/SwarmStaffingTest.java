package io.caseswarm.experts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.RowUpdates;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** The expert finder staffs swarms from swarm-service's events, on the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmStaffingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller deadlines;

    @Inject
    DataSource dataSource;

    EventSender events;

    LocalIssuer issuer;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

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

    /**
     * A decision is the record of how a swarm was staffed; it is written with the invitations and never again.
     * Every rewrite of a decision row is counted for the length of the test.
     */
    @Test
    void aStaffingDecisionIsWrittenOnceAndNeverRewritten() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String owner = register(skill, 5);
        register(skill, 4);
        register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                RowUpdates decisions = RowUpdates.watch(connection, "staffing_decision", "swarm_id")) {
            send(swarmId, "swarm-requested", """
                    {"swarmId":"%s","caseId":"%s","ownerId":"%s","skills":["%s"],"teamSize":2}"""
                    .formatted(swarmId, UUID.randomUUID(), owner, skill));
            try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
                assertThat(reader.readForKey(swarmId, 2, PATIENCE)).hasSize(2);
            }
            assertThat(decisions.of(swarmId)).as("rewrites of the swarm's decision").isZero();
        }
        lead().get("/staffing/" + swarmId).then().statusCode(200).body("decisions.size()", equalTo(1))
                .body("decisions[0].invited.size()", equalTo(2));
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
                    {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","skills":["%s"],"teamSize":1}"""
                    .formatted(swarmId, UUID.randomUUID(), skill));
        }
        await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + busy).then().body("load", equalTo(2)));

        String third = UUID.randomUUID().toString();
        send(third, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","skills":["%s"],"teamSize":1}"""
                .formatted(third, UUID.randomUUID(), skill));
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(third, 1, PATIENCE))).containsExactly(other);
        }
    }

    @Test
    void anUnansweredInvitationExpiresOnTimeAndTheNextCandidateIsAsked() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String silent = register(skill, 5);
        String next = register(skill, 4);
        String swarmId = UUID.randomUUID().toString();
        Instant invitedAt = standStill();
        send(swarmId, "swarm-requested", request(swarmId, "ana.lima", skill, 1, "\"urgent\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(silent);

            clock.advance(Duration.ofMinutes(14));
            deadlines.pollOnce();
            clock.advance(Duration.ofMinutes(1)); // urgent: 15 minutes, on the wall clock
            deadlines.pollOnce();

            List<ConsumerRecord<String, String>> staffing = reader.readForKey(swarmId, 3, PATIENCE);
            assertThat(staffing).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-invited", "expert-invitation-expired", "expert-invited");
            var expired = json.readTree(staffing.get(1).value());
            assertThat(expired.get("personId").asText()).isEqualTo(silent);
            assertThat(Instant.parse(expired.get("invitedAt").asText())).isEqualTo(invitedAt);
            assertThat(Instant.parse(expired.get("expiredAt").asText())).isEqualTo(invitedAt.plus(Duration.ofMinutes(15)));
            assertThat(invitedPeople(List.of(staffing.get(2)))).containsExactly(next);
        }
        lead().get("/people/" + silent).then().body("load", equalTo(0));
        lead().get("/people/" + next).then().body("load", equalTo(1));
    }

    @Test
    void anAnswerEndsTheWaitAndOnlyTheUnansweredInvitationExpires() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String joiner = register(skill, 5);
        String decliner = register(skill, 4);
        String silent = register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        standStill();
        send(swarmId, "swarm-requested", request(swarmId, "ana.lima", skill, 2, "null")); // no priority: timed as normal

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 2, PATIENCE))).containsExactly(joiner, decliner);
            send(swarmId, "swarm-member-joined", member(swarmId, joiner));
            send(swarmId, "swarm-member-declined", member(swarmId, decliner));
            assertThat(invitedPeople(reader.readForKey(swarmId, 3, PATIENCE))).containsExactly(joiner, decliner, silent);

            clock.advance(Duration.ofHours(2)); // normal: two working hours; these people work round the clock
            deadlines.pollOnce();

            List<ConsumerRecord<String, String>> staffing = reader.readForKey(swarmId, 4, PATIENCE);
            assertThat(json.readTree(staffing.get(3).value()).get("personId").asText()).isEqualTo(silent);
            assertThat(TopicReader.header(staffing.get(3), "ce_type")).isEqualTo("expert-invitation-expired");
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(swarmId, 5, Duration.ZERO)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .as("nobody expired but the one who never answered; nobody is left to ask, once")
                    .containsExactly("expert-invited", "expert-invited", "expert-invited", "expert-invitation-expired",
                            "swarm-unstaffed");
        }
        lead().get("/people/" + joiner).then().body("load", equalTo(1));
        lead().get("/people/" + silent).then().body("load", equalTo(0));
    }

    /** The race, as the expert finder sees it: swarm-service took the join before it saw the expiry. */
    @Test
    void aJoinThatCrossedTheExpiryKeepsThePersonInTheSwarmAndTheReplacementStands() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String late = register(skill, 5);
        String replacement = register(skill, 4);
        register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        standStill();
        send(swarmId, "swarm-requested", request(swarmId, "ana.lima", skill, 1, "\"high\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(late);
            clock.advance(Duration.ofHours(1));
            assertThat(deadlines.pollOnce()).isGreaterThanOrEqualTo(1);
            assertThat(reader.readForKey(swarmId, 3, PATIENCE)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-invited", "expert-invitation-expired", "expert-invited");

            send(swarmId, "swarm-member-joined", member(swarmId, late));

            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + late).then().body("load", equalTo(1)));
            lead().get("/people/" + replacement).then().body("load", equalTo(1));
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(swarmId, 4, Duration.ZERO)).as("nobody else is asked").hasSize(3);
        }
    }

    @Test
    void aDeclineThatCrossedTheExpiryAsksNobodyBeyondTheReplacement() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String late = register(skill, 5);
        String replacement = register(skill, 4);
        String spare = register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        standStill();
        send(swarmId, "swarm-requested", request(swarmId, "ana.lima", skill, 1, "\"urgent\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(late);
            clock.advance(Duration.ofMinutes(15));
            deadlines.pollOnce();
            assertThat(reader.readForKey(swarmId, 3, PATIENCE)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-invited", "expert-invitation-expired", "expert-invited");

            send(swarmId, "swarm-member-declined", member(swarmId, late));
            // On the swarm's partition after the decline: once the replacement is free again, the decline was handled.
            send(swarmId, "swarm-member-joined", member(swarmId, replacement));
            send(swarmId, "swarm-member-left", member(swarmId, replacement));

            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + replacement).then()
                    .body("load", equalTo(0)));
            assertThat(reader.readForKey(swarmId, 4, Duration.ofSeconds(1))).as("nobody else is asked").hasSize(3);
        }
        lead().get("/people/" + spare).then().body("load", equalTo(0));
    }

    @Test
    void aSwarmNobodyIsLeftToStaffIsDeclaredUnstaffedOnceWithItsOpenPlaces() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String owner = register(skill, 5);
        String only = register(skill, 4);
        String swarmId = UUID.randomUUID().toString();
        send(swarmId, "swarm-requested", request(swarmId, owner, skill, 3, "\"high\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            List<ConsumerRecord<String, String>> staffing = reader.readForKey(swarmId, 2, PATIENCE);
            assertThat(staffing).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-invited", "swarm-unstaffed");
            var unstaffed = json.readTree(staffing.get(1).value());
            assertThat(unstaffed.get("openPlaces").asInt()).isEqualTo(2);
            assertThat(unstaffed.get("ownerId").asText()).isEqualTo(owner);
            assertThat(unstaffed.get("skills").get(0).asText()).isEqualTo(skill);

            send(swarmId, "swarm-member-declined", member(swarmId, only)); // still nobody to ask
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(swarmId, 3, Duration.ZERO)).as("said once while it stays dry").hasSize(2);
        }
    }

    @Test
    void moreExpertsAreInvitedForTheChangedSkillsAndACancelFreesEveryoneAndEndsTheWaits() throws Exception {
        String before = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String after = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String first = register(before, 5);
        String owner = register(after, 5);
        String best = register(after, 4);
        String second = register(after, 3);
        String swarmId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        standStill();
        send(swarmId, "swarm-requested", request(swarmId, owner, before, 1, "\"high\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(first);
            send(swarmId, "swarm-skills-changed", """
                    {"swarmId":"%s","caseId":"%s","skills":["%s"],"previousSkills":["%s"],"changedBy":"%s",
                     "changedAt":"2026-12-01T10:00:00Z"}""".formatted(swarmId, caseId, after, before, owner));
            EventSender.Sent more = events.send("swarm-events", swarmId, "swarm-experts-requested", """
                    {"swarmId":"%s","caseId":"%s","count":2,"requestedBy":"%s","requestedAt":"2026-12-01T10:01:00Z"}"""
                    .formatted(swarmId, caseId, owner));
            events.redeliver(more); // redelivered: must not invite twice

            assertThat(invitedPeople(reader.readForKey(swarmId, 3, PATIENCE))).containsExactly(first, best, second);
            send(swarmId, "swarm-member-joined", member(swarmId, first));
            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + first).then().body("load", equalTo(1)));
            lead().get("/people/" + best).then().body("load", equalTo(1));

            send(swarmId, "swarm-cancelled", """
                    {"swarmId":"%s","caseId":"%s","reason":"Solved on the phone","memberIds":["%s"],"cancelledBy":"%s",
                     "cancelledAt":"2026-12-01T10:02:00Z"}""".formatted(swarmId, caseId, first, owner));
            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + first).then().body("load", equalTo(0)));
            lead().get("/people/" + best).then().body("load", equalTo(0));
            lead().get("/people/" + second).then().body("load", equalTo(0));

            clock.advance(Duration.ofHours(2)); // past the high priority's hour: nothing is waiting any more
            deadlines.pollOnce();
            reader.readUntil(records -> false, Duration.ofSeconds(1));
            assertThat(reader.readForKey(swarmId, 4, Duration.ZERO)).as("no expiry, nobody else asked").hasSize(3);
        }
    }

    @Test
    void someoneAddedByNameCarriesTheSwarmButTakesNoPlaceAndIsNeverInvitedToIt() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String owner = register(skill, 1);
        String top = register(skill, 5);
        String named = register(skill, 4);
        String next = register(skill, 3);
        String swarmId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        standStill();
        send(swarmId, "swarm-requested", request(swarmId, owner, skill, 1, "\"normal\""));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(swarmId, 1, PATIENCE))).containsExactly(top);
            send(swarmId, "swarm-member-added", """
                    {"swarmId":"%s","caseId":"%s","personId":"%s","reason":"Knows this customer","addedBy":"%s",
                     "addedAt":"2026-12-01T10:00:00Z"}""".formatted(swarmId, caseId, named, owner));
            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + named).then().body("load", equalTo(1)));

            send(swarmId, "swarm-experts-requested", """
                    {"swarmId":"%s","caseId":"%s","count":1,"requestedBy":"%s","requestedAt":"2026-12-01T10:01:00Z"}"""
                    .formatted(swarmId, caseId, owner));

            List<ConsumerRecord<String, String>> staffing = reader.readForKey(swarmId, 2, PATIENCE);
            assertThat(invitedPeople(staffing)).as("the named member is not asked again").containsExactly(top, next);
            reader.readUntil(records -> false, Duration.ofSeconds(1));
            assertThat(reader.readForKey(swarmId, 3, Duration.ZERO)).as("two places, both taken by invitations: not unstaffed")
                    .hasSize(2);
        }
    }

    @Test
    void aSwarmOfAPodPrefersItsMembersAndMarksWhoHelpsFromOutsideAsCrossPod() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        // Scored 0.775 and 0.76 without a pod; the pod's bonus lifts the member to 0.808.
        String outsider = People.register(issuer, skill, 5, "away");
        String member = register(skill, 3);
        String podId = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        People.as(issuer, "root", Roles.ADMIN).body("""
                {"name": "Billing", "products": ["%s"], "skills": ["%s"], "members": ["%s"], "leads": [], "slackChannel": null}"""
                .formatted(podId, skill, member)).put("/pods/" + podId).then().statusCode(201);
        String swarmId = UUID.randomUUID().toString();
        send(swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","skills":["%s"],"teamSize":2,"podId":"%s",
                 "type":"standard"}""".formatted(swarmId, UUID.randomUUID(), skill, podId));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            List<ConsumerRecord<String, String>> invitations = reader.readForKey(swarmId, 2, PATIENCE);
            assertThat(invitedPeople(invitations)).as("the pod's member first, though the outsider scores a little more")
                    .containsExactly(member, outsider);
            var first = json.readTree(invitations.get(0).value());
            var second = json.readTree(invitations.get(1).value());
            assertThat(first.get("podId").asText()).isEqualTo(podId);
            assertThat(first.get("crossPod").asBoolean()).isFalse();
            assertThat(second.get("crossPod").asBoolean()).as("helps another pod").isTrue();
        }
    }

    @Test
    void anUrgentSwarmsInvitationLapsesAfterTenMinutesAndABacklogSwarmsNever() throws Exception {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String first = register(skill, 5);
        String second = register(skill, 4);
        String urgent = UUID.randomUUID().toString();
        String backlog = UUID.randomUUID().toString();
        standStill();
        send(urgent, "swarm-requested", typed(urgent, skill, "urgent", "low"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            assertThat(invitedPeople(reader.readForKey(urgent, 1, PATIENCE))).containsExactly(first);
            // The first was asked a moment ago, which weighs on them: the backlog swarm asks the second.
            send(backlog, "swarm-requested", typed(backlog, skill, "backlog", "urgent"));
            assertThat(invitedPeople(reader.readForKey(backlog, 1, PATIENCE))).containsExactly(second);

            clock.advance(Duration.ofMinutes(15)); // as urgent cases' invitations; a low case's would wait 8 working hours
            deadlines.pollOnce();
            assertThat(reader.readForKey(urgent, 3, PATIENCE)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-invited", "expert-invitation-expired", "expert-invited");

            clock.advance(Duration.ofDays(30)); // an urgent case's invitation would have lapsed long ago
            deadlines.pollOnce();
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(backlog, 2, Duration.ZERO)).as("the backlog swarm's invitation still waits")
                    .hasSize(1);
        }
        // Freed by the urgent swarm (both its invitations lapsed), still held by the backlog one.
        lead().get("/people/" + first).then().body("load", equalTo(0));
        lead().get("/people/" + second).then().body("load", equalTo(1));
    }

    private static String typed(String swarmId, String skill, String type, String priority) {
        return """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","skills":["%s"],"teamSize":1,"priority":"%s",
                 "type":"%s"}""".formatted(swarmId, UUID.randomUUID(), skill, priority, type);
    }

    /**
     * The clock stands still at 08:00 UTC today, so that timeouts are what a test makes them: the people here
     * work 00:00–23:59 UTC, and two working hours from 08:00 end at 10:00, whenever the suite runs.
     */
    private Instant standStill() {
        Instant morning = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        clock.set(morning);
        return morning;
    }

    private static String request(String swarmId, String ownerId, String skill, int teamSize, String priority) {
        return """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000042","ownerId":"%s","skills":["%s"],"teamSize":%d,
                 "priority":%s}""".formatted(swarmId, UUID.randomUUID(), ownerId, skill, teamSize, priority);
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
