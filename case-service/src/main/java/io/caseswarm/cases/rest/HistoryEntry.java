package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.store.StoredEvent;

/** One event of a case's history, as it was published. */
public record HistoryEntry(UUID eventId, long version, String type, Instant occurredAt, JsonNode data) {

    static HistoryEntry of(StoredEvent event) {
        return new HistoryEntry(event.eventId(), event.version(), event.type(), event.occurredAt(), event.data());
    }

    /** What of a case's life its customer sees: not how staff file it (tags, groups, links), nor their notes. */
    private static final Set<String> SHOWN_TO_CUSTOMERS = Set.of("case-opened", "case-assigned",
            "case-status-changed", "case-resolved", "case-reopened", "case-closed", "case-merged");

    /**
     * Whether the case's customer may see this entry: the moves of their case and its public messages.
     * Internal notes and the fields only staff keep never are, here no more than on the case itself.
     */
    boolean isForCustomer() {
        return SHOWN_TO_CUSTOMERS.contains(type)
                || "case-message-added".equals(type) && "public".equals(data.path("visibility").asText());
    }
}
