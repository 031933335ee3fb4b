package io.caseswarm.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;

/**
 * Whether a topic carries each aggregate's events in the order its service stored them. The versions come
 * from the service's own event store (each event's {@code version} in its stream); on the topic, the first
 * record of each event id must follow its aggregate's previous one by exactly one version. A record whose
 * event id came before is a republication (the relay publishes at least once) and is counted, not judged:
 * consumers skip it by its id.
 */
final class AggregateOrder {

    /** What one topic showed; {@code outOfOrder} names the first few aggregates whose events came out of order. */
    record Finding(String topic, int aggregates, int events, int republished, List<String> outOfOrder) {

        String summary() {
            return "%-16s %6d aggregates %7d events in order %s, %d republished".formatted(topic, aggregates, events,
                    outOfOrder.isEmpty() ? "(all)" : "EXCEPT " + outOfOrder, republished);
        }
    }

    private AggregateOrder() {
    }

    static Finding check(String topic, List<ConsumerRecord<String, String>> records, TestDatabase store) {
        Map<String, Long> versions = versions(store);
        Map<String, Long> last = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> outOfOrder = new ArrayList<>();
        int republished = 0, events = 0;
        for (ConsumerRecord<String, String> record : records) {
            String id = TopicReader.header(record, "ce_id");
            if (!seen.add(id)) {
                republished++;
                continue;
            }
            events++;
            Long version = versions.get(id);
            long expected = last.getOrDefault(record.key(), 0L) + 1;
            if (version == null || version != expected) {
                if (outOfOrder.size() < 5) {
                    outOfOrder.add("%s: event %s is version %s where %d was due".formatted(record.key(), id, version,
                            expected));
                }
            } else {
                last.put(record.key(), version);
            }
        }
        return new Finding(topic, last.size(), events, republished, outOfOrder);
    }

    private static Map<String, Long> versions(TestDatabase store) {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select event_id::text, version from events")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store: " + e.getMessage(), e);
        }
        return versions;
    }
}
