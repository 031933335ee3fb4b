package io.caseswarm.platform.store;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as kept in a service's event store: {@code version} is its place in its stream (1, 2, …),
 * {@code position} its place in the whole store (gaps are possible, the order is what counts).
 */
public record StoredEvent(long position, UUID eventId, String streamType, String streamId, long version,
        String type, int schemaVersion, JsonNode data, Instant occurredAt) {
}
