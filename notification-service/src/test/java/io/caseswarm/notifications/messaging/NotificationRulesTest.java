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

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.MailServer.ReceivedMail;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The notifier follows each person's rules: quiet hours in their zone hold news until they end, urgent news
 * reaches those who opted in, low-urgency news waits for their daily digest, and a channel that cannot reach
 * them passes to the next. The delivery log says why each time. Time is the platform clock, moved by the
 * tests; held news goes out when a test fires the deadlines.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationRulesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String QUIET_IN_ROME = """
            {"channels": ["email"], "timeZone": "Europe/Rome", "quietHours": {"from": "22:00", "until": "07:00"},
             "urgentInQuietHours": %s}""";
    /** 23:30 in Rome. */
    private static final Instant LATE_EVENING = Instant.parse("2026-12-02T22:30:00Z");
    /** 07:00 in Rome, the next morning. */
    private static final Instant MORNING = Instant.parse("2026-12-03T06:00:00Z");

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller deadlines;

    MailServer mail;
    EventSender events;
    LocalIssuer issuer;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anInvitationInQuietHoursIsHeldUntilTheyEndAndTheLogSaysWhy() {
        String nina = person("nina");
        prefer(nina, QUIET_IN_ROME.formatted(false));
        clock.set(LATE_EVENING);
        String swarmId = swarm("normal", "owner-" + nina);

        invite(swarmId, nina);

        await().atMost(PATIENCE).untilAsserted(() -> log(nina).body("status", contains("held"))
                .body("[0].reason", equalTo("in quiet hours 22:00–07:00 Europe/Rome, held until 07:00")));
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(nina))).isEmpty();

        clock.set(MORNING.minusSeconds(1));
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(nina))).isEmpty();

        clock.set(MORNING);
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email(nina)).size() == 1);
        assertThat(mail.mailsTo(email(nina)).getFirst().subject()).isEqualTo("You are invited to a swarm on CS-000777");
        log(nina).body("status", contains("sent"))
                .body("[0].reason", equalTo("first channel email; in quiet hours 22:00–07:00 Europe/Rome, held until 07:00"));
        // Fired once: nothing more goes out.
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(nina))).hasSize(1);
    }

    @Test
    void anUrgentInvitationReachesInQuietHoursOnlyThoseWhoOptedIn() {
        String eager = person("omar");
        String sleepy = person("pia");
        prefer(eager, QUIET_IN_ROME.formatted(true));
        prefer(sleepy, QUIET_IN_ROME.formatted(false));
        clock.set(LATE_EVENING);
        String swarmId = swarm("urgent", "owner-" + eager);

        invite(swarmId, sleepy);
        invite(swarmId, eager);

        // Same swarm, same partition: once the second is mailed, the first was handled.
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email(eager)).size() == 1);
        log(eager).body("status", contains("sent")).body("[0].reason", equalTo("first channel email; urgent, in quiet"
                + " hours 22:00–07:00 Europe/Rome, which they opened to urgent news"));
        assertThat(mail.mailsTo(email(sleepy))).isEmpty();
        log(sleepy).body("status", contains("held")).body("[0].reason", equalTo("urgent, but in quiet hours 22:00–07:00"
                + " Europe/Rome, held until 07:00 (they did not open quiet hours to urgent news)"));
    }

    @Test
    void lowUrgencyNewsGoesOutAsOneDigestAtThePersonsDigestTime() {
        String owner = person("quinn");
        prefer(owner, "{\"channels\": [\"email\"], \"timeZone\": \"Europe/Rome\", \"digestAt\": \"08:00\"}");
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        String swarmId = swarm("normal", owner);
        String raj = person("raj");
        String mei = person("mei");

        joined(swarmId, raj);
        joined(swarmId, mei);

        await().atMost(PATIENCE).untilAsserted(() -> log(owner).body("status", contains("held", "held"))
                .body("reason", contains("low urgency: into the daily digest at 08:00 Europe/Rome",
                        "low urgency: into the daily digest at 08:00 Europe/Rome")));
        clock.set(Instant.parse("2026-12-03T06:59:59Z"));
        deadlines.pollOnce();
        assertThat(mail.mailsTo(email(owner))).isEmpty();

        clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        deadlines.pollOnce();
        await().atMost(PATIENCE).until(() -> !mail.mailsTo(email(owner)).isEmpty());
        List<ReceivedMail> mails = mail.mailsTo(email(owner));
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().subject()).isEqualTo("Your Caseswarm digest: 2 updates");
        assertThat(mails.getFirst().text()).contains(raj + " joined the swarm on CS-000777")
                .contains(mei + " joined the swarm on CS-000777");
        log(owner).body("status", contains("sent", "sent")).body("template",
                contains("swarm-member-joined", "swarm-member-joined"))
                .body("[0].reason", equalTo("first channel email; in the daily digest with 1 other notice"));
    }

    @Test
    void whenSlackCannotReachThemTheNextChannelDoesAndTheLogSaysWhy() {
        String sam = person("sam");
        prefer(sam, "{\"channels\": [\"slack\", \"email\"]}");
        register(sam, "U0SAM");
        String swarmId = swarm("normal", "owner-" + sam);

        invite(swarmId, sam);

        await().atMost(PATIENCE).until(() -> mail.mailsTo(email(sam)).size() == 1);
        log(sam).body("channel", contains("email"))
                .body("[0].reason", equalTo("slack skipped: Slack is not enabled here; so email"));
    }

    @Test
    void somebodyWhoChoseNoneMeanwhileHearsNothingWhenTheQuietHoursEnd() {
        String tom = person("tom");
        prefer(tom, QUIET_IN_ROME.formatted(false));
        clock.set(LATE_EVENING);
        invite(swarm("normal", "owner-" + tom), tom);
        await().atMost(PATIENCE).untilAsserted(() -> log(tom).body("status", contains("held")));

        prefer(tom, "{\"channels\": [\"none\"]}");
        clock.set(MORNING);
        deadlines.pollOnce();

        await().atMost(PATIENCE).untilAsserted(() -> log(tom).body("status", contains("suppressed")));
        assertThat(mail.mailsTo(email(tom))).isEmpty();
    }

    private String swarm(String priority, String ownerId) {
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000777","question":"Why does the sync stop?",
                 "ownerId":"%s","priority":"%s"}""".formatted(swarmId, UUID.randomUUID(), ownerId, priority));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SwarmInfo.findById(UUID.fromString(swarmId)) != null));
        return swarmId;
    }

    private void invite(String swarmId, String personId) {
        events.send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"%s","email":"%s"}"""
                .formatted(swarmId, personId, personId, email(personId)));
    }

    private void joined(String swarmId, String personId) {
        events.send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, UUID.randomUUID(),
                        personId));
    }

    /** The directory announces the person (the owner of a swarm is told through it). */
    private void register(String personId, String slackUserId) {
        events.send("expert-events", personId, "expert-registered", """
                {"personId":"%s","name":"%s","email":"%s","slackUserId":%s}""".formatted(personId, personId,
                email(personId), slackUserId == null ? "null" : "\"" + slackUserId + "\""));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Contact.findById(Contact.person(personId)) instanceof Contact contact
                        && java.util.Objects.equals(contact.slackUserId, slackUserId)));
    }

    /** A fresh person the directory knows. */
    private String person(String name) {
        String personId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        register(personId, null);
        return personId;
    }

    private void prefer(String personId, String body) {
        given().auth().oauth2(issuer.issue(personId, "expert")).contentType("application/json").body(body)
                .put("/people/" + personId + "/preferences").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse log(String personId) {
        return deliveryLog().get("/notifications?recipient=" + email(personId)).then().statusCode(200);
    }

    private RequestSpecification deliveryLog() {
        return given().auth().oauth2(issuer.issue("lena.lead", "lead"));
    }

    private static String email(String personId) {
        return personId + "@example.com";
    }
}
