package io.caseswarm.swarms.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With caseswarm.slack.channel-per-swarm, each swarm has a channel of its own, named after its case: made
 * when the swarm is asked for with its owner in it, members brought in as they join, every message in it a
 * post and every post a message of it, archived when the swarm ends.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "channel-per-swarm", value = "true") })
class SlackChannelPerSwarmTest {

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

    @Test
    void aSwarmLivesInAChannelOfItsOwnFromRequestToClose() {
        Person ana = world.person("ana", "agent");
        Person raj = world.person("raj", "expert");
        Case billing = world.openCase(ana.id());

        world.slashCommand(ana, billing.number() + " billing").then().statusCode(200);

        JsonNode created = world.awaitSent("chat.postMessage",
                body -> body.path("text").asText().startsWith("Swarm on " + billing.number()));
        String swarmId = SlackWorld.swarmIdOf(created);
        JsonNode channel = world.awaitSent("conversations.create", body -> true);
        String channelId = channel.path("answer").path("channel").path("id").asText();
        assertThat(channel.path("body").path("name").asText())
                .isEqualTo("swarm-" + billing.number().toLowerCase() + "-" + swarmId.substring(0, 6));
        assertThat(channel.path("body").path("is_private").asBoolean()).isFalse();
        assertThat(created.path("body").path("channel").asText()).as("the message opens the swarm's channel")
                .isEqualTo(channelId);
        world.awaitSent("conversations.invite", body -> body.path("channel").asText().equals(channelId)
                && body.path("users").asText().equals(ana.slackUser()));

        world.invite(swarmId, billing.id(), raj.id());
        assertThat(world.sent("conversations.invite", body -> body.path("users").asText().equals(raj.slackUser())))
                .as("invited is not yet in").isEmpty();
        world.click(raj, "swarm_join", swarmId).then().statusCode(200);
        world.awaitSent("conversations.invite", body -> body.path("channel").asText().equals(channelId)
                && body.path("users").asText().equals(raj.slackUser()));

        // A message of the channel, no thread: a post.
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        world.signed("/slack/events", "application/json", """
                {"token": "unused", "team_id": "T0TEAM", "api_app_id": "A0APP", "type": "event_callback",
                 "event_id": "%s", "event_time": 1700000000,
                 "event": {"type": "message", "channel": "%s", "user": "%s", "text": "The cron job holds a lock",
                           "ts": "1700000002.000100", "channel_type": "channel"}}"""
                .formatted(eventId, channelId, raj.slackUser())).then().statusCode(200);
        await().atMost(SlackWorld.PATIENCE).until(() -> world.feed(swarmId).contains("The cron job holds a lock"));

        // A post from the API: a message of the channel, not a reply in a thread.
        world.api(ana.id(), "agent").body("{\"text\": \"Releasing it\"}").post("/swarms/" + swarmId + "/posts").then()
                .statusCode(201);
        JsonNode mirrored = world.awaitSent("chat.postMessage", body -> body.path("text").asText().endsWith("Releasing it"));
        assertThat(mirrored.path("body").path("channel").asText()).isEqualTo(channelId);
        assertThat(mirrored.path("body").has("thread_ts")).isFalse();

        world.api(ana.id(), "agent").body(Map.of("reason", "Solved")).post("/swarms/" + swarmId + "/close").then()
                .statusCode(200);
        world.awaitSent("conversations.archive", body -> body.path("channel").asText().equals(channelId));
        assertThat(world.feed(swarmId)).containsExactly("The cron job holds a lock", "Releasing it");
    }
}
