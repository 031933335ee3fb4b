package io.caseswarm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.ledger.LedgerTotals;
import io.caseswarm.platform.ledger.LedgerTotals.Total;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq"),
        @ResourceArg(name = "own-broker", value = "true") })
class EventInboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LedgerTotals totals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        CloudEvent posted = entryPosted(account, 100);
        send(posted.toRecord("ledger-events"));
        send(posted.toRecord("ledger-events"));
        // Same key, same partition: once the third is applied, both copies of the first have been seen.
        send(entryPosted(account, 1).toRecord("ledger-events"));

        await().atMost(PATIENCE).until(() -> totals.total(account).map(Total::entries).orElse(0) >= 2);
        assertThat(totals.total(account)).contains(new Total(101, 2));
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        ProducerRecord<String, String> notACloudEvent = new ProducerRecord<>("ledger-events", account, "{\"amount\":5}");
        send(notACloudEvent);
        send(entryPosted(account, -1).toRecord("ledger-events")); // well-formed, but its handler fails
        send(entryPosted(account, 7).toRecord("ledger-events"));

        await().atMost(PATIENCE).until(() -> totals.total(account).isPresent());
        assertThat(totals.total(account)).contains(new Total(7, 1));

        try (TopicReader dlq = new TopicReader(bootstrapServers, "ledger-events-dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.readForKey(account, 2, PATIENCE);
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo("{\"amount\":5}");
            assertThat(TopicReader.header(dead.get(0), "dead-letter-reason")).contains("Missing header ce_specversion");
            assertThat(TopicReader.header(dead.get(1), "dead-letter-reason")).contains("negative amounts are refused");
        }
    }

    private void send(ProducerRecord<String, String> record) throws Exception {
        producer.send(record).get();
    }

    private static CloudEvent entryPosted(String account, long amount) {
        String data = "{\"account\":\"" + account + "\",\"amount\":" + amount + ",\"sequence\":1,\"addedLater\":true}";
        return new CloudEvent(UUID.randomUUID(), "entry-posted", "another-service", account, Instant.now(), 1, data);
    }

}
