package io.caseswarm.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.ledger.LedgerTotals;
import io.caseswarm.platform.ledger.LedgerTotals.Total;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TcpProxy;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumer whose handler fails for a reason that passes (a lost race, the database away) tries again,
 * in order, until the record applies; nothing is skipped and nothing is dead-lettered for it. The
 * database is reached through a proxy the test cuts, as a crash or network partition would.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq"),
        @ResourceArg(name = "own-broker", value = "true"),
        @ResourceArg(name = "database-proxy", value = "true") })
class TransientFailureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Inject
    LedgerTotals totals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;

    TcpProxy database;

    @Test
    void aHandlerThatLosesRacesIsTriedAgainAndAppliedOnceNotDeadLettered() {
        String account = "acct-" + UUID.randomUUID();
        totals.loseRaces(account, 3);
        entryPosted(account, 40, 1);
        // A poison record after it: once it is dead-lettered, anything dead-lettered before it would be too.
        entryPosted(account, -1, 2);

        await().atMost(PATIENCE).until(() -> totals.total(account).isPresent());
        assertThat(totals.total(account)).contains(new Total(40, 1));
        assertThat(deadLettered(account)).extracting(record -> TopicReader.header(record, "ce_type"), ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("entry-posted",
                        "{\"account\":\"" + account + "\",\"amount\":-1,\"sequence\":2}"));
        assertThat(metric("caseswarm_consumer_retries_total", "reason=\"ConcurrencyConflictException\"")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eventsArrivingDuringADatabaseOutageAreAllAppliedInOrderAfterIt() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        entryPosted(account, 1, 1);
        await().atMost(PATIENCE).until(() -> totals.appliedSequences(account).size() == 1);

        database.cut();
        List<Integer> sent = new ArrayList<>(List.of(1));
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        int sequence = 2;
        while (System.nanoTime() < outageEnds) {
            entryPosted(account, sequence, sequence);
            sent.add(sequence++);
            if (sequence == 4) {
                // The consumer holds the record and says so: not ready, with the record named.
                await().atMost(PATIENCE).until(() -> "DOWN".equals(consumersCheck().get("status")));
                assertThat(String.valueOf(consumersCheck().get("data"))).contains("ledger-events-").contains("entry-posted");
                assertThat(metric("caseswarm_consumer_stalled", "")).isGreaterThanOrEqualTo(1);
            }
            Thread.sleep(2_000);
        }
        database.restore();

        await().atMost(PATIENCE).until(() -> totals.appliedSequences(account).size() >= sent.size());
        assertThat(totals.appliedSequences(account)).isEqualTo(sent);
        assertThat(totals.total(account)).contains(new Total(sent.stream().mapToLong(Integer::longValue).sum(), sent.size()));
        await().atMost(PATIENCE).until(() -> "UP".equals(consumersCheck().get("status")));
        assertThat(metric("caseswarm_consumer_stalled", "")).isZero();
        // Nothing of the account went to the dead-letter topic: the poison sent last is the first there.
        entryPosted(account, -1, 0);
        assertThat(deadLettered(account)).hasSize(1).allSatisfy(record -> assertThat(record.value()).contains("\"amount\":-1"));
    }

    private List<ConsumerRecord<String, String>> deadLettered(String account) {
        try (TopicReader dlq = new TopicReader(bootstrapServers, "ledger-events-dlq")) {
            return dlq.readForKey(account, 1, PATIENCE);
        }
    }

    /** The readiness check of the event consumers: its status and, while stalled, the records it waits on. */
    private static Map<String, Object> consumersCheck() {
        return given().get("/q/health/ready").then().extract().jsonPath().getMap("checks.find { it.name == 'Event consumers' }");
    }

    private void entryPosted(String account, long amount, int sequence) {
        events.send("ledger-events", account, "entry-posted",
                "{\"account\":\"" + account + "\",\"amount\":" + amount + ",\"sequence\":" + sequence + "}");
    }

    private static double metric(String name, String labels) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
