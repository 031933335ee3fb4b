package io.caseswarm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.ledger.LedgerTotals;
import io.caseswarm.platform.ledger.LedgerTotals.Total;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq"),
        @ResourceArg(name = "own-broker", value = "true") })
class EventInboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LedgerTotals totals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventSender events;

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        EventSender.Sent posted = entryPosted(account, 100);
        events.redeliver(posted);
        // Same key, same partition: once the third is applied, both copies of the first have been seen.
        entryPosted(account, 1);

        await().atMost(PATIENCE).until(() -> totals.total(account).map(Total::entries).orElse(0) >= 2);
        assertThat(totals.total(account)).contains(new Total(101, 2));
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        ProducerRecord<String, String> notACloudEvent = new ProducerRecord<>("ledger-events", account, "{\"amount\":5}");
        events.sendRaw(notACloudEvent);
        entryPosted(account, -1); // well-formed, but its handler fails
        entryPosted(account, 7);

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

    @Test
    void aVersionNewerThanTheConsumerReadsIsDeadLetteredNotMisread() {
        String account = "acct-" + UUID.randomUUID();
        ProducerRecord<String, String> fromTheFuture = events.recordOf(new EventSender.Sent("ledger-events",
                UUID.randomUUID(), account, "entry-posted",
                "{\"account\":\"" + account + "\",\"amount\":{\"value\":5,\"currency\":\"EUR\"},\"sequence\":1}"));
        fromTheFuture.headers().add("ce_schemaversion", "2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        events.sendRaw(fromTheFuture);
        entryPosted(account, 3);

        await().atMost(PATIENCE).until(() -> totals.total(account).isPresent());
        assertThat(totals.total(account)).contains(new Total(3, 1));
        try (TopicReader dlq = new TopicReader(bootstrapServers, "ledger-events-dlq")) {
            assertThat(dlq.readForKey(account, 1, PATIENCE)).singleElement().satisfies(dead -> assertThat(
                    TopicReader.header(dead, "dead-letter-reason")).contains("entry-posted is version 2; this consumer reads up to version 1"));
        }
    }

    private EventSender.Sent entryPosted(String account, long amount) {
        String data = "{\"account\":\"" + account + "\",\"amount\":" + amount + ",\"sequence\":1,\"addedLater\":true}";
        return events.send("ledger-events", account, "entry-posted", data);
    }

}
