package io.caseswarm.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.notifications.SlackStandIn;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.slack.RecordingSlack;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.RowUpdates;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With Slack on, somebody who put slack first gets a direct message from the bot (chat.postMessage to their
 * Slack user id) instead of a mail; without a Slack id, or when Slack refuses, their next channel.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlackNotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    RecordingSlack slack;
    MailServer mail;
    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    @AfterEach
    void slackAnswersAsUsual() {
        slack.answer(200, null);
    }

    @Test
    void somebodyWhoPutSlackFirstGetsADirectMessageAndNoMail() throws Exception {
        String ida = person("ida", "U0IDA" + suffix());
        prefer(ida, "{\"channels\": [\"slack\", \"email\"]}");

        invite(swarm(), ida);

        await().atMost(PATIENCE).until(() -> messagesTo(slackIdOf(ida)).size() == 1);
        RecordingSlack.Request request = messagesTo(slackIdOf(ida)).getFirst();
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.authorization()).isEqualTo("Bearer " + SlackStandIn.BOT_TOKEN);
        assertThat(json.readTree(request.body()).get("text").asText())
                .startsWith("*You are invited to a swarm on CS-000888*").contains("Why are exports empty?");
        await().atMost(PATIENCE).untilAsserted(() -> log(ida).body("channel", contains("slack"))
                .body("status", contains("sent")).body("[0].reason", equalTo("first channel slack")));
        assertThat(mail.mailsTo(ida + "@example.com")).isEmpty();
    }

    @Test
    void somebodyWithoutASlackUserGetsTheirNextChannel() {
        String jo = person("jo", null);
        prefer(jo, "{\"channels\": [\"slack\", \"email\"]}");

        invite(swarm(), jo);

        await().atMost(PATIENCE).until(() -> mail.mailsTo(jo + "@example.com").size() == 1);
        // The mail is in before the delivery it records commits: the log may take a moment longer.
        await().atMost(PATIENCE).untilAsserted(() -> log(jo).body("channel", contains("email"))
                .body("[0].reason", equalTo("slack skipped: the directory knows no Slack user for them; so email")));
    }

    @Test
    void whenSlackRefusesTheMessageTheNextChannelTakesIt() {
        String kai = person("kai", "U0KAI" + suffix());
        prefer(kai, "{\"channels\": [\"slack\", \"email\"]}");
        slack.answer(200, "{\"ok\":false,\"error\":\"user_not_found\"}");

        invite(swarm(), kai);

        await().atMost(PATIENCE).until(() -> mail.mailsTo(kai + "@example.com").size() == 1);
        assertThat(messagesTo(slackIdOf(kai))).hasSize(1);
        await().atMost(PATIENCE).untilAsserted(() -> log(kai).body("channel", contains("email")).body("[0].reason",
                equalTo("slack failed: Slack refused the message: user_not_found; so email")));
    }

    @Test
    void whenSlackIsTheOnlyChannelAndRefusesTheDeliveryFailsAndSaysWhy() {
        String lu = person("lu", "U0LU" + suffix());
        prefer(lu, "{\"channels\": [\"slack\"]}");
        slack.answer(200, "{\"ok\":false,\"error\":\"account_inactive\"}");

        invite(swarm(), lu);

        await().atMost(PATIENCE).untilAsserted(() -> log(lu).body("status", contains("failed"))
                .body("[0].channel", equalTo("slack"))
                .body("[0].reason", equalTo("no channel took it: slack failed: Slack refused the message: account_inactive")));
        assertThat(mail.mailsTo(lu + "@example.com")).isEmpty();
    }

    private List<RecordingSlack.Request> messagesTo(String slackUserId) {
        return slack.requests().stream().filter(r -> {
            try {
                JsonNode body = json.readTree(r.body());
                return slackUserId.equals(body.path("channel").asText());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private String slackIdOf(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> Contact.<Contact>findById(Contact.person(personId)).slackUserId);
    }

    private String swarm() {
        return UUID.randomUUID().toString();
    }

    private void invite(String swarmId, String personId) {
        events.send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"%s","email":"%s@example.com","caseNumber":"CS-000888",
                 "question":"Why are exports empty?"}""".formatted(swarmId, personId, personId, personId));
    }

    @Test
    void aNewPersonsContactIsWrittenOnceWithTheirSlackIdAndZone() throws Exception {
        String personId = "lan-" + suffix();
        try (Connection connection = database.connect();
                RowUpdates contacts = RowUpdates.watch(connection, "contact", "contact_id")) {
            events.send("expert-events", personId, "expert-registered", """
                    {"personId":"%s","name":"Nguyễn Thị Lan","email":"%s@example.com","slackUserId":"U0LAN",
                     "timeZone":"Asia/Ho_Chi_Minh"}""".formatted(personId, personId));
            await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> Contact.findById(Contact.person(personId)) != null));
            Contact lan = QuarkusTransaction.requiringNew().call(() -> Contact.findById(Contact.person(personId)));
            assertThat(lan.slackUserId).isEqualTo("U0LAN");
            assertThat(lan.timeZone).isEqualTo("Asia/Ho_Chi_Minh");
            assertThat(contacts.of(Contact.person(personId))).as("updates of the new contact").isZero();
        }
    }

    private String person(String name, String slackUserId) {
        String personId = name + "-" + suffix();
        events.send("expert-events", personId, "expert-registered", """
                {"personId":"%s","name":"%s","email":"%s@example.com","slackUserId":%s}""".formatted(personId,
                personId, personId, slackUserId == null ? "null" : "\"" + slackUserId + "\""));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Contact.findById(Contact.person(personId)) != null));
        return personId;
    }

    private void prefer(String personId, String body) {
        given().auth().oauth2(issuer.issue(personId, "expert")).contentType("application/json").body(body)
                .put("/people/" + personId + "/preferences").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse log(String personId) {
        return given().auth().oauth2(issuer.issue("lena.lead", "lead"))
                .get("/notifications?recipient=" + personId + "@example.com").then().statusCode(200);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
