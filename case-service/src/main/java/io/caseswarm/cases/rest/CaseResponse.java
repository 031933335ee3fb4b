package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.projection.CaseView;

/** A case as the API shows it. */
public record CaseResponse(UUID id, String number, String subject, String description, Customer customer,
        Channel channel, String product, Priority priority, CaseStatus status, Instant openedAt, Instant updatedAt,
        long version) {

    static CaseResponse of(CaseView view) {
        return new CaseResponse(view.id, view.number, view.subject, view.description,
                new Customer(view.customerId, view.customerName, view.customerEmail), view.channel, view.product,
                view.priority, view.status, view.openedAt, view.updatedAt, view.version);
    }
}
