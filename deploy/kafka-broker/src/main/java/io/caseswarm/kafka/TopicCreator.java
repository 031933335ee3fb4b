package io.caseswarm.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the missing topics once the broker answers; existing topics are left as they are. */
final class TopicCreator {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final List<String> topics;
    private final int partitions;

    TopicCreator(String bootstrapServers, List<String> topics, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.partitions = partitions;
    }

    void createAll() {
        Instant giveUp = Instant.now().plus(DEADLINE);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000"))) {
            while (true) {
                try {
                    Set<String> existing = admin.listTopics().names().get();
                    List<NewTopic> missing = topics.stream()
                            .filter(topic -> !existing.contains(topic))
                            .map(topic -> new NewTopic(topic, partitions, (short) 1))
                            .toList();
                    admin.createTopics(missing).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw new IllegalStateException("Could not create topics " + topics, e);
                    }
                    sleep();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
