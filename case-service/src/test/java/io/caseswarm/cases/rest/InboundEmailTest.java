package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Mail pushed to {@code POST /inbound/email} by a gateway: what each kind of mail does to the desk. The
 * same intake reads IMAP mailboxes ({@code ImapIntakeTest} proves that path).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboundEmailTest extends DeskTest {

    EventSender events;

    @Test
    void aMailToTheSupportAddressOpensAnEmailCaseForItsSenderWithTheMailboxDefaultsAndKeepsTheOriginal() throws Exception {
        String sender = TestMail.newSender();
        TestMail mail = TestMail.from("=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Nguyễn Văn Minh".getBytes(UTF_8)) + "?= <" + sender + ">").subject("Đồng bộ hóa đơn thất bại")
                .body("Chào bạn,\nđồng bộ hóa đơn thất bại từ sáng nay.\n");
        byte[] raw = mail.bytes();

        JsonPath result = push(raw).then().statusCode(201).body("outcome", equalTo("opened"))
                .body("caseNumber", notNullValue()).extract().jsonPath();
        String caseId = result.getString("caseId");

        desk.owner().get("/cases/" + caseId).then().statusCode(200)
                .body("channel", equalTo("email")).body("priority", equalTo("high"))
                .body("subject", equalTo("Đồng bộ hóa đơn thất bại"))
                .body("description", equalTo("Chào bạn,\nđồng bộ hóa đơn thất bại từ sáng nay."))
                .body("customer.email", equalTo(sender)).body("customer.name", equalTo("Nguyễn Văn Minh"))
                .body("status", equalTo("new"));
        String original = desk.owner().get("/cases/" + caseId + "/messages").then().statusCode(200)
                .body("items[0].authorRole", equalTo("customer"))
                .body("items[0].attachments.name", contains("original.eml"))
                .extract().path("items[0].attachments[0].attachmentId");
        byte[] kept = desk.owner().get("/cases/" + caseId + "/attachments/" + original).then().statusCode(200)
                .contentType(containsString("message/rfc822")).extract().asByteArray();
        assertThat(kept).isEqualTo(raw);

        JsonNode opened = caseOpened(caseId);
        assertThat(opened.path("channel").asText()).isEqualTo("email");
        assertThat(opened.path("email").path("messageId").asText()).isEqualTo(mail.messageId());
        assertThat(opened.path("email").path("mailbox").asText()).isEqualTo("support@caseswarm.local");
    }

    @Test
    void aReplyNamingTheCaseMailLandsOnTheCaseAsTheCustomersMessageAndPutsAPendingCaseBackToWork() {
        String sender = TestMail.newSender();
        TestMail first = TestMail.from(sender);
        String caseId = opened(first);
        takeAndPend(caseId);

        TestMail reply = TestMail.from(sender).subject("Re: Invoice sync fails").inReplyTo(first.messageId())
                .body("Here are the logs you asked for.\n\nOn Tue, 1 Dec 2026, Support wrote:\n> Could you send the logs?\n");
        push(reply.bytes()).then().statusCode(200).body("outcome", equalTo("added")).body("caseId", equalTo(caseId));

        desk.owner().get("/cases/" + caseId).then().body("status", equalTo("open"));
        desk.owner().get("/cases/" + caseId + "/messages").then()
                .body("items.body", hasItem(startsWithLine("Here are the logs you asked for.")))
                .body("items.body", not(hasItem(containsString("Could you send the logs?"))))
                .body("items.authorRole", not(hasItem("agent")));
        assertThat(messageAdded(caseId).path("email").path("messageId").asText()).isEqualTo(reply.messageId());
    }

    @Test
    void anAnswerToAMailTheDeskSentLandsOnItsCaseOnceTheSendingIsKnown() {
        String sender = TestMail.newSender();
        String caseId = opened(TestMail.from(sender));
        String acknowledgement = UUID.randomUUID() + "@caseswarm.local";
        events.send("notification-events", UUID.randomUUID().toString(), "notification-sent", """
                {"notificationId": "%s", "recipient": "%s", "channel": "email", "template": "case-received",
                 "subject": "We received your case", "triggeredBy": {"eventId": "%s", "type": "case-opened"},
                 "sentAt": "2026-12-01T10:00:00Z", "caseId": "%s", "messageId": "%s"}
                """.formatted(UUID.randomUUID(), sender, UUID.randomUUID(), caseId, acknowledgement));

        // Until case-service has read the notification, such an answer is a new mail like any other; each
        // try is another person's mail, so that no try is a duplicate of the one before.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> push(TestMail.from(TestMail.newSender())
                .subject("Re: We received your case").inReplyTo(acknowledgement)
                .body("Thanks, one more detail: it only fails for invoices in EUR.").bytes())
                .then().body("outcome", equalTo("added")).body("caseId", equalTo(caseId)));
        desk.owner().get("/cases/" + caseId + "/messages").then()
                .body("items.body", hasItem("Thanks, one more detail: it only fails for invoices in EUR."));
    }

    @Test
    void theCaseTokenInTheSubjectFindsTheCaseForItsCustomerButAStrangerWithTheTokenOpensANewCase() {
        String sender = TestMail.newSender();
        JsonPath first = push(TestMail.from(sender).bytes()).then().statusCode(201).extract().jsonPath();
        String token = "[" + first.getString("caseNumber") + "]";

        push(TestMail.from(sender).subject("Re: " + token + " Invoice sync fails").body("Still failing.").bytes())
                .then().statusCode(200).body("outcome", equalTo("added")).body("caseId", equalTo(first.getString("caseId")));
        push(TestMail.from(TestMail.newSender()).subject("Re: " + token + " Invoice sync fails")
                .body("I am not this case's customer.").bytes())
                .then().statusCode(201).body("outcome", equalTo("opened"))
                .body("caseId", not(equalTo(first.getString("caseId"))));
        desk.owner().get("/cases/" + first.getString("caseId") + "/messages").then()
                .body("items.body", not(hasItem(containsString("not this case's customer"))));
    }

    @Test
    void aResolvedCaseIsReopenedByAnAnswerAndAClosedCaseGetsAFollowUpThatNamesIt() {
        String sender = TestMail.newSender();
        TestMail first = TestMail.from(sender);
        String caseId = opened(first);
        desk.lead().contentType(ContentType.JSON).body("{\"ownerId\": \"ana.lima\"}").post("/cases/" + caseId + "/assign")
                .then().statusCode(200);
        desk.owner().contentType(ContentType.JSON).body("{\"summary\": \"Re-ran the sync\"}")
                .post("/cases/" + caseId + "/resolve").then().statusCode(200);

        push(TestMail.from(sender).inReplyTo(first.messageId()).body("It broke again.").bytes())
                .then().statusCode(200).body("outcome", equalTo("added"));
        desk.owner().get("/cases/" + caseId).then().body("status", equalTo("open"));

        desk.lead().contentType(ContentType.JSON).body("{\"status\": \"closed\", \"reason\": \"done\"}")
                .post("/cases/" + caseId + "/status").then().statusCode(200);
        JsonPath followUp = push(TestMail.from(sender).inReplyTo(first.messageId()).body("And once more.").bytes())
                .then().statusCode(201).body("outcome", equalTo("follow-up")).extract().jsonPath();
        String number = desk.owner().get("/cases/" + caseId).then().extract().path("number");
        desk.owner().get("/cases/" + followUp.getString("caseId")).then()
                .body("description", startsWithLine("Follow-up to " + number + " (closed when this mail came):"))
                .body("description", containsString("And once more."));
    }

    @Test
    void theSameMailTwiceHasOneEffectWithOrWithoutAMessageId() {
        TestMail mail = TestMail.from(TestMail.newSender());
        String caseId = push(mail.bytes()).then().statusCode(201).extract().path("caseId");
        push(mail.bytes()).then().statusCode(200).body("outcome", equalTo("duplicate")).body("caseId", equalTo(caseId));

        byte[] anonymous = TestMail.from(TestMail.newSender()).messageId(null).bytes();
        String anonymousCase = push(anonymous).then().statusCode(201).extract().path("caseId");
        push(anonymous).then().statusCode(200).body("outcome", equalTo("duplicate"))
                .body("caseId", equalTo(anonymousCase));
    }

    @Test
    void anAutoReplyIsNotedOnTheCaseItAnswersAndNeitherOpensNorReopensAnything() {
        String sender = TestMail.newSender();
        TestMail first = TestMail.from(sender);
        String caseId = opened(first);
        takeAndPend(caseId);

        push(TestMail.from(sender).subject("Automatic reply: Invoice sync fails").inReplyTo(first.messageId())
                .header("Auto-Submitted", "auto-replied").body("I am out of the office until Monday.").bytes())
                .then().statusCode(200).body("outcome", equalTo("recorded")).body("caseId", equalTo(caseId));
        push(TestMail.from(TestMail.newSender()).header("List-Id", "<news.example.com>")
                .header("Precedence", "bulk").subject("Our December newsletter").bytes())
                .then().statusCode(200).body("outcome", equalTo("recorded")).body("caseId", nullValue());

        desk.owner().get("/cases/" + caseId).then().body("status", equalTo("pending"));
        desk.owner().get("/cases/" + caseId + "/messages").then()
                .body("items.findAll { it.visibility == 'internal' }.body",
                        hasItem(startsWithLine("Automatic reply from " + sender + ": Automatic reply: Invoice sync fails")));
        desk.owner().get("/cases?q=newsletter").then().body("items", hasSize(0));
    }

    @Test
    void aBounceMarksTheCustomersAddressAsFailingAndIsNotedOnTheCaseOfTheMailThatBounced() {
        String sender = TestMail.newSender();
        String caseId = opened(TestMail.from(sender));
        String sent = UUID.randomUUID() + "@caseswarm.local";
        events.send("notification-events", UUID.randomUUID().toString(), "notification-sent", """
                {"notificationId": "%s", "recipient": "%s", "channel": "email", "template": "case-message",
                 "subject": "Re: Invoice sync fails", "triggeredBy": {"eventId": "%s", "type": "case-message-added"},
                 "sentAt": "2026-12-01T10:00:00Z", "caseId": "%s", "messageId": "%s"}
                """.formatted(UUID.randomUUID(), sender, UUID.randomUUID(), caseId, sent));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> push(bounce(sender, sent)).then()
                .body("outcome", equalTo("recorded")).body("caseId", equalTo(caseId)));
        String customerId = desk.owner().get("/cases/" + caseId).then().extract().path("customer.id");
        desk.lead().get("/customers/" + customerId).then().statusCode(200)
                .body("failingEmails.email", contains(sender))
                .body("failingEmails[0].failure", containsString("mailbox unavailable"));
        desk.owner().get("/cases/" + caseId + "/messages").then()
                .body("items.findAll { it.visibility == 'internal' }.body", hasItem(startsWithLine("Mail to " + sender + " bounced:")));
    }

    @Test
    void aSenderOverTheHourlyLimitIsHeldWhereAnAdminSeesItAndReleasesIt() {
        String sender = TestMail.newSender();
        for (int i = 0; i < 3; i++) {
            push(TestMail.from(sender).subject("Case " + i).bytes()).then().statusCode(201);
        }
        JsonPath held = push(TestMail.from(sender).subject("Case 3").bytes()).then().statusCode(202)
                .body("outcome", equalTo("held")).body("detail", containsString("within the last hour"))
                .extract().jsonPath();
        String heldId = held.getString("heldId");

        List<String> listed = heldList().getList("items.findAll { it.sender == '" + sender + "' }.reason");
        assertThat(listed).containsExactly("throttled");

        desk.admin().post("/inbound/held/" + heldId + "/retry").then().statusCode(200)
                .body("outcome", equalTo("opened")).body("caseNumber", notNullValue());
        assertThat(heldList().getList("items.id")).doesNotContain(heldId);
        desk.admin().post("/inbound/held/" + heldId + "/retry").then().statusCode(404);
    }

    @Test
    void aMailThatCannotBeReadIsHeldRawForAnAdminAndStaysHeldWhenRetried() {
        byte[] garbage = ("Subject: no sender at all\r\n\r\n" + UUID.randomUUID()).getBytes(UTF_8);
        String heldId = push(garbage).then().statusCode(202).body("outcome", equalTo("held")).extract().path("heldId");
        push(garbage).then().statusCode(200).body("outcome", equalTo("duplicate"));

        assertThat(heldList().getList("items.findAll { it.id == '" + heldId + "' }.reason")).containsExactly("unreadable");
        byte[] kept = desk.admin().get("/inbound/held/" + heldId + "/raw").then().statusCode(200)
                .contentType(containsString("message/rfc822")).extract().asByteArray();
        assertThat(kept).isEqualTo(garbage);
        desk.admin().post("/inbound/held/" + heldId + "/retry").then().statusCode(200).body("outcome", equalTo("held"));
        assertThat(heldList().getList("items.id")).contains(heldId);
    }

    @Test
    void filesTooLargeOrOfTypesNotAllowedAreLeftOutAndNamedWhileTheMailStillLands() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        TestMail mail = TestMail.from(TestMail.newSender())
                .attach("invoice.pdf", "application/pdf", SampleFiles.pdf("Invoice 2026-11"))
                .attach("huge.txt", "text/plain", big)
                .attach("setup.exe", "application/octet-stream", SampleFiles.executable());
        String caseId = push(mail.bytes()).then().statusCode(201).extract().path("caseId");

        desk.owner().get("/cases/" + caseId + "/messages").then().statusCode(200)
                .body("items[0].attachments.name", contains("invoice.pdf"))
                .body("items[0].body", containsString("Not kept from this mail: original.eml ("))
                .body("items[0].body", containsString("; huge.txt (11.0 MB, larger than the 10.0 MB a file may be); setup.exe ("));
    }

    @Test
    void mailFromTheDesksOwnAddressOpensNothing() {
        push(TestMail.from("support@caseswarm.local").subject("Re: We received your case").bytes())
                .then().statusCode(200).body("outcome", equalTo("recorded")).body("caseId", nullValue());
    }

    @Test
    void onlyAnIntegrationPushesMailAndOnlyAnAdminSeesTheIntakeLogAndHeldMail() {
        byte[] raw = TestMail.from(TestMail.newSender()).bytes();
        io.restassured.RestAssured.given().contentType("message/rfc822").body(raw).post("/inbound/email")
                .then().statusCode(401);
        for (RequestSpecification stranger : List.of(desk.owner(), desk.lead(), desk.admin(),
                desk.as("cust-1", "customer"))) {
            stranger.contentType("message/rfc822").body(raw).post("/inbound/email").then().statusCode(403);
        }
        for (RequestSpecification stranger : List.of(desk.owner(), desk.lead(), gateway(), desk.as("cust-1", "customer"))) {
            stranger.get("/inbound/held").then().statusCode(403);
            stranger.get("/inbound/held/" + UUID.randomUUID() + "/raw").then().statusCode(403);
            stranger.post("/inbound/held/" + UUID.randomUUID() + "/retry").then().statusCode(403);
            stranger.get("/inbound/mail").then().statusCode(403);
        }
        io.restassured.RestAssured.given().get("/inbound/mail").then().statusCode(401);
    }

    @Test
    void aPushThatIsNoMailOrNamesNoMailboxIsRefusedAndChangesNothing() {
        byte[] raw = TestMail.from(TestMail.newSender()).bytes();
        gateway().contentType(ContentType.JSON).body("{\"from\": \"x@example.com\"}").post("/inbound/email")
                .then().statusCode(415).contentType("application/problem+json");
        gateway().contentType("message/rfc822").body(new byte[0]).post("/inbound/email")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        gateway().contentType("message/rfc822").queryParam("mailbox", "sales@caseswarm.local").body(raw)
                .post("/inbound/email").then().statusCode(400).body("errors[0].field", equalTo("mailbox"));
        // Refused above, so the same mail is new to the desk here.
        push(raw).then().statusCode(201).body("outcome", equalTo("opened"));
        desk.admin().get("/inbound/held?cursor=not-a-cursor").then().statusCode(400);
    }

    private RequestSpecification gateway() {
        return desk.as("mail-gateway", "integration");
    }

    private Response push(byte[] raw) {
        return gateway().contentType("message/rfc822").body(raw).post("/inbound/email");
    }

    private String opened(TestMail mail) {
        return push(mail.bytes()).then().statusCode(201).body("outcome", equalTo("opened")).extract().path("caseId");
    }

    /** Ana takes the case and waits on the customer. */
    private void takeAndPend(String caseId) {
        desk.owner().contentType(ContentType.JSON).body("{\"ownerId\": \"ana.lima\"}").post("/cases/" + caseId + "/assign")
                .then().statusCode(200);
        desk.owner().contentType(ContentType.JSON).body("{\"status\": \"pending\", \"reason\": \"asked for logs\"}")
                .post("/cases/" + caseId + "/status").then().statusCode(200).body("status", equalTo("pending"));
    }

    private JsonPath heldList() {
        return desk.admin().get("/inbound/held?limit=200").then().statusCode(200).extract().jsonPath();
    }

    private JsonNode caseOpened(String caseId) throws Exception {
        return eventOf(caseId, "case-opened");
    }

    /** The case's latest case-message-added that came in by mail. */
    private JsonNode messageAdded(String caseId) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<JsonNode> byMail = mailMessages(
                    reader.readUntil(all -> !mailMessages(all, caseId).isEmpty(), Duration.ofSeconds(20)), caseId);
            assertThat(byMail).as("case-message-added events by mail on " + caseId).isNotEmpty();
            return byMail.getLast();
        }
    }

    private List<JsonNode> mailMessages(List<ConsumerRecord<String, String>> records, String caseId) {
        return records.stream()
                .filter(r -> r.key().equals(caseId) && "case-message-added".equals(TopicReader.header(r, "ce_type")))
                .map(r -> readTree(r.value())).filter(event -> event.path("email").isObject()).toList();
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode eventOf(String caseId, String type) throws Exception {
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    all -> all.stream().anyMatch(r -> r.key().equals(caseId) && type.equals(TopicReader.header(r, "ce_type"))),
                    Duration.ofSeconds(20));
            return json.readTree(records.stream()
                    .filter(r -> r.key().equals(caseId) && type.equals(TopicReader.header(r, "ce_type")))
                    .findFirst().orElseThrow().value());
        }
    }

    /** A delivery status notification as an MTA writes it, returning the headers of the mail that bounced. */
    private static byte[] bounce(String recipient, String bouncedMessageId) {
        return ("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: support@caseswarm.local
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.com>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="bounce"

                --bounce
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered:
                <%s>: host mx.example.com said: 550 5.2.1 mailbox unavailable

                --bounce
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.2.1

                --bounce
                Content-Type: text/rfc822-headers

                From: Caseswarm Support <support@caseswarm.local>
                To: %s
                Subject: Re: [CS-000001] Invoice sync fails
                Message-ID: <%s>

                --bounce--
                """.formatted(UUID.randomUUID(), recipient, recipient, recipient, bouncedMessageId))
                .replace("\n", "\r\n").getBytes(UTF_8);
    }

    private static org.hamcrest.Matcher<String> startsWithLine(String line) {
        return org.hamcrest.Matchers.startsWith(line);
    }
}
