package io.caseswarm.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays another service in a test: sends CloudEvents (binary mode) to a topic with a plain Kafka
 * producer. The headers are written here by hand, not by the platform's code, so that the tests
 * hold the services to the wire format itself. {@link RealInfrastructure} injects one into fields of
 * this type.
 */
public final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Sends a new event (a fresh {@code ce_id}) about {@code subject}, keyed by it; returns it for redelivery. */
    public Sent send(String topic, String subject, String type, String json) {
        Sent event = new Sent(topic, UUID.randomUUID(), subject, type, json);
        redeliver(event);
        return event;
    }

    /** Sends the very same event again, as a broker or producer retry would. */
    public void redeliver(Sent event) {
        sendAndWait(recordOf(event));
    }

    /**
     * The record {@link #send} would send for {@code event}, for a test to add headers to (a schema
     * version, a dead-letter reason) before {@link #sendRaw sending it}.
     */
    public ProducerRecord<String, String> recordOf(Sent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.subject(), event.json());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.id().toString());
        header(record, "ce_type", event.type());
        header(record, "ce_source", "test");
        header(record, "ce_subject", event.subject());
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** Sends a record as it is: for records that are not CloudEvents at all. */
    public void sendRaw(ProducerRecord<String, String> record) {
        sendAndWait(record);
    }

    private void sendAndWait(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }

    public record Sent(String topic, UUID id, String subject, String type, String json) {
    }
}
