package io.caseswarm.platform.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

import io.caseswarm.platform.event.KafkaAdmins;
import io.caseswarm.platform.event.KafkaConnection;
import io.caseswarm.platform.metrics.ServiceGauges;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;

/**
 * How many records wait in each dead-letter topic this service writes to: those after the last
 * {@link DeadLetterRedrive redrive}. {@code caseswarm_dead_letter_depth{topic}}; -1 while the broker
 * cannot say. Read from the broker at most every {@value #FRESH_SECONDS} seconds, however often scraped.
 */
@ApplicationScoped
public class DeadLetterDepth {

    private static final int FRESH_SECONDS = 10;
    private static final int TIMEOUT_MS = 3_000;
    private static final String DLQ_TOPIC_PROPERTY = ".dead-letter-queue.topic";

    private final KafkaConnection connection;
    private final Set<String> topics;
    private Admin admin;
    private Map<String, Long> depths = Map.of();
    private long readAt;

    DeadLetterDepth(KafkaConnection connection, Config config) {
        this.connection = connection;
        this.topics = deadLetterTopics(config);
    }

    /** At start: the gauges exist before anyone asks, and are read from the broker when scraped. */
    void register(@Observes StartupEvent startup, ServiceGauges gauges) {
        for (String topic : topics) {
            gauges.register(Gauge.builder("caseswarm.dead.letter.depth", this,
                    depth -> depth.depths().getOrDefault(topic, -1L))
                    .tag("topic", topic)
                    .description("Records waiting in the dead-letter topic since the last redrive"));
        }
    }

    /** Each dead-letter topic of this service with its depth (-1: unknown, the broker did not answer). */
    public synchronized Map<String, Long> depths() {
        if (System.currentTimeMillis() - readAt > FRESH_SECONDS * 1000L) {
            depths = read();
            readAt = System.currentTimeMillis();
        }
        return depths;
    }

    /** The next look reads the broker again: after a redrive, the old figures are wrong. */
    public synchronized void forget() {
        readAt = 0;
    }

    private Map<String, Long> read() {
        Map<String, Long> read = new TreeMap<>();
        topics.forEach(topic -> read.put(topic, -1L));
        try {
            Map<String, TopicDescription> described = admin().describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(
                    partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResultInfo> end = admin().listOffsets(latest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> redriven = admin()
                    .listConsumerGroupOffsets(DeadLetterRedrive.GROUP).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            latest.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResultInfo> start = admin().listOffsets(earliest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            described.keySet().forEach(topic -> read.put(topic, 0L));
            end.forEach((partition, info) -> {
                OffsetAndMetadata done = redriven.get(partition);
                long from = Math.max(start.get(partition).offset(), done == null ? 0 : done.offset());
                read.merge(partition.topic(), Math.max(0, info.offset() - from), Long::sum);
            });
        } catch (ExecutionException | TimeoutException e) {
            // Unknown for now (a topic not created yet, the broker away): -1 says so.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return read;
    }

    /** The {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic} values of this service. */
    private static Set<String> deadLetterTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(DLQ_TOPIC_PROPERTY))
                .forEach(name -> config.getOptionalValue(name, String.class).ifPresent(topics::add));
        return topics;
    }

    private Admin admin() {
        if (admin == null) {
            admin = KafkaAdmins.quick(connection, "dead-letter-depth", TIMEOUT_MS);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
