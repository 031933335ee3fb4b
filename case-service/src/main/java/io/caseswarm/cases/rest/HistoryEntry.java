package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.store.StoredEvent;

/** One event of a case's history, as it was published. */
public record HistoryEntry(UUID eventId, long version, String type, Instant occurredAt, JsonNode data) {

    static HistoryEntry of(StoredEvent event) {
        return new HistoryEntry(event.eventId(), event.version(), event.type(), event.occurredAt(), event.data());
    }

    /** A note among staff, with its files: never shown to the customer, here no more than in the conversation. */
    boolean isInternalMessage() {
        return "case-message-added".equals(type) && "internal".equals(data.path("visibility").asText());
    }
}
