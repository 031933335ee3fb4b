package io.caseswarm.swarms.slack;

import static io.caseswarm.swarms.slack.SlackWorld.FORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.slackstandin.SlackStandIn;
import io.caseswarm.swarms.slack.SlackWorld.Case;
import io.caseswarm.swarms.slack.SlackWorld.Person;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The swarm message's "Notify customer" and "Resolve case" buttons against the Slack stand-in: the modals
 * they open (checked against Slack's documented view shape), the signed submissions that append a request
 * for case-service to the swarm as the linked person, everything refused in the modal itself, and a refusal
 * from case-service told to the person who asked.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlackCaseActionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SettableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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
    void theButtonsOpenModalsOfSlacksDocumentedShape() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Swarm swarm = swarmWithMember(ana, raj);

        world.click(ana, "swarm_notify_customer", swarm.id()).then().statusCode(200);
        JsonNode notify = opened("swarm_notify_customer", swarm.id());
        assertModal(notify, "Message to the customer");
        assertThat(notify.path("blocks").path(1).toString()).contains(swarm.caseNumber(), "by mail");

        world.click(ana, "swarm_resolve_case", swarm.id()).then().statusCode(200);
        JsonNode resolve = opened("swarm_resolve_case", swarm.id());
        assertModal(resolve, "Resolution summary for the customer");
        assertThat(resolve.path("blocks").path(1).path("elements").path(0).path("text").asText())
                .isEqualTo("Named as having helped: " + raj.id() + ". The case resolves and the swarm closes.");
    }

    @Test
    void signedSubmissionsAskCaseServiceAsTheLinkedPersonAndItsRefusalIsToldToThem() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Swarm swarm = swarmWithMember(ana, raj);

        submit(ana, "swarm_notify_customer", swarm.id(), "  We found it: an expired token.  ").then().statusCode(200)
                .body(emptyOrNullString());
        submit(ana, "swarm_resolve_case", swarm.id(), "Rotated the sync token").then().statusCode(200)
                .body(emptyOrNullString());

        JsonNode update = requests(swarm.id(), "swarm-customer-update-requested").getFirst();
        assertThat(update.path("caseId").asText()).isEqualTo(swarm.caseId());
        assertThat(update.path("personId").asText()).isEqualTo(ana.id());
        assertThat(update.path("roles").toString()).isEqualTo("[\"agent\"]");
        assertThat(update.path("text").asText()).isEqualTo("We found it: an expired token.");
        JsonNode resolution = requests(swarm.id(), "swarm-resolution-requested").getFirst();
        assertThat(resolution.path("personId").asText()).isEqualTo(ana.id());
        assertThat(resolution.path("summary").asText()).isEqualTo("Rotated the sync token");
        assertThat(resolution.path("helpedBy").toString()).isEqualTo("[\"" + raj.id() + "\"]");
        // Published as documented: the reader checks each record against the AsyncAPI document and its schemas.
        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            assertThat(reader.readUntil(records -> records.stream().filter(r -> swarm.id().equals(r.key()))
                    .anyMatch(r -> "swarm-resolution-requested".equals(TopicReader.header(r, "ce_type"))),
                    SlackWorld.PATIENCE).stream().filter(r -> swarm.id().equals(r.key()))
                    .map(r -> TopicReader.header(r, "ce_type")))
                    .containsSubsequence("swarm-customer-update-requested", "swarm-resolution-requested");
        }
        // The swarm stays open until the case is resolved.
        world.api(ana.id(), "agent").get("/swarms/" + swarm.id()).then().body("status", equalTo("active"));

        // Case-service refused it (resolved meanwhile): the person is told, privately, in the swarm's thread.
        events.send("case-events", swarm.caseId(), "case-swarm-action-refused", """
                {"caseId": "%s", "number": "%s", "swarmId": "%s", "requestId": "%s", "action": "resolve",
                 "personId": "%s", "reason": "Case %s is <resolved>", "refusedAt": "2026-12-02T10:00:00Z"}"""
                .formatted(swarm.caseId(), swarm.caseNumber(), swarm.id(), resolution.path("requestId").asText(),
                        ana.id(), swarm.caseNumber()));
        JsonNode told = world.awaitSent("chat.postEphemeral", body -> ana.slackUser().equals(body.path("user").asText()));
        assertThat(told.path("body").path("channel").asText()).isEqualTo(SlackStandInResource.CHANNEL);
        assertThat(told.path("body").path("thread_ts").asText()).isEqualTo(swarm.ts());
        assertThat(told.path("body").path("text").asText())
                .isEqualTo("Caseswarm did not resolve " + swarm.caseNumber() + ": Case " + swarm.caseNumber()
                        + " is &lt;resolved&gt;");
    }

    @Test
    void whatCannotBeAskedIsShownInTheModalAndNothingIsAppended() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Person omar = world.person("omar", "agent");
        Person kim = world.person("kim", "agent", "expert");
        Swarm swarm = swarmWithMember(ana, raj);
        world.invite(swarm.id(), swarm.caseId(), kim.id());
        world.click(kim, "swarm_join", swarm.id()).then().statusCode(200);

        assertRefused(submit(ana, "swarm_notify_customer", swarm.id(), "   "), "1 to 20000 characters");
        assertRefused(submit(ana, "swarm_notify_customer", swarm.id(), "x".repeat(20_001)), "1 to 20000 characters");
        assertRefused(submit(ana, "swarm_resolve_case", swarm.id(), "x".repeat(10_001)), "1 to 10000 characters");
        assertRefused(submit(ana, "swarm_resolve_case", UUID.randomUUID().toString(), "Fixed"), "does not exist");
        assertRefused(submit(ana, "swarm_notify_customer", "../cases/1", "Hi"), "names no swarm");
        // Neither owner, member nor lead.
        assertRefused(submit(omar, "swarm_notify_customer", swarm.id(), "Hi"), "Only the owner of this swarm");
        // A member, but no agent or lead.
        assertRefused(submit(raj, "swarm_notify_customer", swarm.id(), "Hi"), "Only agents and leads");
        // A member who is an agent writes to the customer, but does not steer the swarm, so does not resolve it.
        assertRefused(submit(kim, "swarm_resolve_case", swarm.id(), "Fixed"), "Only the owner of this swarm or a lead");
        Person nobody = new Person("nobody", "U0NOBODY" + (System.nanoTime() % 1000));
        assertRefused(submit(nobody, "swarm_resolve_case", swarm.id(), "Fixed"), "not linked");
        // Not signed by Slack: 401, and nothing is read of it.
        world.signedAt("/slack/interactions", FORM, form(nobody, "swarm_resolve_case", swarm.id(), "Fixed"),
                clock.now().getEpochSecond(), "another-secret", Map.of()).then().statusCode(401);
        world.signedAt("/slack/interactions", FORM, form(ana, "swarm_resolve_case", swarm.id(), "Fixed"),
                clock.now().getEpochSecond(), "another-secret", Map.of()).then().statusCode(401);

        assertThat(requests(swarm.id(), "swarm-customer-update-requested")).isEmpty();
        assertThat(requests(swarm.id(), "swarm-resolution-requested")).isEmpty();

        submit(kim, "swarm_notify_customer", swarm.id(), "Kim here: fixed on our side").then().statusCode(200)
                .body(emptyOrNullString());
        assertThat(requests(swarm.id(), "swarm-customer-update-requested")).singleElement()
                .satisfies(asked -> assertThat(asked.path("personId").asText()).isEqualTo(kim.id()));
    }

    @Test
    void buttonsOfPeopleWhoMayNotAskTellThemAndOpenNothing() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Swarm swarm = swarmWithMember(ana, raj);

        world.click(raj, "swarm_notify_customer", swarm.id()).then().statusCode(200);
        world.click(raj, "swarm_resolve_case", swarm.id()).then().statusCode(200);
        world.click(ana, "swarm_resolve_case", UUID.randomUUID().toString()).then().statusCode(200);

        assertThat(world.awaitSent("chat.postEphemeral", body -> raj.slackUser().equals(body.path("user").asText())
                && body.path("text").asText().equals("Only agents and leads resolve cases."))).isNotNull();
        assertThat(world.awaitSent("chat.postEphemeral", body -> raj.slackUser().equals(body.path("user").asText())
                && body.path("text").asText().equals("Only agents and leads write to customers."))).isNotNull();
        assertThat(world.awaitSent("chat.postEphemeral", body -> ana.slackUser().equals(body.path("user").asText())
                && body.path("text").asText().contains("does not exist"))).isNotNull();
        assertThat(world.sent("views.open", body -> true).stream()
                .filter(open -> swarm.id().equals(open.path("body").path("view").path("private_metadata").asText())))
                .isEmpty();
    }

    private record Swarm(String id, String caseId, String caseNumber, String ts) {
    }

    /** Ana's case, swarmed from Slack, with {@code member} invited and joined. */
    private Swarm swarmWithMember(Person owner, Person member) {
        Case billing = world.openCase(owner.id());
        world.slashCommand(owner, billing.number() + " billing").then().statusCode(200);
        JsonNode posted = world.swarmMessage(billing.number());
        String swarmId = SlackWorld.swarmIdOf(posted);
        world.invite(swarmId, billing.id(), member.id());
        world.click(member, "swarm_join", swarmId).then().statusCode(200);
        assertThat(world.memberStatus(swarmId, member.id())).isEqualTo("joined");
        return new Swarm(swarmId, billing.id(), billing.number(), posted.path("answer").path("ts").asText());
    }

    private JsonNode opened(String callbackId, String swarmId) {
        JsonNode request = world.awaitSent("views.open", body -> callbackId.equals(body.path("view").path("callback_id")
                .asText()) && swarmId.equals(body.path("view").path("private_metadata").asText()));
        assertThat(request.path("body").path("trigger_id").asText()).isEqualTo("123.456.abc");
        return request.path("body").path("view");
    }

    /** Slack's modal view: plain_text title (≤ 24), submit and close; an input block with a plain_text_input. */
    private static void assertModal(JsonNode view, String label) {
        assertThat(view.path("type").asText()).isEqualTo("modal");
        for (String part : List.of("title", "submit", "close")) {
            assertThat(view.path(part).path("type").asText()).as(part).isEqualTo("plain_text");
            assertThat(view.path(part).path("text").asText()).as(part).isNotBlank().hasSizeLessThanOrEqualTo(24);
        }
        JsonNode input = view.path("blocks").path(0);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("block_id").asText()).isEqualTo(SlackCaseActions.TEXT_BLOCK);
        assertThat(input.path("label").path("type").asText()).isEqualTo("plain_text");
        assertThat(input.path("label").path("text").asText()).isEqualTo(label);
        JsonNode element = input.path("element");
        assertThat(element.path("type").asText()).isEqualTo("plain_text_input");
        assertThat(element.path("action_id").asText()).isEqualTo(SlackCaseActions.TEXT_INPUT);
        assertThat(element.path("multiline").asBoolean()).isTrue();
        assertThat(element.path("max_length").asInt()).isBetween(1, 3000);
        assertThat(view.path("blocks").path(1).path("type").asText()).isEqualTo("context");
    }

    private static void assertRefused(Response response, String why) {
        response.then().statusCode(200).body("response_action", equalTo("errors"))
                .body("errors." + SlackCaseActions.TEXT_BLOCK, containsString(why));
    }

    private Response submit(Person user, String callbackId, String swarmId, String text) {
        return world.signed("/slack/interactions", FORM, form(user, callbackId, swarmId, text));
    }

    /** A {@code view_submission} as Slack sends it, in its form field {@code payload}. */
    private static String form(Person user, String callbackId, String swarmId, String text) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", "T0TEAM");
        payload.putObject("user").put("id", user.slackUser());
        ObjectNode view = payload.putObject("view").put("id", "V1").put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", swarmId);
        view.putObject("state").putObject("values").putObject(SlackCaseActions.TEXT_BLOCK)
                .putObject(SlackCaseActions.TEXT_INPUT).put("type", "plain_text_input").put("value", text);
        return SlackWorld.form(Map.of("payload", payload.toString()));
    }

    /** The requests of {@code type} in the swarm's history, oldest first. */
    private List<JsonNode> requests(String swarmId, String type) {
        String history = world.api("lena.berg", "lead").get("/swarms/" + swarmId + "/history").then().statusCode(200)
                .extract().asString();
        try {
            List<JsonNode> found = new java.util.ArrayList<>();
            JSON.readTree(history).forEach(entry -> {
                if (type.equals(entry.path("type").asText())) {
                    found.add(entry.path("data"));
                }
            });
            return found;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
