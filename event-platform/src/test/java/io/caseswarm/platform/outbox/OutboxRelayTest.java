package io.caseswarm.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.CloudEventHeaders;
import io.caseswarm.platform.event.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.caseswarm.platform.ledger.Ledger;
import io.caseswarm.platform.ledger.LedgerEvent.EntryPosted;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.platform.trace.Tracing;
import io.caseswarm.testing.KafkaBroker;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq"),
        @ResourceArg(name = "own-broker", value = "true") })
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Ledger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    @Inject
    Tracing tracing;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaBroker broker;

    TestDatabase database;

    @Test
    void appendedEventIsPublishedAsACloudEventKeyedByItsStream() {
        String account = "acct-" + UUID.randomUUID();
        StoredEvent stored = ledger.append(account, 0, List.of(new EntryPosted(account, 42, 1))).getFirst();

        try (TopicReader reader = new TopicReader(bootstrapServers, "ledger-events")) {
            ConsumerRecord<String, String> record = reader.readForKey(account, 1, PATIENCE).getFirst();

            assertThat(record.key()).isEqualTo(account);
            assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(stored.eventId().toString());
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("entry-posted");
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("platform-test");
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(account);
            assertThat(Instant.parse(TopicReader.header(record, CloudEventHeaders.TIME))).isEqualTo(stored.occurredAt());
            assertThat(TopicReader.header(record, CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(readJson(record.value()).get("amount").asLong()).isEqualTo(42);
        }
    }

    @Test
    void relayIsWokenByTheAppendNotByItsSweep() {
        // The sweep is set to 60 s for these tests: publication within a few seconds can only come from NOTIFY.
        assertThat(config.idleSweep()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        try (TopicReader reader = new TopicReader(bootstrapServers, "ledger-events")) {
            reader.readUntil(records -> false, Duration.ofSeconds(2)); // subscribe before the append
            String account = "acct-" + UUID.randomUUID();
            Instant appended = Instant.now();
            ledger.append(account, 0, List.of(new EntryPosted(account, 1, 1)));

            assertThat(reader.readForKey(account, 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(Duration.between(appended, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void everyEventIsPublishedInOrderAcrossABrokerRestartAndOnlyWhatWasInFlightTwice() throws Exception {
        List<String> accounts = List.of(newAccount(), newAccount(), newAccount(), newAccount());
        appendRound(accounts, 1, 10);
        broker.stopProcess();
        // Appends go on while the broker is away: they wait in the outbox, and the service says it is not ready.
        appendRound(accounts, 11, 20);
        Thread.sleep(config.deliveryTimeout().plusSeconds(1).toMillis());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN")));
        broker.startProcess();
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        appendRound(accounts, 21, 30);

        try (TopicReader reader = new TopicReader(bootstrapServers, "ledger-events")) {
            reader.readUntil(all -> all.stream().filter(r -> accounts.contains(r.key()))
                    .map(r -> TopicReader.header(r, CloudEventHeaders.ID)).distinct().count() >= 120, PATIENCE);
            reader.readUntil(all -> false, Duration.ofSeconds(3)); // any later duplicate would arrive by now
            List<ConsumerRecord<String, String>> records = reader.readUntil(all -> true, Duration.ZERO).stream()
                    .filter(r -> accounts.contains(r.key())).toList();

            // Publishing is at-least-once: a send the broker took just before it died, unacknowledged, is sent
            // again after, as the same event (same ce_id, which consumers skip). Only the first round was sent
            // before the stop; what was appended while the broker was away was never taken, so never twice.
            Set<String> ids = new HashSet<>();
            records.forEach(r -> ids.add(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(ids).hasSize(120);
            assertThat(records.size() - ids.size()).as("repeated sends").isLessThanOrEqualTo(accounts.size() * 10);
            // What a consumer that skips ids it has seen applies: every event of each account, in order.
            Map<String, List<Integer>> appliedByAccount = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                if (seen.add(TopicReader.header(record, CloudEventHeaders.ID))) {
                    appliedByAccount.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(readJson(record.value()).get("sequence").asInt());
                }
            }
            for (String account : accounts) {
                assertThat(appliedByAccount.get(account)).as(account)
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
            }
        }
        await().atMost(PATIENCE).until(() -> unpublishedCount() == 0);
    }

    @Test
    void twoRelaysOnOneDatabaseNeitherDoubleNorReorderEvents() throws Exception {
        OutboxRelay second = new OutboxRelay(config, new EventPublisher(KafkaConnection.to(bootstrapServers), config),
                database.jdbcUrl(), Optional.of("postgres"), Optional.empty(), "platform-test", new SimpleMeterRegistry(), tracing);
        second.start(null);
        try {
            List<String> accounts = List.of(newAccount(), newAccount(), newAccount());
            appendRound(accounts, 1, 25);

            try (TopicReader reader = new TopicReader(bootstrapServers, "ledger-events")) {
                reader.readUntil(all -> all.stream().filter(r -> accounts.contains(r.key())).count() >= 75, PATIENCE);
                List<ConsumerRecord<String, String>> records = reader.readUntil(all -> false, Duration.ofSeconds(3))
                        .stream().filter(r -> accounts.contains(r.key())).toList();

                assertThat(records).hasSize(75);
                for (String account : accounts) {
                    assertThat(records.stream().filter(r -> r.key().equals(account))
                            .map(r -> readJson(r.value()).get("sequence").asInt()).toList())
                            .as(account).hasSize(25).isSorted();
                }
            }
            assertThat(second.isLeading()).as("the second relay waits while the first leads").isFalse();
        } finally {
            second.stop(null);
        }
    }

    @Test
    void aStoppedRelayLetsGoOfThePublishingLockAtOnceThoughItWasWaitingForAnAppend() throws Exception {
        try (TestDatabase idle = TestDatabase.create("relay_stop")) {
            Flyway.configure().dataSource(idle.jdbcUrl(), "postgres", "").locations("classpath:db/platform").load()
                    .migrate();
            OutboxRelay relay = new OutboxRelay(config, new EventPublisher(KafkaConnection.to(bootstrapServers), config), idle.jdbcUrl(),
                    Optional.of("postgres"), Optional.empty(), "platform-test", new SimpleMeterRegistry(), tracing);
            relay.start(null);
            await().atMost(PATIENCE).until(relay::isLeading);
            // nothing to publish: the relay now waits on LISTEN, for up to the sweep interval (60 s here)
            await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> advisoryLocksOn(idle) == 1);

            relay.stop(null);

            // another replica can take over straight away, not once the wait has run out
            assertThat(advisoryLocksOn(idle)).as("publishing locks held on the database").isZero();
            assertThat(relay.isLeading()).isFalse();
        }
    }

    private static long advisoryLocksOn(TestDatabase database) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and database = (select oid from pg_database where datname = current_database())")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void appendRound(List<String> accounts, int fromSequence, int toSequence) {
        for (int sequence = fromSequence; sequence <= toSequence; sequence++) {
            for (String account : accounts) {
                ledger.append(account, sequence - 1, List.of(new EntryPosted(account, sequence, sequence)));
            }
        }
    }

    private long unpublishedCount() throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from events where published_at is null")) {
            row.next();
            return row.getLong(1);
        }
    }

    private JsonNode readJson(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }
}
