package io.caseswarm.cases.domain;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * Everything that can happen to a case. Published on {@code case-events}, keyed by the case id. Each
 * event carries what its subscribers need, so that none of them has to call back.
 */
public sealed interface CaseEvent {

    UUID caseId();

    /** A case arrived. */
    @EventType("case-opened")
    record CaseOpened(UUID caseId, String number, String subject, String description, Customer customer,
            Channel channel, String product, Priority priority, Instant openedAt) implements CaseEvent {
    }

    /** The case got its owner, who keeps it until it is resolved. */
    @EventType("case-assigned")
    record CaseAssigned(UUID caseId, String number, String ownerId, Instant assignedAt) implements CaseEvent {
    }

    /** The owner resolved the case; carries the problem and the fix for whoever captures knowledge or tells the customer. */
    @EventType("case-resolved")
    record CaseResolved(UUID caseId, String number, String subject, String description, String product,
            Customer customer, String ownerId, Resolution resolution, Instant resolvedAt) implements CaseEvent {
    }
}
