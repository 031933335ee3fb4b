package io.caseswarm.swarms.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.slackstandin.SlackStandIn;
import io.caseswarm.swarms.slack.SlackWorld.Person;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A swarm's Slack message goes where its pod talks: the pod's channel when it has one, else the default. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SlackStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlackPodChannelTest {

    @Inject
    SettableClock clock;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;
    SlackStandIn slack;

    private SlackWorld world;
    private Person owner;

    @BeforeEach
    void setUp() {
        world = new SlackWorld(events, issuer, database, slack, clock);
        owner = world.person("ana", "agent");
    }

    @Test
    void aSwarmOnAPodsProductIsPostedInThePodsChannelAndItsUpdatesStayThere() {
        String product = "Ledger " + UUID.randomUUID();
        definePod(product, "\"C0LEDGERPOD\"");
        String number = productCase(product);

        world.slashCommand(owner, number + " billing").then().statusCode(200);

        JsonNode posted = world.swarmMessage(number);
        assertThat(posted.path("body").path("channel").asText()).isEqualTo("C0LEDGERPOD");
        String swarmId = SlackWorld.swarmIdOf(posted);
        String ts = posted.path("answer").path("ts").asText();
        world.api(owner.id(), "agent").body("{\"text\": \"Looking at the ledger\"}").post("/swarms/" + swarmId + "/posts")
                .then().statusCode(201);
        JsonNode mirrored = world.awaitSent("chat.postMessage",
                body -> body.path("thread_ts").asText().equals(ts));
        assertThat(mirrored.path("body").path("channel").asText()).isEqualTo("C0LEDGERPOD");
    }

    @Test
    void aPodWithoutAChannelAndACaseWithoutAPodUseTheDefaultChannel() {
        String product = "Payroll " + UUID.randomUUID();
        definePod(product, "null");
        String podCase = productCase(product);
        String noPodCase = productCase("Nobody's product " + UUID.randomUUID());

        world.slashCommand(owner, podCase + " billing").then().statusCode(200);
        world.slashCommand(owner, noPodCase + " billing").then().statusCode(200);

        assertThat(world.swarmMessage(podCase).path("body").path("channel").asText())
                .isEqualTo(SlackStandInResource.CHANNEL);
        assertThat(world.swarmMessage(noPodCase).path("body").path("channel").asText())
                .isEqualTo(SlackStandInResource.CHANNEL);
    }

    /** The expert finder defines a pod owning {@code product}; returns once swarm-service knows it. */
    private void definePod(String product, String channelJson) {
        String podId = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        events.send("expert-events", podId, "pod-defined", """
                {"podId":"%s","name":"Pod %s","products":["%s"],"skills":["billing"],"members":[],"leads":[],
                 "slackChannel":%s,"definedBy":"root","definedAt":"2026-12-01T09:00:00Z"}"""
                .formatted(podId, podId, product, channelJson));
        awaitOne("select count(*) from pod where pod_id = ?", podId);
    }

    /** An open case of {@code product} owned by the owner, once swarm-service knows it; returns its number. */
    private String productCase(String product) {
        String caseId = UUID.randomUUID().toString();
        String number = "CS-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        events.send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"%s","subject":"Ledger off","priority":"normal","product":"%s"}"""
                .formatted(caseId, number, product));
        events.send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, owner.id()));
        awaitOne("select count(*) from known_case where case_id = ?::uuid and owner_id is not null", caseId);
        return number;
    }

    private void awaitOne(String countQuery, String parameter) {
        await().atMost(SlackWorld.PATIENCE).until(() -> {
            try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(countQuery)) {
                query.setString(1, parameter);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getInt(1) == 1;
                }
            }
        });
    }
}
