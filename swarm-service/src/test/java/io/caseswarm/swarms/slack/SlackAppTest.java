package io.caseswarm.swarms.slack;

import static io.caseswarm.swarms.slack.SlackWorld.FORM;
import static io.caseswarm.swarms.slack.SlackWorld.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.slackstandin.SlackStandIn;
import io.caseswarm.swarms.slack.SlackWorld.Case;
import io.caseswarm.swarms.slack.SlackWorld.Person;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The Slack app end to end against the Slack stand-in: what it posts (Block Kit, checked against Slack's
 * documented shapes), and what it does with Slack's signed requests (slash command, buttons, modal,
 * thread replies, the Events API handshake), as the linked person and under their rules.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlackAppTest {

    @Inject
    SettableClock clock;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;
    SlackStandIn slack;

    private SlackWorld world;

    @BeforeEach
    void setUp() {
        world = new SlackWorld(events, issuer, database, slack, clock);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void theSlashCommandAsksForASwarmAndItsMessageIsPostedInBlockKit() {
        Person ana = world.person("ana", "agent");
        Case billing = world.openCase(ana.id());

        world.slashCommand(ana, billing.number() + " Billing,sync Why does the <sync> stop at 40%?").then()
                .statusCode(200).contentType(containsString("application/json"))
                .body("response_type", equalTo("ephemeral")).body("text", containsString("billing, sync"));

        JsonNode posted = world.swarmMessage(billing.number());
        assertThat(posted.path("authorization").asText()).isEqualTo("Bearer " + SlackStandInResource.BOT_TOKEN);
        assertThat(posted.path("contentType").asText()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = posted.path("body");
        assertThat(body.path("channel").asText()).isEqualTo(SlackStandInResource.CHANNEL);
        assertThat(body.has("thread_ts")).isFalse();
        assertThat(posted.path("answer").path("ok").asBoolean()).isTrue();

        JsonNode blocks = body.path("blocks");
        assertThat(blocks.path(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.path(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.path(0).path("text").path("text").asText())
                .isEqualTo("Swarm on " + billing.number() + ": Invoices <fail> & sync");
        // People's text is escaped for mrkdwn: nobody smuggles a mention or a link into the message.
        assertThat(blocks.path(1).path("text").path("text").asText())
                .isEqualTo("*Question*\nWhy does the &lt;sync&gt; stop at 40%?");
        List<String> fields = new ArrayList<>();
        blocks.path(2).path("fields").forEach(field -> {
            assertThat(field.path("type").asText()).isEqualTo("mrkdwn");
            fields.add(field.path("text").asText());
        });
        assertThat(fields).contains("*Case*\n" + billing.number(), "*Priority*\nhigh",
                "*Subject*\nInvoices &lt;fail&gt; &amp; sync", "*Status*\nrequested", "*Owner*\n<@" + ana.slackUser() + ">",
                "*Skills*\nbilling, sync");
        assertThat(blocks.path(3).path("text").path("text").asText()).startsWith("*Team* (3 wanted)");

        JsonNode actions = blocks.path(4);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        String swarmId = SlackWorld.swarmIdOf(posted);
        List<String> actionIds = new ArrayList<>();
        actions.path("elements").forEach(button -> {
            assertThat(button.path("type").asText()).isEqualTo("button");
            assertThat(button.path("text").path("type").asText()).isEqualTo("plain_text");
            assertThat(button.path("value").asText()).isEqualTo(swarmId);
            actionIds.add(button.path("action_id").asText());
        });
        assertThat(actionIds).containsExactly("swarm_join", "swarm_decline", "swarm_post_update",
                "swarm_notify_customer", "swarm_resolve_case");
        assertThat(body.path("text").asText()).contains(billing.number(), "Why does the <sync> stop");

        // The swarm is the case owner's, asked for as Ana.
        world.api(ana.id(), "agent").get("/swarms/" + swarmId).then().statusCode(200)
                .body("ownerId", equalTo(ana.id())).body("requestedBy", equalTo(ana.id()))
                .body("question", equalTo("Why does the <sync> stop at 40%?"));
    }

    @Test
    void theSlashCommandKeepsTheApisRules() {
        Person ana = world.person("ana", "agent");
        Person omar = world.person("omar", "agent");
        Person raj = world.person("raj", "expert");
        Case billing = world.openCase(ana.id());

        world.slashCommand(omar, billing.number() + " billing").then().statusCode(200)
                .body("text", containsString("No swarm was asked for"));
        world.slashCommand(raj, billing.number() + " billing").then().statusCode(200)
                .body("text", containsString("Only agents and leads"));
        world.slashCommand(ana, "CS-000000 billing").then().body("text", containsString("knows no case CS-000000"));
        world.slashCommand(ana, "billing please").then().body("text", equalTo(SlackSlashCommand.USAGE));
        world.slashCommand(ana, billing.number()).then().body("text", equalTo(SlackSlashCommand.USAGE));
        world.slashCommand(ana, billing.number() + " " + "x".repeat(51)).then().body("text", equalTo(SlackSlashCommand.USAGE));
        world.slashCommand(ana, billing.number() + " billing " + "why ".repeat(600)).then()
                .body("text", containsString("at most 2000 characters"));

        world.api(ana.id(), "agent").queryParam("caseId", billing.id()).get("/swarms").then().statusCode(200)
                .body("size()", equalTo(0));
        // A default question when none is given.
        world.slashCommand(ana, billing.number() + " billing").then().body("text", containsString("Swarm asked for"));
        world.api(ana.id(), "agent").queryParam("caseId", billing.id()).get("/swarms").then()
                .body("[0].question", equalTo("Help wanted on " + billing.number() + ": Invoices <fail> & sync"));
    }

    @Test
    void joinAndDeclineButtonsActAsTheLinkedExpertsAndTheMessageFollows() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Person mei = world.person("mei", "expert");
        Case billing = world.openCase(ana.id());
        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);
        JsonNode posted = world.swarmMessage(billing.number());
        String swarmId = SlackWorld.swarmIdOf(posted);
        String ts = posted.path("answer").path("ts").asText();
        world.invite(swarmId, billing.id(), raj.id());
        world.invite(swarmId, billing.id(), mei.id());

        world.click(raj, "swarm_join", swarmId).then().statusCode(200);
        world.click(mei, "swarm_decline", swarmId).then().statusCode(200);

        assertThat(world.memberStatus(swarmId, raj.id())).isEqualTo("joined");
        assertThat(world.memberStatus(swarmId, mei.id())).isEqualTo("declined");
        JsonNode updated = world.awaitSent("chat.update", body -> body.path("ts").asText().equals(ts)
                && team(body).contains("<@" + raj.slackUser() + "> – joined")
                && team(body).contains("<@" + mei.slackUser() + "> – declined"));
        assertThat(updated.path("body").path("channel").asText()).isEqualTo(SlackStandInResource.CHANNEL);
        assertThat(updated.path("body").path("blocks").path(2).toString()).contains("*Status*\\nactive");
    }

    @Test
    void buttonsThatCannotBeUsedChangeNothingAndTellOnlyTheUser() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Person stranger = world.person("sam", "expert");
        Person agentOnly = world.person("omar", "agent");
        Case billing = world.openCase(ana.id());
        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);
        String swarmId = SlackWorld.swarmIdOf(world.swarmMessage(billing.number()));
        world.invite(swarmId, billing.id(), raj.id());

        world.click(stranger, "swarm_join", swarmId).then().statusCode(200);
        world.click(agentOnly, "swarm_join", swarmId).then().statusCode(200);
        world.click(raj, "swarm_join", "not-a-swarm").then().statusCode(200);
        world.click(raj, "swarm_join", UUID.randomUUID().toString()).then().statusCode(200);
        world.click(raj, "swarm_notify_customer", swarmId).then().statusCode(200);
        world.click(raj, "swarm_resolve_case", swarmId).then().statusCode(200);
        world.click(raj, "something_else", swarmId).then().statusCode(200);

        assertThat(world.memberStatus(swarmId, stranger.id())).isNull();
        assertThat(world.memberStatus(swarmId, agentOnly.id())).isNull();
        assertThat(world.memberStatus(swarmId, raj.id())).isEqualTo("invited");
        assertThat(ephemeralTextsTo(stranger)).singleElement().asString().startsWith("Nothing was changed");
        assertThat(ephemeralTextsTo(agentOnly)).singleElement().asString().contains("Only experts");
        assertThat(ephemeralTextsTo(raj)).hasSize(5).anySatisfy(text -> assertThat(text).contains("names no swarm"))
                .anySatisfy(text -> assertThat(text).contains("does not exist"))
                .anySatisfy(text -> assertThat(text).isEqualTo("Only agents and leads write to customers."))
                .anySatisfy(text -> assertThat(text).isEqualTo("Only agents and leads resolve cases."))
                .anySatisfy(text -> assertThat(text).contains("not one Caseswarm knows"));
    }

    @Test
    void aSlackUserNobodyIsLinkedToCanDoNothing() {
        Person ana = world.person("ana", "agent");
        Case billing = world.openCase(ana.id());
        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);
        JsonNode posted = world.swarmMessage(billing.number());
        String swarmId = SlackWorld.swarmIdOf(posted);
        Person nobody = new Person("nobody", "U0NOBODY" + (System.nanoTime() % 1000));

        world.slashCommand(nobody, billing.number() + " billing").then().statusCode(200)
                .body("text", equalTo(SlackUsers.NOT_LINKED));
        world.click(nobody, "swarm_join", swarmId).then().statusCode(200);
        world.signed("/slack/events", "application/json",
                SlackWorld.threadReply("Ev" + UUID.randomUUID(), nobody.slackUser(), posted.path("answer").path("ts").asText(),
                        "let me in")).then().statusCode(200);

        assertThat(ephemeralTextsTo(nobody)).hasSize(2).allSatisfy(text -> assertThat(text).contains("not linked"));
        assertThat(world.feed(swarmId)).isEmpty();
        world.api(ana.id(), "agent").queryParam("caseId", billing.id()).get("/swarms").then().body("size()", equalTo(1));
    }

    @Test
    void repliesInTheThreadBecomeFeedPostsOnceAndTheFeedIsMirroredIntoTheThread() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Case billing = world.openCase(ana.id());
        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);
        JsonNode posted = world.swarmMessage(billing.number());
        String swarmId = SlackWorld.swarmIdOf(posted);
        String ts = posted.path("answer").path("ts").asText();
        world.invite(swarmId, billing.id(), raj.id());
        world.click(raj, "swarm_join", swarmId).then().statusCode(200);

        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String reply = SlackWorld.threadReply(eventId, raj.slackUser(), ts, "Check the &lt;cron&gt; job &amp; its lock");
        world.signed("/slack/events", "application/json", reply).then().statusCode(200);
        // Slack thinks it was missed and delivers it again.
        world.signedAt("/slack/events", "application/json", reply, clock.now().getEpochSecond(),
                SlackStandInResource.SIGNING_SECRET, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .then().statusCode(200);
        // Our own bot's messages in the thread, and edits, are not replies.
        world.signed("/slack/events", "application/json", reply.replace(eventId, eventId + "b")
                .replace("\"channel_type\"", "\"bot_id\": \"B0BOT\", \"channel_type\"")).then().statusCode(200);
        world.signed("/slack/events", "application/json", reply.replace(eventId, eventId + "c")
                .replace("\"channel_type\"", "\"subtype\": \"message_changed\", \"channel_type\"")).then().statusCode(200);

        assertThat(world.feed(swarmId)).containsExactly("Check the <cron> job & its lock");

        world.api(ana.id(), "agent").body("{\"text\": \"Thanks <@everyone>, trying it\"}").post("/swarms/" + swarmId + "/posts")
                .then().statusCode(201);
        JsonNode mirrored = world.awaitSent("chat.postMessage", body -> ts.equals(body.path("thread_ts").asText()));
        assertThat(mirrored.path("body").path("text").asText())
                .isEqualTo("<@" + ana.slackUser() + ">: Thanks &lt;@everyone&gt;, trying it");
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> world.sent("chat.postMessage",
                body -> ts.equals(body.path("thread_ts").asText())).size() == 1);
    }

    @Test
    void postUpdateOpensAModalWhoseSubmissionIsPostedToTheFeed() {
        Person ana = world.person("ana", "agent");
        Case billing = world.openCase(ana.id());
        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);
        String swarmId = SlackWorld.swarmIdOf(world.swarmMessage(billing.number()));

        world.click(ana, "swarm_post_update", swarmId).then().statusCode(200);
        JsonNode opened = world.awaitSent("views.open", body -> swarmId.equals(body.path("view").path("private_metadata").asText()));
        assertThat(opened.path("body").path("trigger_id").asText()).isEqualTo("123.456.abc");
        assertThat(opened.path("body").path("view").path("type").asText()).isEqualTo("modal");

        world.signed("/slack/interactions", FORM, SlackWorld.form(Map.of("payload", submission(ana.slackUser(), swarmId, "Customer restarted the sync"))))
                .then().statusCode(200);
        assertThat(world.feed(swarmId)).containsExactly("Customer restarted the sync");

        Person raj = world.person("raj", "expert");
        Response refused = world.signed("/slack/interactions", FORM,
                SlackWorld.form(Map.of("payload", submission(raj.slackUser(), swarmId, "Me too"))));
        refused.then().statusCode(200).body("response_action", equalTo("errors"))
                .body("errors.update", containsString("neither owns nor has joined"));
        assertThat(world.feed(swarmId)).hasSize(1);
    }

    @Test
    void requestsNotSignedBySlackNowAreRefusedAndChangeNothing() {
        Person ana = world.person("ana", "agent");
        Case billing = world.openCase(ana.id());
        String body = SlackWorld.form(Map.of("command", "/swarm", "text", billing.number() + " billing",
                "user_id", ana.slackUser()));
        // The service's clock stands still, so that "five minutes" is exact to the second.
        clock.set(Instant.now());
        long now = clock.now().getEpochSecond();

        // Signed with another secret, stale, from the future, unsigned, tampered with.
        world.signedAt("/slack/commands", FORM, body, now, "another-secret", Map.of()).then().statusCode(401)
                .contentType("application/problem+json");
        world.signedAt("/slack/commands", FORM, body, now - 301, SlackStandInResource.SIGNING_SECRET, Map.of())
                .then().statusCode(401);
        world.signedAt("/slack/commands", FORM, body, now + 301, SlackStandInResource.SIGNING_SECRET, Map.of())
                .then().statusCode(401);
        given().contentType(FORM).body(body).post("/slack/commands").then().statusCode(401);
        given().contentType(FORM).header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", SlackWorld.signature(SlackStandInResource.SIGNING_SECRET, now,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .body(body.replace("billing", "sync")).post("/slack/commands").then().statusCode(401);
        // A bearer token is no way in either.
        world.api(ana.id(), "agent", "lead", "admin").contentType(FORM).body(body).post("/slack/commands").then()
                .statusCode(401);

        // A request captured and played again more than five minutes later.
        String reply = SlackWorld.threadReply("EvReplay", ana.slackUser(), "1.1", "hi");
        String signature = SlackWorld.signature(SlackStandInResource.SIGNING_SECRET, now,
                reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        clock.advance(Duration.ofMinutes(6));
        given().contentType("application/json").header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", signature).body(reply).post("/slack/events").then().statusCode(401);

        world.api(ana.id(), "agent").queryParam("caseId", billing.id()).get("/swarms").then().body("size()", equalTo(0));
    }

    @Test
    void theEventsApiHandshakeAnswersTheChallenge() {
        world.signed("/slack/events", "application/json",
                "{\"token\": \"unused\", \"challenge\": \"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\", \"type\": \"url_verification\"}")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
        given().contentType("application/json").body("{\"challenge\": \"x\", \"type\": \"url_verification\"}")
                .post("/slack/events").then().statusCode(401);
    }

    @Test
    void malformedAndOversizedRequestsAreRefused() {
        world.signed("/slack/interactions", FORM, "payload=%7Bnot+json").then().statusCode(400)
                .contentType("application/problem+json");
        world.signed("/slack/interactions", FORM, "other=1").then().statusCode(400);
        world.signed("/slack/interactions", FORM, "payload=%ZZ").then().statusCode(400);
        world.signed("/slack/events", "application/json", "[1, 2]").then().statusCode(400);
        world.signed("/slack/commands", FORM, "text=" + "a".repeat(70_000)).then().statusCode(413);
        world.signed("/slack/commands", "text/plain", "text=hi").then().statusCode(415);
    }

    private List<String> ephemeralTextsTo(Person user) {
        await().atMost(PATIENCE).until(() -> !world.sent("chat.postEphemeral",
                body -> body.path("user").asText().equals(user.slackUser())).isEmpty());
        return world.sent("chat.postEphemeral", body -> body.path("user").asText().equals(user.slackUser())).stream()
                .map(request -> request.path("body").path("text").asText()).toList();
    }

    private static String team(JsonNode body) {
        return body.path("blocks").path(3).path("text").path("text").asText();
    }

    private static String submission(String slackUser, String swarmId, String text) {
        return """
                {"type": "view_submission", "team": {"id": "T0TEAM"}, "user": {"id": "%s"},
                 "view": {"id": "V1", "type": "modal", "callback_id": "swarm_post_update", "private_metadata": "%s",
                          "state": {"values": {"update": {"text": {"type": "plain_text_input", "value": "%s"}}}}}}"""
                .formatted(slackUser, swarmId, text);
    }
}
