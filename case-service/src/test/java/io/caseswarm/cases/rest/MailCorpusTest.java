package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.cases.mail.MailParser;
import io.caseswarm.cases.mail.ParsedMail;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The corpus of real-shaped mails (src/test/resources/mail-corpus, described in its README) sent one by
 * one over SMTP to the support mailbox, which the service reads over IMAP: each must have the effect its
 * manifest entry names, on the right case, with the right text and files.
 *
 * <p>Mails the corpus answers "from the desk" carry Message-IDs of {@code caseswarm.example}; as soon as
 * the case such a mail belongs to exists, the test announces them as sent for it (notification-sent),
 * as notification-service does when it mails a customer.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = @ResourceArg(name = "database-proxy", value = "true"))
@WithTestResource(value = SupportMailbox.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailCorpusTest extends DeskTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{case:([^}]+)}}");
    private static final String DESK_DOMAIN = "@caseswarm.example";
    private static final String RAW_8BIT_HEADERS = "35-undeclared-8bit.eml";

    MailServer mail;
    EventSender events;

    private final MailParser parser = new MailParser();
    private final Map<String, Opened> cases = new HashMap<>();
    private final List<JsonNode> manifest = new ArrayList<>();

    @Test
    void everyMailOfTheCorpusHasItsEffectThroughTheRealImapPath() throws Exception {
        try (InputStream in = resource("corpus.json")) {
            json.readTree(in).forEach(manifest::add);
        }
        assertThat(manifest).hasSizeGreaterThanOrEqualTo(30);
        for (JsonNode entry : manifest) {
            byte[] raw = withCaseNumbers(read(entry.path("file").asText()));
            int heldBefore = held().size();
            String file = entry.path("file").asText();
            if (RAW_8BIT_HEADERS.equals(file)) {
                // GreenMail stores a header's raw 8-bit bytes as U+FFFD (seen over IMAP with curl), which a
                // real IMAP server does not: this one mail takes the gateway's path, which keeps its bytes.
                desk.as("mail-gateway", "integration").contentType("message/rfc822").queryParam("mailbox", "support").body(raw)
                        .post("/inbound/email")
                        .then().statusCode(201);
            } else {
                mail.deliver(Objects.requireNonNullElse(text(entry, "from"), "unknown@example.com"),
                        SupportMailbox.ADDRESS, raw);
                await().atMost(PATIENCE).until(() -> MailboxFlags.unseen(mail.imapPort()) == 0);
            }
            switch (entry.path("effect").asText()) {
                case "new-case" -> newCase(file, entry, raw);
                case "reply" -> reply(file, entry, raw);
                case "duplicate" -> duplicate(file, entry, raw);
                case "recorded" -> recorded(file, entry);
                case "quarantine" -> assertThat(held()).as(file).hasSize(heldBefore + 1);
                default -> throw new IllegalStateException(file + ": unknown effect " + entry.path("effect"));
            }
        }
    }

    private void newCase(String file, JsonNode entry, byte[] raw) {
        JsonPath taken = newestTaken();
        assertThat(taken.getString("items[0].outcome")).as(file).isEqualTo("opened");
        String caseId = taken.getString("items[0].caseId");
        JsonPath view = desk.owner().get("/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        cases.put(file, new Opened(caseId, view.getString("number"), view.getString("customer.id")));
        assertThat(view.getString("channel")).as(file).isEqualTo("email");
        assertThat(view.getString("subject")).as(file).isEqualTo(expected(entry.path("subject").asText()));
        assertThat(view.getString("customer.email")).as(file).isEqualTo(text(entry, "from"));
        if (text(entry, "fromName") != null) {
            assertThat(view.getString("customer.name")).as(file).isEqualTo(text(entry, "fromName"));
        }
        assertText(file, entry, view.getString("description"));
        assertFiles(file, entry, caseId);
        announceDeskMailsAbout(file);
    }

    private void reply(String file, JsonNode entry, byte[] raw) {
        Opened answered = caseOf(file, entry.path("replyTo").asText());
        JsonPath taken = newestTaken();
        assertThat(taken.getString("items[0].outcome")).as(file).isEqualTo("added");
        assertThat(taken.getString("items[0].caseId")).as(file).isEqualTo(answered.id());
        JsonPath newest = newestCustomerMessage(answered.id());
        assertText(file, entry, newest.getString("body"));
        assertThat(filesOf(newest)).as(file).containsExactlyInAnyOrderElementsOf(expectedFiles(entry));
    }

    private void duplicate(String file, JsonNode entry, byte[] raw) {
        Opened original = caseOf(file, entry.path("replyTo").asText());
        String messageId = parser.parse(raw).messageId();
        JsonPath log = desk.admin().queryParam("messageId", messageId).get("/inbound/mail").then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.getList("items")).as(file).hasSize(1);
        assertThat(log.getString("items[0].caseId")).as(file).isEqualTo(original.id());
        assertThat(desk.owner().get("/cases?customer=" + original.customerId()).then().extract().jsonPath()
                .getList("items")).as(file + ": cases of the sender").hasSize(1);
    }

    private void recorded(String file, JsonNode entry) {
        JsonPath taken = newestTaken();
        assertThat(taken.getString("items[0].outcome")).as(file).isEqualTo("recorded");
        String about = text(entry, "about");
        assertThat(taken.getString("items[0].caseId")).as(file)
                .isEqualTo(about == null ? null : caseOf(file, about).id());
        if (about != null) {
            Opened concerned = caseOf(file, about);
            desk.owner().get("/cases/" + concerned.id()).then().statusCode(200);
            List<String> notes = desk.owner().get("/cases/" + concerned.id() + "/messages?limit=200").then()
                    .extract().jsonPath().getList("items.findAll { it.visibility == 'internal' }.authorId");
            assertThat(notes).as(file + ": notes on " + about).contains("email-intake");
        }
        for (JsonNode bounced : entry.path("bouncedRecipients")) {
            Opened customerCase = caseOf(file, about);
            assertThat(desk.lead().get("/customers/" + customerCase.customerId()).then().extract().jsonPath()
                    .getList("failingEmails.email")).as(file).contains(bounced.asText());
        }
    }

    private void assertText(String file, JsonNode entry, String text) {
        for (JsonNode wanted : entry.path("textContains")) {
            assertThat(text).as(file).contains(expected(wanted.asText()));
        }
        for (JsonNode unwanted : entry.path("textExcludes")) {
            assertThat(text).as(file).doesNotContain(expected(unwanted.asText()));
        }
    }

    /** The files the case got from the mail, besides the original it always keeps. */
    private void assertFiles(String file, JsonNode entry, String caseId) {
        List<String> names = desk.owner().get("/cases/" + caseId + "/messages?limit=200").then().extract().jsonPath()
                .getList("items.attachments.name.flatten()");
        assertThat(names).as(file).contains("original.eml");
        assertThat(names.stream().filter(name -> !name.equals("original.eml")).toList()).as(file)
                .containsExactlyInAnyOrderElementsOf(expectedFiles(entry));
    }

    private List<String> expectedFiles(JsonNode entry) {
        List<String> names = new ArrayList<>();
        entry.path("attachments").forEach(name -> names.add(expected(name.asText())));
        return names;
    }

    private static List<String> filesOf(JsonPath message) {
        List<String> names = message.getList("attachments.name");
        return names.stream().filter(name -> !name.equals("original.eml")).toList();
    }

    private JsonPath newestCustomerMessage(String caseId) {
        JsonPath messages = desk.owner().get("/cases/" + caseId + "/messages?limit=200").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> fromCustomer = messages.getList("items.findAll { it.authorRole == 'customer' }");
        return new JsonPath(toJson(fromCustomer.getLast()));
    }

    private JsonPath newestTaken() {
        return desk.admin().queryParam("limit", 1).get("/inbound/mail").then().statusCode(200).extract().jsonPath();
    }

    private List<Object> held() {
        return desk.admin().queryParam("limit", 200).get("/inbound/held").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /**
     * The desk's own mails that later corpus mails answer, announced as sent for the case {@code file}
     * opened: every Message-ID of the desk's domain named by a mail that replies to that file or is about it.
     */
    private void announceDeskMailsAbout(String file) {
        Opened opened = cases.get(file);
        for (JsonNode entry : manifest) {
            if (!file.equals(text(entry, "replyTo")) && !file.equals(text(entry, "about"))) {
                continue;
            }
            ParsedMail later = parser.parse(read(entry.path("file").asText()));
            List<String> named = new ArrayList<>(later.inReplyTo());
            named.addAll(later.references());
            if (later.bouncedMessageId() != null) {
                named.add(later.bouncedMessageId());
            }
            named.stream().filter(id -> id.endsWith(DESK_DOMAIN)).distinct().forEach(id -> events.send(
                    "notification-events", UUID.randomUUID().toString(), "notification-sent", """
                            {"notificationId": "%s", "recipient": "customer@example.com", "channel": "email",
                             "template": "case-message", "subject": "Re: a case",
                             "triggeredBy": {"eventId": "%s", "type": "case-message-added"},
                             "sentAt": "2026-12-01T10:00:00Z", "caseId": "%s", "messageId": "%s"}
                            """.formatted(UUID.randomUUID(), UUID.randomUUID(), opened.id(), id)));
        }
    }

    /** The raw mail with every {@code {{case:FILE}}} replaced by the digits of the case FILE opened. */
    private byte[] withCaseNumbers(byte[] raw) {
        // ISO-8859-1 maps bytes to chars one to one, so the mail's bytes outside placeholders are untouched.
        return expected(new String(raw, ISO_8859_1)).getBytes(ISO_8859_1);
    }

    private String expected(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder replaced = new StringBuilder();
        while (placeholder.find()) {
            Opened opened = cases.get(placeholder.group(1));
            String digits = opened == null ? placeholder.group() : opened.number().substring("CS-".length());
            placeholder.appendReplacement(replaced, Matcher.quoteReplacement(digits));
        }
        return placeholder.appendTail(replaced).toString();
    }

    private Opened caseOf(String file, String other) {
        Opened opened = cases.get(other);
        assertThat(opened).as(file + " needs the case of " + other + ", which opened none").isNotNull();
        return opened;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static byte[] read(String file) {
        try (InputStream in = resource(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        return Objects.requireNonNull(MailCorpusTest.class.getResourceAsStream("/mail-corpus/" + file), file);
    }

    private record Opened(String id, String number, String customerId) {
    }
}
