package io.caseswarm.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * How a consumer group shares a topic's partitions, as the broker tells it: one number per member that
 * consumes the topic, the partitions it holds. Each replica of a service has one consumer per topic in a
 * group, so three replicas sharing six partitions show as [2, 2, 2].
 */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** The partitions of {@code topic} each member of {@code group} holds, largest first; empty if none holds any. */
    List<Integer> spread(String group, String topic) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(10, TimeUnit.SECONDS);
            List<Integer> held = new ArrayList<>();
            for (MemberDescription member : description.members()) {
                int count = (int) member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(topic)).count();
                if (count > 0) {
                    held.add(count);
                }
            }
            held.sort((a, b) -> b - a);
            return held;
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until {@code members} consumers share all of the topic's {@code partitions} as evenly as they can, and
     * answers how long that took; fails with what the group looked like last if it does not happen in time.
     */
    Duration awaitSpread(String group, String topic, int members, int partitions, Duration patience) {
        List<Integer> expected = evenly(partitions, members);
        Instant start = Instant.now();
        List<Integer> seen = List.of();
        while (Duration.between(start, Instant.now()).compareTo(patience) < 0) {
            seen = spread(group, topic);
            if (seen.equals(expected)) {
                return Duration.between(start, Instant.now());
            }
            sleep();
        }
        throw new IllegalStateException("%s did not share %s among %d consumers within %s: %s (expected %s)"
                .formatted(group, topic, members, patience, seen, expected));
    }

    /** Six partitions over three consumers: [2, 2, 2]; over four: [2, 2, 1, 1]. */
    static List<Integer> evenly(int partitions, int members) {
        List<Integer> shares = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            shares.add(partitions / members + (i < partitions % members ? 1 : 0));
        }
        return shares;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
