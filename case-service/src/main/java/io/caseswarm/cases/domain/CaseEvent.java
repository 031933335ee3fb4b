package io.caseswarm.cases.domain;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/** Everything that can happen to a case. Published on {@code case-events}, keyed by the case id. */
public sealed interface CaseEvent {

    UUID caseId();

    /** A case arrived. Carries all a subscriber needs to act on it without calling back. */
    @EventType("case-opened")
    record CaseOpened(UUID caseId, String number, String subject, String description, Customer customer,
            Channel channel, String product, Priority priority, Instant openedAt) implements CaseEvent {
    }
}
