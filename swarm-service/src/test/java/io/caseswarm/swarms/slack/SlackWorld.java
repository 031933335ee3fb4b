package io.caseswarm.swarms.slack;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;


import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.slack.SlackRequestVerifier;
import io.caseswarm.slackstandin.SlackStandIn;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The world the Slack tests act in: people linked to Slack users as the directory announces them, cases as
 * case-service announces them, requests signed exactly as Slack signs them (computed here, independently of
 * the app's verifier), and what the app sent to the Slack stand-in.
 */
final class SlackWorld {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String FORM = "application/x-www-form-urlencoded";

    private final EventSender events;
    private final LocalIssuer issuer;
    private final TestDatabase database;
    private final SlackStandIn slack;
    private final SettableClock clock;

    SlackWorld(EventSender events, LocalIssuer issuer, TestDatabase database, SlackStandIn slack, SettableClock clock) {
        this.events = events;
        this.issuer = issuer;
        this.database = database;
        this.slack = slack;
        this.clock = clock;
    }

    /** A person of the directory linked to a new Slack user, with {@code roles}; returns the Slack user id. */
    Person person(String name, String... roles) {
        String personId = name + "." + UUID.randomUUID().toString().substring(0, 6);
        String slackUser = "U" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
        String rolesJson = List.of(roles).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        events.send("expert-events", personId, "expert-registered", """
                {"personId": "%s", "name": "%s", "email": "%s@example.com", "chatHandle": null, "timeZone": "UTC",
                 "workingHours": {"start": "00:00", "end": "23:59"}, "skills": [{"name": "billing", "level": 4}],
                 "capacity": 2, "presence": "available", "registeredAt": "%s", "slackUserId": "%s", "roles": %s}"""
                .formatted(personId, name, personId, Instant.now(), slackUser, rolesJson));
        awaitRow("select count(*) from slack_person_link where slack_user_id = '" + slackUser + "'");
        return new Person(personId, slackUser);
    }

    record Person(String id, String slackUser) {
    }

    /** An open case owned by {@code ownerId}, numbered afresh; returns its id and number. */
    Case openCase(String ownerId) {
        String caseId = UUID.randomUUID().toString();
        String number = "CS-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        events.send("case-events", caseId, "case-opened", """
                {"caseId": "%s", "number": "%s", "subject": "Invoices <fail> & sync", "priority": "high"}"""
                .formatted(caseId, number));
        events.send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, ownerId));
        awaitRow("select count(*) from known_case where case_id = '" + caseId + "' and owner_id is not null");
        return new Case(caseId, number);
    }

    record Case(String id, String number) {
    }

    /** The expert finder invites {@code personId}; returns once the swarm lists them. */
    void invite(String swarmId, String caseId, String personId) {
        events.send("expert-events", swarmId, "expert-invited",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, caseId, personId));
        await().atMost(PATIENCE).until(() -> memberStatus(swarmId, personId) != null);
    }

    /** How {@code personId} stands in the swarm, as the API shows it to a lead. */
    String memberStatus(String swarmId, String personId) {
        List<Map<String, Object>> members = api("lena.berg", "lead").get("/swarms/" + swarmId).then().statusCode(200)
                .extract().path("members");
        return members.stream().filter(m -> personId.equals(m.get("personId"))).map(m -> (String) m.get("status"))
                .findFirst().orElse(null);
    }

    List<String> feed(String swarmId) {
        return api("lena.berg", "lead").get("/swarms/" + swarmId + "/posts").then().statusCode(200).extract().path("text");
    }

    RequestSpecification api(String personId, String... roles) {
        return given().auth().oauth2(issuer.issue(personId, roles)).contentType(ContentType.JSON);
    }

    // --- requests from Slack ---

    Response slashCommand(Person user, String text) {
        return signed("/slack/commands", FORM, form(Map.of("command", "/swarm", "text", text, "user_id",
                user.slackUser(), "channel_id", "C0WORK", "team_id", "T0TEAM", "trigger_id", "1.2.3")));
    }

    Response click(Person user, String actionId, String value) {
        return signed("/slack/interactions", FORM, form(Map.of("payload", blockAction(user.slackUser(), actionId, value))));
    }

    static String blockAction(String slackUser, String actionId, String value) {
        return """
                {"type": "block_actions", "user": {"id": "%s", "username": "someone", "team_id": "T0TEAM"},
                 "team": {"id": "T0TEAM"}, "channel": {"id": "%s", "name": "swarms"}, "trigger_id": "123.456.abc",
                 "container": {"type": "message", "message_ts": "1.000001", "channel_id": "%s"},
                 "response_url": "https://hooks.slack.com/actions/T0TEAM/1/abc",
                 "actions": [{"type": "button", "action_id": "%s", "block_id": "swarm_actions", "value": "%s",
                              "action_ts": "1700000000.000001"}]}"""
                .formatted(slackUser, SlackStandInResource.CHANNEL, SlackStandInResource.CHANNEL, actionId, value);
    }

    static String threadReply(String eventId, String slackUser, String threadTs, String text) {
        return """
                {"token": "unused", "team_id": "T0TEAM", "api_app_id": "A0APP", "type": "event_callback",
                 "event_id": "%s", "event_time": 1700000000,
                 "event": {"type": "message", "channel": "%s", "user": "%s", "text": "%s", "ts": "%s",
                           "thread_ts": "%s", "channel_type": "channel"}}"""
                .formatted(eventId, SlackStandInResource.CHANNEL, slackUser, text, "1700000001." + eventId.hashCode(),
                        threadTs);
    }

    /** Signed now (the service's clock), as Slack signs: {@code v0=hex(HMAC-SHA256(secret, "v0:ts:body"))}. */
    Response signed(String path, String contentType, String body) {
        return signedAt(path, contentType, body, clock.now().getEpochSecond(), SlackStandInResource.SIGNING_SECRET,
                Map.of());
    }

    Response signedAt(String path, String contentType, String body, long timestamp, String secret,
            Map<String, String> headers) {
        // Sent as the very bytes signed: UTF-8, as the content type says; a form body is encoded already.
        byte[] bytes = body.getBytes(UTF_8);
        return given().contentType(contentType + "; charset=utf-8").headers(headers)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(secret, timestamp, bytes)).body(body).post(path);
    }

    /** Signed as Slack signs (SlackRequestVerifierTest holds the platform to Slack's documented example). */
    static String signature(String secret, long timestamp, byte[] body) {
        return new SlackRequestVerifier(secret).signature(Long.toString(timestamp), body);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "="
                + URLEncoder.encode(e.getValue(), UTF_8)).collect(Collectors.joining("&"));
    }

    // --- what the app sent to Slack ---

    List<JsonNode> sent(String method, Predicate<JsonNode> body) {
        return slack.recorded().stream().filter(r -> r.path("method").asText().equals(method))
                .filter(r -> body.test(r.path("body"))).toList();
    }

    /** The one request of {@code method} whose body fits, once it has been sent. */
    JsonNode awaitSent(String method, Predicate<JsonNode> body) {
        await().atMost(PATIENCE).until(() -> !sent(method, body).isEmpty());
        return sent(method, body).getFirst();
    }

    /** The swarm's message, as first posted: the swarm is found by its buttons' value. */
    JsonNode swarmMessage(String caseNumber) {
        return awaitSent("chat.postMessage", body -> body.path("text").asText().startsWith("Swarm on " + caseNumber));
    }

    static String swarmIdOf(JsonNode postMessage) {
        for (JsonNode block : postMessage.path("body").path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                return block.path("elements").path(0).path("value").asText();
            }
        }
        throw new AssertionError("No buttons in " + postMessage);
    }

    private void awaitRow(String countQuery) {
        await().atMost(PATIENCE).until(() -> {
            try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(countQuery);
                    ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
