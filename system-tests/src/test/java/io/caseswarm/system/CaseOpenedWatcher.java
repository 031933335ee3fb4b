package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;
import io.caseswarm.testing.TopicReader;

/**
 * Reads {@code case-events} on a thread of its own for as long as the benchmark runs, as any subscriber
 * would, and notes for each case opened from a mail (by the mail's Message-ID) three instants: when the
 * case was opened (its {@code openedAt}, inside the intake transaction), when the record was sent to Kafka
 * (the record's timestamp, set by case-service's outbox relay as it sends) and when this subscriber saw it.
 * All three come from this machine's one clock; the record timestamp is whole milliseconds.
 */
final class CaseOpenedWatcher implements AutoCloseable {

    /** One case-opened record for a mail. */
    record Opened(Instant openedAt, Instant sentToKafka, Instant seen) {
    }

    private static final String TOPIC = "case-events";

    private final Map<String, Opened> byMessageId = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean stopping;
    private volatile RuntimeException failure;

    CaseOpenedWatcher(String bootstrapServers) {
        reader = Thread.ofPlatform().name("case-opened-watcher").daemon().start(() -> read(bootstrapServers));
    }

    /**
     * TopicReader hands its predicate the records read so far after every poll, so the predicate is where
     * each new record is noted, with the instant the poll returned it: that is when a subscriber has it.
     */
    private void read(String bootstrapServers) {
        try (TopicReader topic = new TopicReader(bootstrapServers, TOPIC)) {
            int[] noted = { 0 };
            topic.readUntil(records -> {
                Instant now = Instant.now();
                for (; noted[0] < records.size(); noted[0]++) {
                    note(records.get(noted[0]), now);
                }
                return stopping;
            }, Duration.ofDays(1));
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void note(ConsumerRecord<String, String> record, Instant seen) {
        if (!"case-opened".equals(TopicReader.header(record, "ce_type"))) {
            return;
        }
        JsonNode event = parse(record.value());
        String messageId = event.path("email").path("messageId").asText(null);
        if (messageId != null) {
            // At-least-once: a record sent twice keeps the instant it was first seen.
            byMessageId.putIfAbsent(messageId, new Opened(Instant.parse(event.get("openedAt").asText()),
                    Instant.ofEpochMilli(record.timestamp()), seen));
        }
    }

    Optional<Opened> openedFor(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    /** How many of the mails already have their case-opened on the topic. */
    long countOpened(Collection<String> messageIds) {
        throwIfFailed();
        return messageIds.stream().filter(byMessageId::containsKey).count();
    }

    /** The mails among {@code messageIds} whose case-opened has not been seen yet. */
    List<String> missing(Collection<String> messageIds) {
        throwIfFailed();
        return messageIds.stream().filter(id -> !byMessageId.containsKey(id)).toList();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("Reading " + TOPIC + " failed", failure);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        reader.join(Duration.ofSeconds(10));
    }
}
