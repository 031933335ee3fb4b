package io.caseswarm.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.notifications.SlackStandIn;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.notifications.service.LeadBacklogDigest;
import io.caseswarm.notifications.slack.RecordingSlack;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.MailServer.ReceivedMail;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Backlog swarms have no timeout, so they are digested: an invitation to one waits for the invitee's daily
 * digest when they have one, and each lead gets one message a day listing the open backlog swarms they lead,
 * at their own digest time or the configured one (09:00 in their zone). Time is the platform clock, moved by
 * the tests; digests go out when a test fires the deadlines. Same resources as {@link SlackNotificationsTest}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BacklogDigestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller deadlines;

    @Inject
    LeadBacklogDigest leadDigest;

    MailServer mail;
    RecordingSlack slack;
    EventSender events;
    LocalIssuer issuer;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aBacklogInvitationWaitsForTheDigestOfWhoeverHasOneAndReachesTheOthersAtOnce() {
        String ada = person("ada", "Europe/Rome", null);
        prefer(ada, "{\"channels\": [\"email\"], \"digestAt\": \"08:00\"}");
        String ben = person("ben", null, null);
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        String caseNumber = caseNumber();
        String swarmId = swarm("backlog", caseNumber, null, List.of());

        invite(swarmId, ben, caseNumber);
        invite(swarmId, ada, caseNumber);

        // Same swarm, same partition: once Ada's is held, Ben's was handled.
        await().atMost(PATIENCE).untilAsserted(() -> log(ada).body("status", contains("held"))
                .body("[0].reason", equalTo("low urgency: into the daily digest at 08:00 Europe/Rome")));
        await().atMost(PATIENCE).until(() -> !mail.mailsTo(email(ben)).isEmpty());
        assertThat(mail.mailsTo(email(ben))).singleElement().extracting(ReceivedMail::subject)
                .isEqualTo("You are invited to a swarm on " + caseNumber);
        assertThat(mail.mailsTo(email(ada))).isEmpty();

        clock.set(Instant.parse("2026-12-03T06:59:59Z"));
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(ada))).isEmpty();

        clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> !mail.mailsTo(email(ada)).isEmpty());
        ReceivedMail digest = mail.mailsTo(email(ada)).getFirst();
        assertThat(digest.subject()).isEqualTo("Your Caseswarm digest: 1 update");
        assertThat(digest.text()).contains("You are invited to a swarm on " + caseNumber)
                .contains("Why do backlog reports lag?").contains("/actions/");
        log(ada).body("status", contains("sent")).body("template", contains("swarm-invitation"));
    }

    @Test
    void aLeadGetsOneMessageADayListingExactlyTheOpenBacklogSwarmsTheyLead() throws Exception {
        String lead = person("lena", "Europe/Rome", null);
        String other = person("otto", null, null);
        String joiner = person("jana", null, null);
        String decliner = person("dirk", null, null);
        String waiting = person("wim", null, null);
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        String staffed = caseNumber();
        String staffedSwarm = swarm("backlog", staffed, "pod-data", List.of(lead));
        String dry = caseNumber();
        String drySwarm = swarm("backlog", dry, "pod-data", List.of(other, lead));
        String standard = caseNumber();
        swarm("standard", standard, "pod-data", List.of(lead));
        String closed = caseNumber();
        String closedSwarm = swarm("backlog", closed, "pod-data", List.of(lead));
        String notTheirs = caseNumber();
        swarm("backlog", notTheirs, "pod-web", List.of(other));

        member(staffedSwarm, "swarm-member-invited", joiner);
        member(staffedSwarm, "swarm-member-joined", joiner);
        member(staffedSwarm, "swarm-member-invited", decliner);
        member(staffedSwarm, "swarm-member-declined", decliner);
        member(staffedSwarm, "swarm-member-invited", waiting);
        swarmEvent(drySwarm, "swarm-staffing-stalled", "\"skills\":[\"sql\"],\"openPlaces\":2");
        swarmEvent(closedSwarm, "swarm-closed", "\"reason\":\"case-resolved\",\"memberIds\":[]");
        await().atMost(PATIENCE).until(() -> stands(staffedSwarm, 3) && isUnstaffed(drySwarm) && hasEnded(closedSwarm));

        // 09:00 in Rome is 08:00 UTC: the configured time, in the lead's zone from the directory.
        clock.set(Instant.parse("2026-12-03T07:59:59Z"));
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(lead))).isEmpty();

        clock.set(Instant.parse("2026-12-03T08:00:00Z"));
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> !mail.mailsTo(email(lead)).isEmpty());
        ReceivedMail digest = mail.mailsTo(email(lead)).getFirst();
        assertThat(digest.subject()).isEqualTo("Your backlog swarms on 2026-12-03: 2 open");
        assertThat(digest.text()).contains(staffed + " (swarm " + staffedSwarm + "), open for 22 hours")
                .contains("Question: Why do backlog reports lag?")
                .contains("Joined: " + joiner + "-name").contains("Declined: " + decliner + "-name")
                .contains("Invited, no answer yet: " + waiting + "-name").contains("Staffing: 1 joined")
                .contains(dry + " (swarm " + drySwarm + ")").contains("Staffing: UNSTAFFED, nobody left to invite")
                .contains("Last activity: ")
                .doesNotContain(standard).doesNotContain(closed).doesNotContain(notTheirs);
        log(lead).body("template", contains("backlog-digest")).body("status", contains("sent"))
                .body("[0].reason", equalTo("first channel email"));

        // The same day's deadline fired again (a redelivery after a crash, say): still one message.
        deadlines.pollOnce();
        leadDigest.fire(new Deadline(0, LeadBacklogDigest.KIND, lead, "2026-12-03",
                Instant.parse("2026-12-03T08:00:00Z"), NullNode.getInstance(), 0));
        assertThat(mail.mailsTo(email(lead))).hasSize(1);

        // The next day brings the next one, without the swarm cancelled meanwhile.
        swarmEvent(drySwarm, "swarm-cancelled", "\"reason\":\"not needed\",\"memberIds\":[]");
        await().atMost(PATIENCE).until(() -> hasEnded(drySwarm));
        clock.set(Instant.parse("2026-12-04T08:00:00Z"));
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email(lead)).size() == 2);
        ReceivedMail nextDay = mail.mailsTo(email(lead)).get(1);
        assertThat(nextDay.subject()).isEqualTo("Your backlog swarms on 2026-12-04: 1 open");
        assertThat(nextDay.text()).contains(staffed).doesNotContain(dry);
    }

    @Test
    void aLeadWhoseBacklogSwarmsAreAllOverHearsNothing() {
        String lead = person("lars", null, null);
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        String swarmId = swarm("backlog", caseNumber(), "pod-ops", List.of(lead));
        swarmEvent(swarmId, "swarm-cancelled", "\"reason\":\"asked elsewhere\",\"memberIds\":[]");
        await().atMost(PATIENCE).until(() -> hasEnded(swarmId));
        assertThat(digestsPlannedFor(lead)).isEqualTo(1);

        clock.set(Instant.parse("2026-12-03T09:00:00Z"));
        deadlines.pollOnce();

        // It was due and fired, and found nothing to tell (nor planned another day).
        assertThat(digestsPlannedFor(lead)).isZero();
        log(lead).body("size()", equalTo(0));
        assertThat(mail.mailsTo(email(lead))).isEmpty();
    }

    @Test
    void aLeadWhoPrefersSlackGetsTheDigestOnSlackAtTheirOwnDigestTime() throws Exception {
        String slackUser = "U0SIV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String lead = person("siv", null, slackUser);
        prefer(lead, "{\"channels\": [\"slack\", \"email\"], \"digestAt\": \"07:30\"}");
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        String caseNumber = caseNumber();
        // Blank lead ids (hostile or broken data) name nobody: the real lead still gets their digest.
        swarm("backlog", caseNumber, "pod-slack", List.of("", " ", lead));

        clock.set(Instant.parse("2026-12-03T07:29:59Z"));
        deadlines.pollOnce();
        assertThat(messagesTo(slackUser)).isEmpty();

        clock.set(Instant.parse("2026-12-03T07:30:00Z"));
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> messagesTo(slackUser).size() == 1);
        assertThat(json.readTree(messagesTo(slackUser).getFirst().body()).get("text").asText())
                .startsWith("*Your backlog swarms on 2026-12-03: 1 open*").contains(caseNumber);
        log(lead).body("channel", contains("slack")).body("status", contains("sent"));
        assertThat(mail.mailsTo(email(lead))).isEmpty();
    }

    @Test
    void aBacklogSwarmOfNoPodIsInTheDigestOfTheConfiguredLeads() {
        person("lena.berg", null, null);
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String caseNumber = caseNumber();
        swarm("backlog", caseNumber, null, null);

        clock.set(Instant.parse("2027-01-11T09:00:00Z"));
        deadlines.pollOnce();

        await().atMost(PATIENCE).until(() -> mail.mailsTo(email("lena.berg")).stream()
                .anyMatch(m -> m.subject().startsWith("Your backlog swarms on ") && m.text().contains(caseNumber)));
    }

    private String swarm(String type, String caseNumber, String podId, List<String> podLeadIds) {
        String swarmId = UUID.randomUUID().toString();
        String leads = podLeadIds == null ? "null"
                : "[" + String.join(",", podLeadIds.stream().map(id -> "\"" + id + "\"").toList()) + "]";
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"%s","question":"Why do backlog reports lag?",
                 "ownerId":"owner-%s","priority":"normal","type":"%s","podId":%s,"podLeadIds":%s,
                 "skills":["sql"],"requestedAt":"%s"}""".formatted(swarmId, UUID.randomUUID(), caseNumber, swarmId,
                type, podId == null ? "null" : "\"" + podId + "\"", leads, clock.now()));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SwarmInfo.findById(UUID.fromString(swarmId)) != null));
        return swarmId;
    }

    private void member(String swarmId, String type, String personId) {
        swarmEvent(swarmId, type, "\"personId\":\"" + personId + "\"");
    }

    private void swarmEvent(String swarmId, String type, String fields) {
        events.send("swarm-events", swarmId, type,
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",%s}".formatted(swarmId, UUID.randomUUID(), fields));
    }

    private void invite(String swarmId, String personId, String caseNumber) {
        events.send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"%s","email":"%s","caseNumber":"%s",
                 "question":"Why do backlog reports lag?"}""".formatted(swarmId, personId, personId, email(personId),
                caseNumber));
    }

    private static boolean stands(String swarmId, int people) {
        return QuarkusTransaction.requiringNew().call(() -> SwarmInfo.<SwarmInfo>findById(UUID.fromString(swarmId))
                .members.size() == people && !SwarmInfo.<SwarmInfo>findById(UUID.fromString(swarmId))
                .membersWhoAre(SwarmInfo.DECLINED).isEmpty());
    }

    private static long digestsPlannedFor(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) SwarmInfo.getEntityManager()
                .createNativeQuery("select count(*) from deadlines where kind = ?1 and aggregate_id = ?2")
                .setParameter(1, LeadBacklogDigest.KIND).setParameter(2, leadId).getSingleResult()).longValue());
    }

    private static boolean isUnstaffed(String swarmId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SwarmInfo.<SwarmInfo>findById(UUID.fromString(swarmId)).unstaffed);
    }

    private static boolean hasEnded(String swarmId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SwarmInfo.<SwarmInfo>findById(UUID.fromString(swarmId)).endedAt != null);
    }

    /** The directory announces the person, named "<id>-name". */
    private String person(String name, String timeZone, String slackUserId) {
        String personId = name.contains(".") ? name : name + "-" + UUID.randomUUID().toString().substring(0, 8);
        events.send("expert-events", personId, "expert-registered", """
                {"personId":"%s","name":"%s-name","email":"%s","timeZone":%s,"slackUserId":%s}""".formatted(personId,
                personId, email(personId), quotedOrNull(timeZone), quotedOrNull(slackUserId)));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Contact.findById(Contact.person(personId)) != null));
        return personId;
    }

    private static String quotedOrNull(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private void prefer(String personId, String body) {
        given().auth().oauth2(issuer.issue(personId, "expert")).contentType("application/json").body(body)
                .put("/people/" + personId + "/preferences").then().statusCode(200);
    }

    private List<RecordingSlack.Request> messagesTo(String slackUserId) {
        return slack.requests().stream().filter(request -> {
            try {
                JsonNode body = json.readTree(request.body());
                return slackUserId.equals(body.path("channel").asText());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private io.restassured.response.ValidatableResponse log(String personId) {
        return given().auth().oauth2(issuer.issue("lena.lead", "lead"))
                .get("/notifications?recipient=" + email(personId)).then().statusCode(200);
    }

    private static String caseNumber() {
        return "CS-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    private static String email(String personId) {
        return personId + "@example.com";
    }
}
