package io.caseswarm.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.platform.actionlink.ActionLink;
import io.caseswarm.platform.actionlink.ActionLinks;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.MailServer.ReceivedMail;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Events from the other services become real emails, received by a real SMTP server. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ActionLinks links;

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
                .containsExactly("We have your case [CS-000321]: Invoices fail to sync", "Your case [CS-000321] is solved");
        assertThat(mails.get(1).text()).contains("Rotated the expired sync token");

        List<String> ids = deliveryLog().get("/notifications?recipient=" + email).then().statusCode(200)
                .body("template", contains("case-solved", "case-received"))
                .body("status", contains("sent", "sent"))
                .extract().path("id");
        // Each mail names its delivery: a mail sent again after a crash would be recognisably the same one.
        assertThat(mails.get(0).text()).contains("Message-ID: <" + ids.get(1) + "@localhost>");
        assertThat(mails.get(1).text()).contains("Message-ID: <" + ids.get(0) + "@localhost>");
        try (TopicReader reader = new TopicReader(bootstrapServers, "notification-events")) {
            List<ConsumerRecord<String, String>> sent = reader.readUntil(records -> records.stream()
                    .filter(r -> r.value().contains(email)).count() >= 2, PATIENCE)
                    .stream().filter(r -> r.value().contains(email)).toList();
            assertThat(sent).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsOnly("notification-sent").hasSize(2);
        }
    }

    @Test
    void anInvitedExpertGetsTheQuestionAndOneTimeLinksSwarmServiceHonoursForThemAndThisSwarm() throws Exception {
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
        assertThat(invitation.text()).contains("Why does the sync stop?")
                .contains("swarm " + swarmId + " on case CS-000322")
                .contains("POST /swarms/" + swarmId + "/members/" + person + "/join");
        // Each link points at swarm-service's action pages and carries a token it will verify: signed with
        // the shared secret, for this person, this swarm and this answer.
        Matcher link = Pattern.compile("(Join|Decline): +http://localhost:8082/actions/(\\S+)").matcher(invitation.text());
        Map<String, String> tokens = new HashMap<>();
        while (link.find()) {
            tokens.put(link.group(1), link.group(2));
        }
        assertThat(tokens).containsOnlyKeys("Join", "Decline");
        ActionLink join = links.verify(tokens.get("Join"));
        ActionLink decline = links.verify(tokens.get("Decline"));
        assertThat(List.of(join.personId(), join.action(), join.target()))
                .containsExactly(person, "join", swarmId);
        assertThat(List.of(decline.personId(), decline.action(), decline.target()))
                .containsExactly(person, "decline", swarmId);
        assertThat(join.id()).isNotEqualTo(decline.id());
    }

    /** Topics keep no order between them: an invitation read before its swarm's request still names the case. */
    @Test
    void anInvitationReadBeforeItsSwarmRequestStillNamesTheCaseAndTheQuestion() throws Exception {
        String swarmId = UUID.randomUUID().toString();
        String person = "mei-" + UUID.randomUUID().toString().substring(0, 8);
        send("expert-events", swarmId, "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"Mei Chen","email":"%s@example.com",
                 "caseNumber":"CS-000323","question":"Why are exports empty?"}""".formatted(swarmId, person, person));

        await().atMost(PATIENCE).until(() -> !mail.mailsTo(person + "@example.com").isEmpty());
        ReceivedMail invitation = mail.mailsTo(person + "@example.com").getFirst();
        assertThat(invitation.subject()).isEqualTo("You are invited to a swarm on CS-000323");
        assertThat(invitation.text()).contains("Why are exports empty?");
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

    @Test
    void aPublicReplyFromAnAgentMailsTheCustomerUnderTheCaseNumberWithTheTextAndTheAttachmentsListed() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("CS-000331", "Export stops at 10%", email);
        addMessage(caseId, "CS-000331", "agent", "public", "Please run the export once more.", """
                [{"attachmentId":"%s","name":"export-log.txt","size":512,"contentType":"text/plain","sha256":"%s"},
                 {"attachmentId":"%s","name":"screenshot.png","size":1572864,"contentType":"image/png","sha256":"%s"}]"""
                .formatted(UUID.randomUUID(), "ab".repeat(32), UUID.randomUUID(), "cd".repeat(32)));

        ReceivedMail reply = awaitMailContaining(email, "Please run the export once more.");
        assertThat(reply.subject()).isEqualTo("[CS-000331] Re: Export stops at 10%");
        assertThat(reply.text()).contains("Hello Ada,")
                .contains("  - export-log.txt (512 bytes)").contains("  - screenshot.png (1.5 MB)")
                .contains("Reply to this mail to add to your case.")
                // Listed, never attached: the mail is one plain text.
                .doesNotContain("multipart").doesNotContain("ab".repeat(32));
        deliveryLog().get("/notifications?recipient=" + email).then()
                .body("template", contains("case-message", "case-received"))
                .body("status", contains("sent", "sent"))
                .body("[0].subject", equalTo("[CS-000331] Re: Export stops at 10%"));
    }

    @Test
    void anInternalNoteNeverReachesTheCustomer() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("CS-000332", "Login loop", email);
        addMessage(caseId, "CS-000332", "agent", "internal", "Legacy plan, no refund beyond 30 days.", "[]");
        addMessage(caseId, "CS-000332", "agent", "public", "We are on it.", "[]");

        // Same case, same partition: once the public reply is mailed, the note before it has been handled.
        awaitMailContaining(email, "We are on it.");
        assertThat(mail.mailsTo(email)).extracting(ReceivedMail::subject)
                .containsExactly("We have your case [CS-000332]: Login loop", "[CS-000332] Re: Login loop");
        assertThat(mail.mailsTo(email)).noneMatch(m -> m.text().contains("Legacy plan"));
        deliveryLog().get("/notifications?recipient=" + email).then()
                .body("template", contains("case-message", "case-received"));
    }

    @Test
    void aCustomersOwnMessageIsNotMailedBackToThem() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("CS-000333", "Printer offline", email);
        addMessage(caseId, "CS-000333", "customer", "public", "It is offline again since Monday.", "[]");
        addMessage(caseId, "CS-000333", "lead", "public", "A technician comes on Tuesday.", "[]");

        // Same case, same partition: once the lead's reply is mailed, the customer's message has been handled.
        awaitMailContaining(email, "A technician comes on Tuesday.");
        assertThat(mail.mailsTo(email)).hasSize(2).noneMatch(m -> m.text().contains("offline again"));
        deliveryLog().get("/notifications?recipient=" + email).then()
                .body("template", contains("case-message", "case-received"));
    }

    @Test
    void aRedeliveredMessageIsMailedOnce() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("CS-000334", "Sync token expired", email);
        // No attachments at all: the field may be left out.
        EventSender.Sent reply = addMessage(caseId, "CS-000334", "agent", "public", "Rotated the token.", null);
        events.redeliver(reply);
        send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","number":"CS-000334","customer":{"id":"c-%s","name":"Ada","email":"%s"},
                 "resolution":{"summary":"Token rotated"}}""".formatted(caseId, caseId, email));

        // The solved mail comes after the redelivered reply on the case's partition.
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email).size() >= 3);
        assertThat(mail.mailsTo(email)).extracting(ReceivedMail::subject).containsExactly(
                "We have your case [CS-000334]: Sync token expired", "[CS-000334] Re: Sync token expired",
                "Your case [CS-000334] is solved");
        deliveryLog().get("/notifications?recipient=" + email).then()
                .body("template", contains("case-solved", "case-message", "case-received"));
    }

    @Test
    void vietnamesePersianGreekAndItalianSurviveInTheSubjectAndTheText() {
        String email = "ha-" + UUID.randomUUID() + "@example.com";
        String subject = "Fattura già pagata – Τιμολόγιο";
        String caseId = openCase("CS-000335", subject, email);
        addMessage(caseId, "CS-000335", "lead", "public", "Xin chào, hóa đơn của bạn đã được gửi lại. سلام", """
                [{"attachmentId":"%s","name":"hóa-đơn.pdf","size":2048,"contentType":"application/pdf","sha256":"%s"}]"""
                .formatted(UUID.randomUUID(), "ef".repeat(32)));

        ReceivedMail reply = awaitMailContaining(email, "Xin chào, hóa đơn của bạn đã được gửi lại. سلام");
        assertThat(reply.subject()).isEqualTo("[CS-000335] Re: " + subject);
        assertThat(reply.text()).contains("  - hóa-đơn.pdf (2.0 KB)");
        deliveryLog().get("/notifications?recipient=" + email).then()
                .body("[0].subject", equalTo("[CS-000335] Re: " + subject));
    }

    @Test
    void aMessageOnACaseNeverOpenedIsDeadLetteredWithTheReason() {
        String caseId = UUID.randomUUID().toString();
        addMessage(caseId, "CS-000336", "agent", "public", "Hello?", "[]");

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events-dlq")) {
            List<ConsumerRecord<String, String>> dead = reader.readForKey(caseId, 1, PATIENCE);
            assertThat(dead).hasSize(1);
            assertThat(TopicReader.header(dead.getFirst(), "dead-letter-reason"))
                    .contains("case-opened was never received");
        }
    }

    @Test
    void whenNobodyIsLeftToInviteTheOwnerAndTheLeadsHearOnce() {
        String owner = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        String swarmId = UUID.randomUUID().toString();
        for (String person : List.of(owner, "lena.berg", "li.wei")) {
            send("expert-events", person, "expert-registered", """
                    {"personId":"%s","name":"%s","email":"%s-%s@example.com"}""".formatted(person, person, person, swarmId));
        }
        EventSender.Sent unstaffed = events.send("expert-events", swarmId, "swarm-unstaffed", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000330","ownerId":"%s","skills":["billing","postgres"],
                 "openPlaces":2,"unstaffedAt":"2026-12-01T10:00:00Z"}""".formatted(swarmId, UUID.randomUUID(), owner));
        events.redeliver(unstaffed);
        String marker = "mei-" + UUID.randomUUID().toString().substring(0, 8);
        invite(swarmId, marker); // after the redelivery on the swarm's partition

        await().atMost(PATIENCE).until(() -> !mail.mailsTo(marker + "@example.com").isEmpty());
        for (String person : List.of(owner, "lena.berg", "li.wei")) {
            List<ReceivedMail> mails = mail.mailsTo(person + "-" + swarmId + "@example.com");
            assertThat(mails).as(person).hasSize(1);
            assertThat(mails.getFirst().subject()).isEqualTo("Nobody left to invite to the swarm on CS-000330");
            assertThat(mails.getFirst().text()).contains("still has 2 open places")
                    .contains("nobody left to ask for billing, postgres");
        }
    }

    @Test
    void anUrgentSwarmOfAPodReachesThePodsLeadsAtOnceAndOtherSwarmsReachNobody() {
        String pia = "pia-" + UUID.randomUUID().toString().substring(0, 8);
        String olaf = "olaf-" + UUID.randomUUID().toString().substring(0, 8);
        for (String person : List.of(pia, olaf)) {
            send("expert-events", person, "expert-registered", """
                    {"personId":"%s","name":"%s","email":"%s@example.com"}""".formatted(person, person, person));
        }
        await().atMost(PATIENCE).until(() -> contactKnown(olaf));
        String urgent = UUID.randomUUID().toString();
        String standard = UUID.randomUUID().toString();
        String noPod = UUID.randomUUID().toString();
        EventSender.Sent requested = events.send("swarm-events", urgent, "swarm-requested", swarmRequested(urgent,
                "CS-000340", "urgent", "\"ledger\"", "[\"%s\", \"%s\"]".formatted(pia, pia)));
        events.redeliver(requested);
        send("swarm-events", standard, "swarm-requested", swarmRequested(standard, "CS-000341", "standard",
                "\"ledger\"", "[\"%s\"]".formatted(olaf)));
        send("swarm-events", noPod, "swarm-requested", swarmRequested(noPod, "CS-000342", "urgent", "null", "null"));

        // A swarm is known in the transaction that mails about it, once the mail server took the mail.
        await().atMost(PATIENCE).until(() -> swarmKnown(standard) && swarmKnown(noPod)
                && !mail.mailsTo(pia + "@example.com").isEmpty());
        List<ReceivedMail> mails = mail.mailsTo(pia + "@example.com");
        assertThat(mails).as("once, though named twice and redelivered").hasSize(1);
        assertThat(mails.getFirst().subject()).isEqualTo("Urgent swarm on CS-000340");
        assertThat(mails.getFirst().text()).contains("in your pod ledger").contains("Why is the ledger off?")
                .contains("Skills wanted: billing");
        assertThat(mail.mailsTo(olaf + "@example.com")).as("a standard swarm tells its leads nothing").isEmpty();
    }

    private static String swarmRequested(String swarmId, String caseNumber, String type, String podId,
            String podLeadIds) {
        return """
                {"swarmId":"%s","caseId":"%s","caseNumber":"%s","ownerId":"ana.lima","question":"Why is the ledger off?",
                 "skills":["billing"],"teamSize":5,"requestedAt":"2026-12-01T10:00:00Z","type":"%s","podId":%s,
                 "podLeadIds":%s}""".formatted(swarmId, UUID.randomUUID(), caseNumber, type, podId, podLeadIds);
    }

    @Test
    void aNoticeAnAutomationAsksForReachesEachPersonNamedOnce() {
        String caseId = UUID.randomUUID().toString();
        String raj = "raj-" + UUID.randomUUID().toString().substring(0, 8);
        String mei = "mei-" + UUID.randomUUID().toString().substring(0, 8);
        String later = "kim-" + UUID.randomUUID().toString().substring(0, 8);
        for (String person : List.of(raj, mei, later)) {
            send("expert-events", person, "expert-registered", """
                    {"personId":"%s","name":"%s","email":"%s@example.com"}""".formatted(person, person, person));
        }
        await().atMost(PATIENCE).until(() -> contactKnown(later));
        EventSender.Sent notice = events.send("case-events", caseId, "case-notice-requested", """
                {"caseId":"%s","number":"CS-000331","personIds":["%s","%s","%s"],"subject":"SLA at risk",
                 "text":"Case CS-000331 breaches its SLA in 30 minutes.","by":"automation:sla-warning",
                 "requestedAt":"2026-12-01T10:00:00Z","ruleVersion":2}""".formatted(caseId, raj, mei, raj));
        events.redeliver(notice);
        send("case-events", caseId, "case-notice-requested", """
                {"caseId":"%s","number":"CS-000331","personIds":["%s"],"subject":"Marker","text":"Last one.",
                 "by":"automation:sla-warning","requestedAt":"2026-12-01T10:01:00Z"}""".formatted(caseId, later));

        await().atMost(PATIENCE).until(() -> !mail.mailsTo(later + "@example.com").isEmpty());
        for (String person : List.of(raj, mei)) {
            List<ReceivedMail> mails = mail.mailsTo(person + "@example.com");
            assertThat(mails).as(person).hasSize(1);
            assertThat(mails.getFirst().subject()).isEqualTo("SLA at risk [CS-000331]");
            assertThat(mails.getFirst().text()).contains("Case CS-000331 breaches its SLA in 30 minutes.");
        }
    }

    @Test
    void somebodyMentionedInASwarmsFeedIsMailedTheCaseNumberWhoWroteAndWhatOnce() {
        String swarmId = UUID.randomUUID().toString();
        String mei = "mei-" + UUID.randomUUID().toString().substring(0, 8);
        String unmentioned = "raj-" + UUID.randomUUID().toString().substring(0, 8);
        for (String person : List.of(mei, unmentioned)) {
            send("expert-events", person, "expert-registered", """
                    {"personId":"%s","name":"%s","email":"%s@example.com"}""".formatted(person, person, person));
        }
        send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000332","ownerId":"ana.lima","question":"Why?",
                 "skills":["billing"],"teamSize":2,"requestedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(swarmId, UUID.randomUUID()));
        await().atMost(PATIENCE).until(() -> contactKnown(mei) && swarmKnown(swarmId));
        EventSender.Sent post = events.send("swarm-events", swarmId, "swarm-post-added", """
                {"swarmId":"%s","caseId":"%s","postId":"%s","authorId":"ana.lima",
                 "text":"@%s could you check the sync log? @%s not you","postedAt":"2026-12-01T10:05:00Z",
                 "mentions":["%s"]}""".formatted(swarmId, UUID.randomUUID(), UUID.randomUUID(), mei, unmentioned, mei));
        events.redeliver(post);
        // A post from before mentions were recorded tells nobody; the marker after it shows it was handled.
        send("swarm-events", swarmId, "swarm-post-added", """
                {"swarmId":"%s","caseId":"%s","postId":"%s","authorId":"ana.lima","text":"@%s old",
                 "postedAt":"2026-12-01T10:06:00Z"}""".formatted(swarmId, UUID.randomUUID(), UUID.randomUUID(),
                unmentioned));
        String marker = "kim-" + UUID.randomUUID().toString().substring(0, 8);
        invite(swarmId, marker);

        await().atMost(PATIENCE).until(() -> !mail.mailsTo(marker + "@example.com").isEmpty());
        List<ReceivedMail> mails = mail.mailsTo(mei + "@example.com");
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().subject()).isEqualTo("You were mentioned in the swarm on CS-000332");
        assertThat(mails.getFirst().text()).contains("ana.lima mentioned you in the swarm on case CS-000332")
                .contains("could you check the sync log?").contains("GET /swarms/" + swarmId + "/posts");
        assertThat(mail.mailsTo(unmentioned + "@example.com")).isEmpty();
    }

    private boolean contactKnown(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> Contact.findById(Contact.person(personId)) != null);
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

    /** Opens a case for a customer called Ada at {@code email}; returns the case id. */
    private String openCase(String number, String subject, String email) {
        String caseId = UUID.randomUUID().toString();
        send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"%s","subject":"%s",
                 "customer":{"id":"c-%s","name":"Ada","email":"%s"}}""".formatted(caseId, number, subject, caseId,
                email));
        return caseId;
    }

    /** A message on the case as case-service publishes it; {@code attachments} null leaves the field out. */
    private EventSender.Sent addMessage(String caseId, String number, String authorRole, String visibility,
            String body, String attachments) {
        return events.send("case-events", caseId, "case-message-added", """
                {"caseId":"%s","number":"%s","messageId":"%s","authorId":"ana.lima","authorRole":"%s",
                 "visibility":"%s","body":"%s",%s"addedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, number, UUID.randomUUID(), authorRole, visibility, body,
                        attachments == null ? "" : "\"attachments\":" + attachments + ","));
    }

    private ReceivedMail awaitMailContaining(String email, String text) {
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email).stream().anyMatch(m -> m.text().contains(text)));
        return mail.mailsTo(email).stream().filter(m -> m.text().contains(text)).findFirst().orElseThrow();
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
