package io.caseswarm.platform.inbox;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.event.ReadsUpToVersion;

/**
 * An event another service published, as a consumer sees it. Consumers read the payload into records
 * of their own ({@link #dataAs}), taking only the fields they need: a tolerant reader.
 */
public final class ReceivedEvent {

    private final CloudEvent cloudEvent;
    private final JsonNode data;
    private final ObjectMapper json;

    ReceivedEvent(CloudEvent cloudEvent, ObjectMapper json) {
        this.cloudEvent = cloudEvent;
        this.json = json;
        try {
            this.data = json.readTree(cloudEvent.data());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of " + cloudEvent.type() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Payload of " + cloudEvent.type() + " is not a JSON object");
        }
    }

    public UUID id() {
        return cloudEvent.id();
    }

    public String type() {
        return cloudEvent.type();
    }

    public String source() {
        return cloudEvent.source();
    }

    /** The aggregate the event is about (also the record key). */
    public String subject() {
        return cloudEvent.subject();
    }

    public Instant time() {
        return cloudEvent.time();
    }

    public int schemaVersion() {
        return cloudEvent.schemaVersion();
    }

    public JsonNode data() {
        return data;
    }

    /**
     * The payload as the consumer's own record {@code type}. A version newer than {@code type} reads
     * ({@link ReadsUpToVersion}, else 1) is refused as malformed: it goes to the dead-letter topic.
     */
    public <T> T dataAs(Class<T> type) {
        ReadsUpToVersion reads = type.getAnnotation(ReadsUpToVersion.class);
        int newestUnderstood = reads == null ? 1 : reads.value();
        if (schemaVersion() > newestUnderstood) {
            throw new MalformedEventException(type() + " is version " + schemaVersion() + "; this consumer reads up to"
                    + " version " + newestUnderstood + " (redrive it once the consumer has learnt the new version)");
        }
        try {
            // Tolerant reader: fields a newer producer added are ignored.
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of " + type() + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}
