package io.caseswarm.platform.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringSerializer;

import io.caseswarm.platform.event.KafkaConnection;

/**
 * The relay's Kafka producer: idempotent and acknowledged by all in-sync replicas, so a retried send
 * neither duplicates nor reorders records of a partition.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaConnection connection;
    private final OutboxConfig config;
    private Producer<String, String> producer;

    EventPublisher(KafkaConnection connection, OutboxConfig config) {
        this.connection = connection;
        this.config = config;
    }

    synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        try {
            return producer().send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sends what is buffered at once and waits for it; how each send went is in its future. */
    synchronized void flush() {
        if (producer != null) {
            try {
                producer.flush();
            } catch (InterruptException e) {
                // the relay is stopping; Kafka has set the thread's interrupt flag again, and the relay sees it
            }
        }
    }

    /** Drops the producer after a failure; the next send opens a fresh one. */
    synchronized void reset() {
        close();
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            int deliveryTimeout = (int) config.deliveryTimeout().toMillis();
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, deliveryTimeout / 2));
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, deliveryTimeout));
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(connection.with(settings));
        }
        return producer;
    }
}
