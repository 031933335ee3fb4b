package io.caseswarm.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as any subscriber in the enterprise would, with a plain Kafka consumer.
 * Every record read from a topic that docs/asyncapi.yaml describes is held to that {@link EventContract}
 * on arrival, so every test that reads what a service published also checks it against the contract.
 */
public final class TopicReader implements AutoCloseable {

    private static EventContract contract;

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    /** Null for topics that the contract does not describe (a platform test's own, dead letters). */
    private final EventContract checkedAgainst;

    public TopicReader(String bootstrapServers, String topic) {
        checkedAgainst = contract().describes(topic) ? contract() : null;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until the records read so far satisfy {@code done} or the timeout passes, and returns all
     * records read so far (in partition order; across partitions in arrival order).
     */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(seen) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::receive);
        }
        return List.copyOf(seen);
    }

    /** The records with the given key (aggregate id), once {@code count} of them have arrived or the time is up. */
    public List<ConsumerRecord<String, String>> readForKey(String key, int count, Duration timeout) {
        return readUntil(records -> records.stream().filter(r -> key.equals(r.key())).count() >= count, timeout)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private void receive(ConsumerRecord<String, String> record) {
        if (checkedAgainst != null) {
            checkedAgainst.check(record);
        }
        seen.add(record);
    }

    /** Loaded once per test JVM: the document does not change while tests run. */
    private static synchronized EventContract contract() {
        if (contract == null) {
            contract = EventContract.load();
        }
        return contract;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
