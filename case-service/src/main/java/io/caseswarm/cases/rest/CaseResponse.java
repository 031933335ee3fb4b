package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.projection.CaseSuggestions;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.projection.CaseView;

/**
 * A case as the API shows it. Lists leave out swarms and suggestions, and the tags and custom fields too:
 * those are staff's own, and a list is also what a customer reads of their cases.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(UUID id, String number, String subject, String description, Customer customer,
        Channel channel, String product, Priority priority, String category, List<String> tags,
        Map<String, Object> customFields, CaseStatus status, String ownerId, Resolution resolution,
        Instant openedAt, Instant resolvedAt, Instant reopenedAt, Instant closedAt, Instant updatedAt, long version, List<SwarmSummary> swarms,
        List<CaseSuggestions.Suggestion> suggestions) {

    public record SwarmSummary(UUID swarmId, String status, String question, List<String> memberIds) {
    }

    static CaseResponse summary(CaseView view) {
        return of(view, (List<SwarmSummary>) null, null).withoutStaffFields(null, null);
    }

    /** The full case: with the swarms working on it and the articles suggested for it. */
    static CaseResponse of(CaseView view, List<CaseSwarm> swarms, Optional<CaseSuggestions> suggestions) {
        return of(view, swarms.stream().map(s -> new SwarmSummary(s.swarmId, s.status, s.question, s.memberIds)).toList(),
                suggestions.map(found -> found.suggestions).orElse(List.of()));
    }

    /**
     * The case as its customer may see it: the swarm, the tags and the custom fields are the
     * organisation's own business, and of the suggested articles only the public ones are theirs to read.
     */
    CaseResponse forCustomer() {
        List<CaseSuggestions.Suggestion> publicOnes = suggestions == null ? null
                : suggestions.stream().filter(CaseSuggestions.Suggestion::isPublic).toList();
        return withoutStaffFields(swarms == null ? null : List.of(), publicOnes);
    }

    /** Without the tags and custom fields, showing only the swarms and suggestions given. */
    private CaseResponse withoutStaffFields(List<SwarmSummary> swarmsShown,
            List<CaseSuggestions.Suggestion> suggestionsShown) {
        return new CaseResponse(id, number, subject, description, customer, channel, product, priority, category,
                null, null, status, ownerId, resolution, openedAt, resolvedAt, reopenedAt, closedAt, updatedAt, version,
                swarmsShown, suggestionsShown);
    }

    private static CaseResponse of(CaseView view, List<SwarmSummary> swarms,
            List<CaseSuggestions.Suggestion> suggestions) {
        return new CaseResponse(view.id, view.number, view.subject, view.description,
                new Customer(view.customerId, view.customerName, view.customerEmail), view.channel, view.product,
                view.priority, view.category, view.tags, view.customFields, view.status, view.ownerId,
                view.resolutionSummary == null ? null : new Resolution(view.resolutionSummary, view.helpedBy),
                view.openedAt, view.resolvedAt, view.reopenedAt, view.closedAt, view.updatedAt, view.version,
                swarms, suggestions);
    }
}
