package io.caseswarm.platform.event;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * An event as it crosses Kafka: CloudEvents attributes plus the JSON payload. The record key is the
 * subject (the aggregate id), so all events of one aggregate land on one partition, in order.
 */
public record CloudEvent(UUID id, String type, String source, String subject, Instant time, int schemaVersion,
        String data) {

    public ProducerRecord<String, String> toRecord(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, data);
        Headers headers = record.headers();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(id.toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        headers.add(CloudEventHeaders.SCHEMA_VERSION, bytes(String.valueOf(schemaVersion)));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return record;
    }

    /** Reads a binary-mode CloudEvent; anything that is not one is rejected with the reason. */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new MalformedEventException("Unsupported " + CloudEventHeaders.SPEC_VERSION + " " + specVersion);
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("The record has no payload");
        }
        try {
            return new CloudEvent(
                    UUID.fromString(required(headers, CloudEventHeaders.ID)),
                    required(headers, CloudEventHeaders.TYPE),
                    required(headers, CloudEventHeaders.SOURCE),
                    required(headers, CloudEventHeaders.SUBJECT),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)),
                    Integer.parseInt(optional(headers, CloudEventHeaders.SCHEMA_VERSION, "1")),
                    record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("Malformed CloudEvents attribute: " + e.getMessage());
        }
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name, null);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name, String fallback) {
        String value = header(headers, name);
        return value == null ? fallback : value;
    }

    /** The last value of a header as text, or null: for this envelope's headers and those beside it. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
