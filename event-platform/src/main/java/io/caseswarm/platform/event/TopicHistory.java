package io.caseswarm.platform.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic's history as it stands when the reading starts: every record from the beginning of each partition up to
 * its end offset then, in partition order, read without a consumer group (nothing is committed, no group's position
 * moves). For rebuilding a read model from the events.
 */
public final class TopicHistory {

    private TopicHistory() {
    }

    /** Hands each record to {@code each}; answers how many there were. A topic that does not exist has no history. */
    public static long read(KafkaConnection connection, String topic, Duration patience,
            Consumer<ConsumerRecord<String, String>> each) {
        return readPages(connection, topic, patience, page -> page.forEach(each));
    }

    /**
     * As {@link #read}, a page at a time (the records of one poll, in order within each partition), for a reader
     * that does its work for many records at once.
     */
    public static long readPages(KafkaConnection connection, String topic, Duration patience,
            Consumer<List<ConsumerRecord<String, String>>> eachPage) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(connection.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Pages large enough that a reader's work per page (a statement or two) is spread over many records.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)))) {
            List<PartitionInfo> infos = consumer.listTopics(patience).get(topic);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            long deadline = System.nanoTime() + patience.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + patience);
                }
                List<ConsumerRecord<String, String>> page = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        page.add(record);
                    }
                }
                if (!page.isEmpty()) {
                    eachPage.accept(page);
                    read += page.size();
                }
            }
            return read;
        }
    }

    /** Whether the consumer has read every assigned partition up to {@code end}. */
    public static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
