package io.caseswarm.cases.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.projection.CaseView;

/**
 * One case in a customer's history: what it was about, where it stands, and how long it took to resolve
 * (an ISO 8601 duration such as {@code PT3H12M}).
 */
public record CustomerCase(UUID id, String number, String subject, CaseStatus status, Priority priority,
        String product, Instant openedAt, Instant resolvedAt, String timeToResolution) {

    static CustomerCase of(CaseView view) {
        return new CustomerCase(view.id, view.number, view.subject, view.status, view.priority, view.product,
                view.openedAt, view.resolvedAt,
                view.resolvedAt == null ? null : Duration.between(view.openedAt, view.resolvedAt).toString());
    }
}
