package io.caseswarm.system;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumers are behind the topics they read: per consumer group, the records
 * between its committed offsets and the partitions' ends. What the suite waits on before a latency
 * benchmark (a backlog of an earlier one would be measured too) and samples for a sustained rate.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records not yet consumed, per consumer group (the benchmark's own readers have none). */
    Map<String, Long> byGroup() {
        try {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = new HashMap<>(
                        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS));
                long behind = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the consumer groups' lag", e);
        }
    }

    long total() {
        return byGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until every group has caught up; returns how long that took. */
    Duration awaitCaughtUp(Duration patience) {
        long start = System.nanoTime();
        long giveUp = start + patience.toNanos();
        for (Map<String, Long> lag = byGroup(); lag.values().stream().anyMatch(behind -> behind > 0); lag = byGroup()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("The consumers did not catch up within " + patience + ": " + lag);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
