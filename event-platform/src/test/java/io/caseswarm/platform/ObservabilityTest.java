package io.caseswarm.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.ledger.Ledger;
import io.caseswarm.platform.ledger.LedgerEvent.EntryPosted;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator sees of the platform: its metrics, and the trace each event carries on. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq") })
class ObservabilityTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    Ledger ledger;

    @Inject
    EventInbox inbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;

    @Test
    void appendedAndPublishedEventsAreCountedAndTheOutboxLagReturnsToZero() {
        double appended = metric("caseswarm_events_appended_total", "type=\"entry-posted\"");
        double published = metric("caseswarm_events_published_total", "topic=\"ledger-events\"");
        String account = "acct-" + UUID.randomUUID();

        ledger.append(account, 0, List.of(new EntryPosted(account, 5, 1), new EntryPosted(account, 6, 2)));

        assertThat(metric("caseswarm_events_appended_total", "type=\"entry-posted\"")).isEqualTo(appended + 2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                metric("caseswarm_events_published_total", "topic=\"ledger-events\"")).isGreaterThanOrEqualTo(published + 2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(metric("caseswarm_outbox_lag_seconds", "")).isZero());
    }

    @Test
    void aFailingRecordCountsAsAConsumerErrorAndAsDeadLettered() {
        double errors = metric("caseswarm_consumer_errors_total", "topic=\"ledger-events\"");
        double deadLettered = metric("caseswarm_events_dead_lettered_total", "topic=\"ledger-events\"");

        events.sendRaw(new ProducerRecord<>("ledger-events", "acct-" + UUID.randomUUID(), "not a cloud event"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(metric("caseswarm_consumer_errors_total", "topic=\"ledger-events\"")).isEqualTo(errors + 1);
            assertThat(metric("caseswarm_events_dead_lettered_total", "topic=\"ledger-events\"")).isEqualTo(deadLettered + 1);
        });
    }

    @Test
    void eventsAppendedWhileApplyingAnEventContinueItsTrace() {
        String account = "acct-" + UUID.randomUUID();
        String parent = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
        ConsumerRecord<String, String> received = receivedWithTrace(account, parent);

        inbox.apply(received, event -> ledger.append(account, 0, List.of(new EntryPosted(account, 1, 1))));

        try (TopicReader reader = new TopicReader(bootstrapServers, "ledger-events")) {
            String traceParent = TopicReader.header(reader.readForKey(account, 1, PATIENCE).getFirst(), "traceparent");
            assertThat(traceParent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
        }
    }

    private ConsumerRecord<String, String> receivedWithTrace(String account, String traceParent) {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "entry-posted", "another-service", account, Instant.now(), 1,
                "{\"account\":\"" + account + "\",\"amount\":0,\"sequence\":1}");
        ProducerRecord<String, String> sent = event.toRecord("ledger-events");
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ledger-events", 0, 0L, 0L,
                TimestampType.CREATE_TIME, 0, 0, account, sent.value(), sent.headers(), java.util.Optional.empty());
        record.headers().add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A sample of the Prometheus scrape, 0 when the series does not exist yet. */
    private static double metric(String name, String labels) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
