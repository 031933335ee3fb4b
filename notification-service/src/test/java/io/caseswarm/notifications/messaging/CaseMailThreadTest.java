package io.caseswarm.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.notifications.MailHeaders;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.MailServer.ReceivedMail;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The mails about a case make one thread in the customer's mail client, and the customer's answers go
 * back to the desk: read off the headers of the mails a real SMTP server received.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseMailThreadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The mailbox the cases in these tests came in through. */
    private static final String MAILBOX = "billing@caseswarm.local";
    /** caseswarm.smtp.reply-to of the test profile. */
    private static final String SUPPORT_ADDRESS = "support@caseswarm.local";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    MailServer mail;

    EventSender events;

    @Test
    void theAcknowledgementAnswersTheCustomersMailAsAnAutomaticReplyAndTheDeskLearnsItsId() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String customersMail = UUID.randomUUID() + "@mail.example.com";
        String caseId = openCase("CS-000341", "Invoices fail to sync", "Ada", email, customersMail);

        ReceivedMail acknowledgement = awaitMails(email, 1).getFirst();
        MailHeaders headers = MailHeaders.of(acknowledgement);
        assertThat(acknowledgement.subject()).isEqualTo("We have your case [CS-000341]: Invoices fail to sync");
        assertThat(headers.messageIds("In-Reply-To")).containsExactly(customersMail);
        assertThat(headers.messageIds("References")).containsExactly(customersMail);
        assertThat(headers.raw("Reply-To")).isEqualTo(MAILBOX);
        assertThat(headers.raw("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(headers.raw("X-Auto-Response-Suppress")).isEqualTo("All");

        Map<String, JsonNode> sent = notificationsSentTo(email, 1);
        assertThat(sent).containsOnlyKeys(messageIdOf(acknowledgement));
        assertThat(sent.get(messageIdOf(acknowledgement)).path("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void eachMailOfTheConversationAnswersTheLatestWhoeverWroteIt() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String customersMail = UUID.randomUUID() + "@mail.example.com";
        String caseId = openCase("CS-000342", "Export stops at 10%", "Ada", email, customersMail);
        addMessage(caseId, "CS-000342", "agent", "Please run the export once more.", null);

        List<ReceivedMail> mails = awaitMails(email, 2);
        String acknowledgement = messageIdOf(mails.get(0));
        ReceivedMail agentsReply = mails.get(1);
        MailHeaders headers = MailHeaders.of(agentsReply);
        assertThat(agentsReply.subject()).isEqualTo("[CS-000342] Re: Export stops at 10%");
        assertThat(headers.messageIds("In-Reply-To")).containsExactly(acknowledgement);
        assertThat(headers.messageIds("References")).containsExactly(customersMail, acknowledgement);
        assertThat(headers.raw("Reply-To")).isEqualTo(MAILBOX);
        // Written by a person: auto-responders may answer it like any mail.
        assertThat(headers.raw("Auto-Submitted")).isNull();
        assertThat(headers.raw("X-Auto-Response-Suppress")).isNull();

        // The customer answers by mail; the next reply answers them.
        String customersAnswer = UUID.randomUUID() + "@mail.example.com";
        addMessage(caseId, "CS-000342", "customer", "Still stops at 10%.", customersAnswer);
        addMessage(caseId, "CS-000342", "agent", "Fixed: the export has no limit now.", null);

        ReceivedMail secondReply = awaitMails(email, 3).get(2);
        assertThat(MailHeaders.of(secondReply).messageIds("In-Reply-To")).containsExactly(customersAnswer);
        assertThat(MailHeaders.of(secondReply).messageIds("References"))
                .containsExactly(customersMail, acknowledgement, messageIdOf(agentsReply), customersAnswer);

        Map<String, JsonNode> sent = notificationsSentTo(email, 3);
        assertThat(sent).containsOnlyKeys(acknowledgement, messageIdOf(agentsReply), messageIdOf(secondReply));
        assertThat(sent.values()).allSatisfy(event -> assertThat(event.path("caseId").asText()).isEqualTo(caseId));
    }

    @Test
    void aCaseOpenedOutsideMailIsAnsweredToTheSupportAddressInAThreadOfOurOwnMails() throws Exception {
        String email = "bo-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("CS-000343", "Login loop", "Bo", email, null);
        send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","number":"CS-000343","customer":{"id":"c-%s","name":"Bo","email":"%s"},
                 "resolution":{"summary":"Cleared the stale session"}}""".formatted(caseId, caseId, email));

        List<ReceivedMail> mails = awaitMails(email, 2);
        MailHeaders acknowledgement = MailHeaders.of(mails.get(0));
        assertThat(acknowledgement.raw("Reply-To")).isEqualTo(SUPPORT_ADDRESS);
        assertThat(acknowledgement.raw("In-Reply-To")).isNull();
        assertThat(acknowledgement.raw("References")).isNull();
        assertThat(acknowledgement.raw("Auto-Submitted")).isEqualTo("auto-replied");

        MailHeaders solved = MailHeaders.of(mails.get(1));
        assertThat(mails.get(1).subject()).isEqualTo("Your case [CS-000343] is solved");
        assertThat(solved.raw("Reply-To")).isEqualTo(SUPPORT_ADDRESS);
        assertThat(solved.messageIds("In-Reply-To")).containsExactly(messageIdOf(mails.get(0)));
        assertThat(solved.messageIds("References")).containsExactly(messageIdOf(mails.get(0)));
    }

    /** Experts answer an invitation in Caseswarm: it is not in a customer's thread, nor answered to support. */
    @Test
    void anInvitationToAnExpertIsNotAboutTheCustomersThread() throws Exception {
        String person = "raj-" + UUID.randomUUID().toString().substring(0, 8);
        String email = person + "@example.com";
        send("expert-events", UUID.randomUUID().toString(), "expert-invited", """
                {"swarmId":"%s","personId":"%s","name":"Raj Patel","email":"%s",
                 "caseNumber":"CS-000344","question":"Why does the sync stop?"}"""
                .formatted(UUID.randomUUID(), person, email));

        MailHeaders invitation = MailHeaders.of(awaitMails(email, 1).getFirst());
        assertThat(invitation.raw("Reply-To")).isNull();
        assertThat(invitation.raw("In-Reply-To")).isNull();
        assertThat(invitation.raw("Auto-Submitted")).isNull();
        JsonNode sent = notificationsSentTo(email, 1).get(invitation.messageIds("Message-ID").getFirst());
        assertThat(sent.path("caseId").isNull()).isTrue();
    }

    /** A Message-ID that could break our headers (here: a space) is not answered, but the mail still goes. */
    @Test
    void aMalformedMessageIdOfTheCustomerIsLeftOutOfTheThread() {
        String email = "cy-" + UUID.randomUUID() + "@example.com";
        openCase("CS-000345", "Printer on fire", "Cy", email, "two words@mail.example.com");

        MailHeaders acknowledgement = MailHeaders.of(awaitMails(email, 1).getFirst());
        assertThat(acknowledgement.raw("In-Reply-To")).isNull();
        assertThat(acknowledgement.raw("References")).isNull();
        assertThat(acknowledgement.raw("Reply-To")).isEqualTo(MAILBOX);
    }

    @Test
    void greekAndVietnameseInTheSubjectAndTheNameAreEncodedWordsThatDecodeBackEqual() {
        // Short enough for one line: the received text joins a line that ends in an encoded word to the next.
        String email = "eleni-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String subject = "Τιμολόγιο – Hóa đơn chưa thanh toán";
        String name = "Ελένη";
        openCase("CS-000346", subject, name, email, UUID.randomUUID() + "@mail.example.com");

        ReceivedMail acknowledgement = awaitMails(email, 1).getFirst();
        MailHeaders headers = MailHeaders.of(acknowledgement);
        // Written as RFC 2047 words, and read back (by the mail server) as they were.
        assertThat(headers.raw("Subject")).startsWith("=?UTF-8?");
        assertThat(acknowledgement.subject()).isEqualTo("We have your case [CS-000346]: " + subject);
        assertThat(headers.raw("To")).startsWith("=?UTF-8?B?");
        assertThat(headers.decoded("To")).isEqualTo(name + " <" + email + ">");
    }

    /** Opens a case for a customer; {@code customersMail} is the Message-ID it came in as, null for no mail. */
    private String openCase(String number, String subject, String name, String email, String customersMail) {
        String caseId = UUID.randomUUID().toString();
        send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"%s","subject":"%s","customer":{"id":"c-%s","name":"%s","email":"%s"}%s}"""
                .formatted(caseId, number, subject, caseId, name, email, cameByMail(customersMail)));
        return caseId;
    }

    /** A public message on the case; {@code customersMail} as for {@link #openCase}. */
    private void addMessage(String caseId, String number, String authorRole, String body, String customersMail) {
        send("case-events", caseId, "case-message-added", """
                {"caseId":"%s","number":"%s","messageId":"%s","authorId":"ana.lima","authorRole":"%s",
                 "visibility":"public","body":"%s","addedAt":"2026-12-01T10:00:00Z"%s}"""
                .formatted(caseId, number, UUID.randomUUID(), authorRole, body, cameByMail(customersMail)));
    }

    private static String cameByMail(String customersMail) {
        return customersMail == null ? ""
                : ",\"email\":{\"messageId\":\"%s\",\"mailbox\":\"%s\"}".formatted(customersMail, MAILBOX);
    }

    private List<ReceivedMail> awaitMails(String email, int count) {
        await().atMost(PATIENCE).until(() -> mail.mailsTo(email).size() >= count);
        return mail.mailsTo(email);
    }

    private static String messageIdOf(ReceivedMail mail) {
        return MailHeaders.of(mail).messageIds("Message-ID").getFirst();
    }

    /** The notification-sent events of the mails to {@code email}, by their messageId. */
    private Map<String, JsonNode> notificationsSentTo(String email, int count) throws JsonProcessingException {
        try (TopicReader reader = new TopicReader(bootstrapServers, "notification-events")) {
            List<ConsumerRecord<String, String>> sent = reader.readUntil(records -> records.stream()
                    .filter(r -> r.value().contains(email)).count() >= count, PATIENCE)
                    .stream().filter(r -> r.value().contains(email)).toList();
            assertThat(sent).extracting(r -> TopicReader.header(r, "ce_type")).containsOnly("notification-sent");
            Map<String, JsonNode> byMessageId = new HashMap<>();
            for (ConsumerRecord<String, String> record : sent) {
                JsonNode payload = JSON.readTree(record.value());
                byMessageId.put(payload.path("messageId").asText(), payload);
            }
            return byMessageId;
        }
    }

    private void send(String topic, String key, String type, String data) {
        events.send(topic, key, type, data);
    }
}
