package io.caseswarm.platform.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.event.CloudEventHeaders;
import io.caseswarm.platform.event.EventTopics;
import io.caseswarm.platform.event.KafkaConnection;
import io.caseswarm.platform.event.TopicHistory;

/**
 * Puts dead-lettered records back on the topic they came from, after whatever made them fail has been
 * fixed. Each record goes back as it was (key, value, CloudEvents headers; the dead-letter headers
 * dropped), so every consumer of the topic sees it again and applies it unless it already has: the
 * inboxes skip an event whose {@code ce_id} they applied, which makes a redrive safe to repeat.
 *
 * <p>What was redriven is remembered as the committed offsets of the {@value #GROUP} consumer group on
 * the dead-letter topic, so the next redrive starts after it, and the dead-letter depth counts only
 * what still waits. A redrive takes what the topic holds when it starts; what arrives meanwhile waits
 * for the next one.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    public static final String GROUP = "caseswarm-redrive";
    /** The connector's dead-letter headers: why and where from. They do not go back with the record. */
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,100}-events");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int LISTED = 200;
    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    private final KafkaConnection connection;

    DeadLetterRedrive(KafkaConnection connection) {
        this.connection = connection;
    }

    /** One redrive at a time in this process; two processes redriving at once only repeat what is skipped. */
    public synchronized RedriveReport redrive(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new BadRequestException("'" + topic + "' is not an event topic (<aggregate>-events)");
        }
        String deadLetterTopic = EventTopics.deadLetterFor(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            List<TopicPartition> partitions = partitionsOf(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            RedriveReport.Builder report = new RedriveReport.Builder(topic, deadLetterTopic, LISTED);
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!TopicHistory.caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + deadLetterTopic + " to its end within " + PATIENCE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        sends.add(producer.send(redriven(topic, record)));
                        report.add(header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
                                header(record, CloudEventHeaders.SUBJECT), header(record, "dead-letter-reason"));
                    }
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            // Only once the broker has every record back on its topic is the redrive remembered as done.
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
            RedriveReport result = report.build();
            LOG.infof("Redrove %d records from %s to %s: %s", result.redriven(), deadLetterTopic, topic, result.byType());
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not put the records of " + deadLetterTopic + " back on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while redriving " + deadLetterTopic, e);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(PATIENCE);
        List<PartitionInfo> partitions = topics.get(topic);
        if (partitions == null || partitions.isEmpty()) {
            throw new NotFoundException("There is no dead-letter topic " + topic);
        }
        return partitions.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static ProducerRecord<byte[], byte[]> redriven(String topic, ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        // Same key, so the same partition as the original and the aggregate's other events.
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEvent.header(record.headers(), name);
    }

    private Map<String, Object> consumerConfig() {
        return connection.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private Map<String, Object> producerConfig() {
        return connection.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, GROUP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** What a redrive did: how many records went back, of which types, and the first few by id. */
    public record RedriveReport(String topic, String deadLetterTopic, int redriven, Map<String, Integer> byType,
            List<Redriven> records) {

        public record Redriven(String eventId, String type, String subject, String deadLetterReason) {
        }

        static final class Builder {
            private final String topic;
            private final String deadLetterTopic;
            private final int listed;
            private final Map<String, Integer> byType = new TreeMap<>();
            private final List<Redriven> records = new ArrayList<>();
            private int redriven;

            Builder(String topic, String deadLetterTopic, int listed) {
                this.topic = topic;
                this.deadLetterTopic = deadLetterTopic;
                this.listed = listed;
            }

            void add(String eventId, String type, String subject, String reason) {
                redriven++;
                byType.merge(type == null ? "(not a CloudEvent)" : type, 1, Integer::sum);
                if (records.size() < listed) {
                    records.add(new Redriven(eventId, type, subject, reason));
                }
            }

            RedriveReport build() {
                return new RedriveReport(topic, deadLetterTopic, redriven, java.util.Collections.unmodifiableMap(byType), List.copyOf(records));
            }
        }
    }
}
