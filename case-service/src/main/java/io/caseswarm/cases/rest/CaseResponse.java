package io.caseswarm.cases.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.caseswarm.cases.projection.LinkedCase;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.cases.sla.SlaState;

/**
 * A case as the API shows it. Lists leave out swarms and suggestions, and the tags, custom fields and
 * links too: a list is for finding cases, and reading one shows the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(UUID id, String number, String subject, String description, Customer customer,
        Channel channel, String product, Priority priority, String category, List<String> tags,
        Map<String, Object> customFields, CaseStatus status, String ownerId, String groupId, Resolution resolution,
        Instant openedAt, Instant resolvedAt, Instant reopenedAt, Instant closedAt, Instant updatedAt, long version,
        List<LinkedCase> links, MergedInto mergedInto, List<SwarmSummary> swarms,
        List<CaseSuggestions.Suggestion> suggestions, List<SlaEntry> sla) {

    /**
     * One SLA milestone as it stands when the case is read: {@code remaining} is business time (ISO 8601),
     * {@code dueAt} absent while the milestone is paused.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlaEntry(SlaMilestone milestone, Instant dueAt, String remaining, SlaState state) {

        static List<SlaEntry> of(CaseView view, Instant now) {
            return view.sla().map(sla -> sla.clock().at(now).stream()
                    .map(status -> new SlaEntry(status.milestone(), status.dueAt(), status.remaining().truncatedTo(ChronoUnit.SECONDS).toString(),
                            status.state()))
                    .toList()).orElse(List.of());
        }
    }

    public record SwarmSummary(UUID swarmId, String status, String question, List<String> memberIds) {
    }

    /** The survivor a duplicate was merged into, where its conversation goes on. */
    public record MergedInto(UUID caseId, String number) {
    }

    static CaseResponse summary(CaseView view) {
        CaseResponse full = of(view, (List<SwarmSummary>) null, null, null);
        return full.showing(null, null, full.groupId, null, full.mergedInto, null, null, null);
    }

    /** The full case: with the swarms working on it, the articles suggested for it and its SLA at {@code now}. */
    static CaseResponse of(CaseView view, List<CaseSwarm> swarms, Optional<CaseSuggestions> suggestions,
            Instant now) {
        return of(view, swarms.stream().map(s -> new SwarmSummary(s.swarmId, s.status, s.question, s.memberIds)).toList(),
                suggestions.map(found -> found.suggestions).orElse(List.of()), SlaEntry.of(view, now));
    }

    /**
     * The case as its customer may see it: the swarm, the tags, the custom fields, the group and the links
     * to other cases (which may be other customers') are the organisation's own business, so are the SLA's
     * warnings and breaches, and of the suggested articles only the public ones are theirs to read.
     */
    CaseResponse forCustomer() {
        List<CaseSuggestions.Suggestion> publicOnes = suggestions == null ? null
                : suggestions.stream().filter(CaseSuggestions.Suggestion::isPublic).toList();
        return showing(null, null, null, null, null, swarms == null ? null : List.of(), publicOnes, null);
    }

    /** This case with only the staff fields, swarms and suggestions given. */
    private CaseResponse showing(List<String> tagsShown, Map<String, Object> customFieldsShown, String groupShown,
            List<LinkedCase> linksShown, MergedInto mergedIntoShown, List<SwarmSummary> swarmsShown,
            List<CaseSuggestions.Suggestion> suggestionsShown, List<SlaEntry> slaShown) {
        return new CaseResponse(id, number, subject, description, customer, channel, product, priority, category,
                tagsShown, customFieldsShown, status, ownerId, groupShown, resolution, openedAt, resolvedAt, reopenedAt,
                closedAt, updatedAt, version, linksShown, mergedIntoShown, swarmsShown, suggestionsShown, slaShown);
    }

    private static CaseResponse of(CaseView view, List<SwarmSummary> swarms,
            List<CaseSuggestions.Suggestion> suggestions, List<SlaEntry> sla) {
        return new CaseResponse(view.id, view.number, view.subject, view.description,
                new Customer(view.customerId, view.customerName, view.customerEmail), view.channel, view.product,
                view.priority, view.category, view.tags, view.customFields, view.status, view.ownerId, view.groupId,
                view.resolutionSummary == null ? null : new Resolution(view.resolutionSummary, view.helpedBy),
                view.openedAt, view.resolvedAt, view.reopenedAt, view.closedAt, view.updatedAt, view.version,
                view.links, view.mergedIntoId == null ? null : new MergedInto(view.mergedIntoId, view.mergedIntoNumber),
                swarms, suggestions, sla);
    }
}
