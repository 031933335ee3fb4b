package io.caseswarm.platform.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.ledger.LedgerTotals;
import io.caseswarm.platform.ledger.LedgerTotals.Total;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Its own application and broker (the topics listed in another order): the depths it reads are its own. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events-dlq,ledger-events"),
        @ResourceArg(name = "own-broker", value = "true") })
class DeadLetterRedriveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LedgerTotals totals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;

    LocalIssuer issuer;

    @AfterEach
    void undoTheFix() {
        totals.acceptNegativeAmounts(false);
    }

    @Test
    void afterTheFixARedriveAppliesDeadLettersOnceAndSaysWhatItDid() {
        String account = "acct-" + UUID.randomUUID();
        EventSender.Sent refused = entryPosted(account, -5);
        awaitDeadLettered(account, 1);
        // The depth is read from the broker, which may not answer in time on a busy machine (-1: unknown).
        await().atMost(PATIENCE).until(() -> depth() >= 1);
        await().atMost(PATIENCE).until(() -> metric("caseswarm_dead_letter_depth", "topic=\"ledger-events-dlq\"") >= 1);

        totals.acceptNegativeAmounts(true);
        JsonPath report = redrive("ledger-events").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("redriven")).isGreaterThanOrEqualTo(1);
        assertThat(report.getString("deadLetterTopic")).isEqualTo("ledger-events-dlq");
        Map<String, String> ours = report.getMap("records.find { it.eventId == '" + refused.id() + "' }");
        assertThat(ours).containsEntry("type", "entry-posted").containsEntry("subject", account);
        assertThat(ours.get("deadLetterReason")).contains("negative amounts are refused");
        await().atMost(PATIENCE).until(() -> totals.total(account).isPresent());
        assertThat(totals.total(account)).contains(new Total(-5, 1));
        await().atMost(PATIENCE).until(() -> depth() == 0);

        // A second redrive has nothing of ours left to put back.
        JsonPath again = redrive("ledger-events").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("records.eventId")).doesNotContain(refused.id().toString());
    }

    @Test
    void aRedrivenRecordThatWasAlreadyAppliedIsSkippedByItsId() {
        String account = "acct-" + UUID.randomUUID();
        EventSender.Sent posted = entryPosted(account, 10);
        await().atMost(PATIENCE).until(() -> totals.total(account).isPresent());
        // The same event lands in the dead-letter topic as well, as if a consumer had once given up on it.
        ProducerRecord<String, String> copy = events.recordOf(new EventSender.Sent("ledger-events-dlq", posted.id(),
                account, posted.type(), posted.json()));
        copy.headers().add("dead-letter-reason", "once refused".getBytes(StandardCharsets.UTF_8));
        events.sendRaw(copy);

        assertThat(redrive("ledger-events").then().statusCode(200).extract().jsonPath().getList("records.eventId"))
                .contains(posted.id().toString());
        entryPosted(account, 1); // after the redriven copy on the same partition: once it is applied, so was the copy
        await().atMost(PATIENCE).until(() -> totals.total(account).map(Total::entries).orElse(0) >= 2);
        assertThat(totals.total(account)).contains(new Total(11, 2));
    }

    @Test
    void onlyAdminsRedriveAndOnlyEventTopics() {
        given().post("/admin/dead-letters/ledger-events/redrive").then().statusCode(401);
        as("agent").post("/admin/dead-letters/ledger-events/redrive").then().statusCode(403);
        as("lead").get("/admin/dead-letters").then().statusCode(403);
        as("admin").post("/admin/dead-letters/{topic}/redrive", "__consumer_offsets").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        as("admin").post("/admin/dead-letters/{topic}/redrive", "ledger-events-dlq-dlq'; drop table events; --")
                .then().statusCode(400);
        as("admin").post("/admin/dead-letters/nothing-events/redrive").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("There is no dead-letter topic nothing-events-dlq"));
    }

    private io.restassured.response.Response redrive(String topic) {
        return as("admin").post("/admin/dead-letters/{topic}/redrive", topic);
    }

    private long depth() {
        return as("admin").get("/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getLong("'ledger-events-dlq'");
    }

    private RequestSpecification as(String role) {
        return given().auth().oauth2(issuer.issue("ops." + role, role));
    }

    private void awaitDeadLettered(String account, int count) {
        try (TopicReader dlq = new TopicReader(bootstrapServers, "ledger-events-dlq")) {
            assertThat(dlq.readForKey(account, count, PATIENCE)).hasSize(count);
        }
    }

    private EventSender.Sent entryPosted(String account, long amount) {
        return events.send("ledger-events", account, "entry-posted",
                "{\"account\":\"" + account + "\",\"amount\":" + amount + ",\"sequence\":1}");
    }

    private static double metric(String name, String labels) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
