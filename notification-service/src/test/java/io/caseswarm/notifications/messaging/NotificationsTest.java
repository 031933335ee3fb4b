package io.caseswarm.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.MailServer.ReceivedMail;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Events from the other services become real emails, received by a real SMTP server. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(RealMailServer.class)
class NotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    MailServer mail;

    EventSender events;

    LocalIssuer issuer;

    @Test
    void theCustomerHearsOnceWhenTheCaseArrivesAndAgainWhenItIsSolved() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        EventSender.Sent opened = events.send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000321","subject":"Invoices fail to sync",
                 "customer":{"id":"c-1","name":"Ada","email":"%s"}}""".formatted(caseId, email));
        events.redeliver(opened); // redelivered: still one mail
        send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","number":"CS-000321","customer":{"id":"c-1","name":"Ada","email":"%s"},
                 "resolution":{"summary":"Rotated the expired sync token"}}""".formatted(caseId, email));

        await().atMost(PATIENCE).until(() -> mail.mailsTo(email).size() >= 2);
        List<ReceivedMail> mails = mail.mailsTo(email);
        assertThat(mails).extracting(ReceivedMail::subject)
                .containsExactly("We have your case CS-000321: Invoices fail to sync", "Your case CS-000321 is solved");
        assertThat(mails.get(1).text()).contains("Rotated the expired sync token");

        deliveryLog().get("/notifications?recipient=" + email).then().statusCode(200)
                .body("template", contains("case-solved", "case-received"))
                .body("status", contains("sent", "sent"));
        try (TopicReader reader = new TopicReader(bootstrapServers, "notification-events")) {
            List<ConsumerRecord<String, String>> sent = reader.readUntil(records -> records.stream()
                    .filter(r -> r.value().contains(email)).count() >= 2, PATIENCE)
                    .stream().filter(r -> r.value().contains(email)).toList();
            assertThat(sent).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsOnly("notification-sent").hasSize(2);
        }
    }

    @Test
    void anInvitedExpertGetsTheQuestionAndIsToldHowToAnswerWithoutLinksThatCannotWork() throws Exception {
        String swarmId = UUID.randomUUID().toString();
        String person = "raj-" + UUID.randomUUID().toString().substring(0, 8);
        send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000322","question":"Why does the sync stop?"}"""
                .formatted(swarmId, UUID.randomUUID()));
        send("expert-events", person, "expert-registered", """
                {"personId":"%s","name":"Raj Patel","email":"%s@example.com"}""".formatted(person, person));
        // Invitations are keyed by the swarm; give the swarm-requested time to be seen first.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(swarmKnown(swarmId)).isTrue());
        send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"Raj Patel","email":"%s@example.com"}"""
                .formatted(swarmId, person, person));

        await().atMost(PATIENCE).until(() -> !mail.mailsTo(person + "@example.com").isEmpty());
        ReceivedMail invitation = mail.mailsTo(person + "@example.com").getFirst();
        assertThat(invitation.subject()).isEqualTo("You are invited to a swarm on CS-000322");
        // Answering needs the expert's token: a link in a mail would only meet a 401 or a 405. The mail
        // names the swarm and the case and says how to answer, and links nowhere.
        assertThat(invitation.text()).contains("Why does the sync stop?")
                .contains("swarm " + swarmId + " on case CS-000322")
                .contains("sign in to Caseswarm")
                .contains("POST /swarms/" + swarmId + "/members/" + person + "/join")
                .contains("POST /swarms/" + swarmId + "/members/" + person + "/decline")
                .doesNotContain("://").doesNotContain("www.");
    }

    @Test
    void aDeliveryThatFailsIsRecordedAndTheNextEventIsStillHandled() throws Exception {
        String failing = "down-" + UUID.randomUUID() + "@example.com";
        String later = "up-" + UUID.randomUUID() + "@example.com";
        mail.stopProcess();
        try {
            send("case-events", UUID.randomUUID().toString(), "case-opened", opened(failing));
            await().atMost(PATIENCE).untilAsserted(() -> deliveryLog().get("/notifications?recipient=" + failing)
                    .then().body("status", contains("failed")));
        } finally {
            mail.startProcess();
        }
        send("case-events", UUID.randomUUID().toString(), "case-opened", opened(later));
        await().atMost(PATIENCE).until(() -> mail.mailsTo(later).size() == 1);
        deliveryLog().get("/notifications?recipient=" + failing).then()
                .body("[0].reason", notNullValue())
                .body("[0].template", equalTo("case-received"));
    }

    @Test
    void anExpertWhoChoseNoneIsNotEmailedAboutAnInvitationButTheLogSaysWhy() throws Exception {
        String swarmId = UUID.randomUUID().toString();
        String quiet = "mia-" + UUID.randomUUID().toString().substring(0, 8);
        String eager = "leo-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(issuer.issue(quiet, "expert")).contentType("application/json")
                .body("{\"channel\":\"none\"}").put("/people/" + quiet + "/preferences").then().statusCode(200);
        send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000324","question":"Who broke the export?"}"""
                .formatted(swarmId, UUID.randomUUID()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(swarmKnown(swarmId)).isTrue());
        invite(swarmId, quiet);
        invite(swarmId, eager);

        // Same swarm, same partition: once the second invitation is mailed, the first has been handled.
        await().atMost(PATIENCE).until(() -> !mail.mailsTo(eager + "@example.com").isEmpty());
        assertThat(mail.mailsTo(quiet + "@example.com")).isEmpty();
        deliveryLog().get("/notifications?recipient=" + quiet + "@example.com").then().statusCode(200)
                .body("status", contains("suppressed"))
                .body("[0].template", equalTo("swarm-invitation"))
                .body("[0].reason", containsString("chose not to be notified"));
        deliveryLog().get("/notifications?recipient=" + eager + "@example.com").then()
                .body("status", contains("sent"));
    }

    @Test
    void aCustomerWhoChoseNoneIsNotEmailedWhenTheirCaseArrives() throws Exception {
        String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customerId + "@example.com";
        given().auth().oauth2(issuer.issue(customerId, "customer")).contentType("application/json")
                .body("{\"channel\":\"none\"}").put("/people/" + customerId + "/preferences").then().statusCode(200);
        String caseId = UUID.randomUUID().toString();
        send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000325","subject":"Printer on fire",
                 "customer":{"id":"%s","name":"Cy","email":"%s"}}""".formatted(caseId, customerId, email));

        // The log entry is written in the transaction that would have sent the mail: once it shows, no mail left.
        await().atMost(PATIENCE).untilAsserted(() -> deliveryLog().get("/notifications?recipient=" + email)
                .then().body("status", contains("suppressed")));
        assertThat(mail.mailsTo(email)).isEmpty();
        try (TopicReader reader = new TopicReader(bootstrapServers, "notification-events")) {
            List<ConsumerRecord<String, String>> published = reader.readUntil(records -> records.stream()
                    .anyMatch(r -> r.value().contains(email)), PATIENCE)
                    .stream().filter(r -> r.value().contains(email)).toList();
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("notification-suppressed");
        }
    }

    /** The delivery log is for leads, operators and other systems. */
    private RequestSpecification deliveryLog() {
        return given().auth().oauth2(issuer.issue("lena.lead", "lead"));
    }

    private void invite(String swarmId, String person) {
        send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"%s","email":"%s@example.com"}"""
                .formatted(swarmId, person, person, person));
    }

    private boolean swarmKnown(String swarmId) {
        return QuarkusTransaction.requiringNew().call(() -> SwarmInfo.findById(UUID.fromString(swarmId)) != null);
    }

    private static String opened(String email) {
        String caseId = UUID.randomUUID().toString();
        return """
                {"caseId":"%s","number":"CS-000323","subject":"Login loop",
                 "customer":{"id":"c-%s","name":"Bo","email":"%s"}}""".formatted(caseId, caseId, email);
    }

    private void send(String topic, String key, String type, String data) {
        events.send(topic, key, type, data);
    }

}
