package io.caseswarm.swarms.slack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

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

/**
 * How soon an invitation shows in the swarm's Slack message. Not a test (its name keeps it out of the suite);
 * run it on its own, or with {@code ./caseswarm bench live}:
 *
 * <pre>./mvnw -B -q -pl swarm-service test -Dtest=SlackMessageBench [-Dbench.invitations=100]</pre>
 *
 * {@code bench.invitations} times, one after the other, a swarm is asked for with the slash command and its
 * message posted; then the expert finder's {@code expert-invited} is sent to Kafka and timed until the Slack
 * stand-in receives the {@code chat.update} that lists the invitee (consumed, appended, committed, published
 * through the outbox, consumed again by the Slack app, Block Kit built, Web API called). The stand-in stamps
 * each request as it arrives, on the same clock as the start. Prints p50, p99 and max and writes them to
 * {@code target/slack-message-bench.txt}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlackMessageBench {

    @Inject
    SettableClock clock;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;
    SlackStandIn slack;

    @Test
    void measure() throws Exception {
        SlackWorld world = new SlackWorld(events, issuer, database, slack, clock);
        Person owner = world.person("ana", "agent");
        List<Person> experts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            experts.add(world.person("expert" + i, "expert"));
        }
        int invitations = Integer.getInteger("bench.invitations", 100);
        long[] micros = new long[invitations];
        for (int i = 0; i < invitations; i++) {
            Case billing = world.openCase(owner.id());
            world.slashCommand(owner, billing.number() + " billing").then().statusCode(200);
            JsonNode posted = world.swarmMessage(billing.number());
            String swarmId = SlackWorld.swarmIdOf(posted);
            String ts = posted.path("answer").path("ts").asText();
            Person invitee = experts.get(i % experts.size());

            Instant sent = Instant.now();
            events.send("expert-events", swarmId, "expert-invited",
                    "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, billing.id(), invitee.id()));
            JsonNode updated = world.awaitSent("chat.update", body -> body.path("ts").asText().equals(ts)
                    && body.toString().contains("<@" + invitee.slackUser() + "> – invited"));
            micros[i] = sent.until(Instant.parse(updated.path("receivedAt").asText()), ChronoUnit.MICROS);
            slack.forget();
        }
        String text = "expert-invited -> Slack chat.update listing the invitee, %d in a row: %s%n"
                .formatted(invitations, describe(micros));
        System.out.println("\n" + text);
        Files.writeString(Path.of("target/slack-message-bench.txt"), text);
    }

    private static String describe(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(sorted[sorted.length / 2] / 1000.0,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }
}
