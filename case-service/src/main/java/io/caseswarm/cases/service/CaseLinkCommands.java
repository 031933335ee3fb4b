package io.caseswarm.cases.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.domain.CaseRelation;
import io.caseswarm.cases.service.CaseStreams.BothCases;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;

/**
 * The commands that concern two cases: linking them and merging a duplicate into its survivor. Each
 * decides on both aggregates and records on both streams in one transaction, so that a link is never on
 * one case only. Who may act is decided by the first case, the one the request is made on.
 */
@ApplicationScoped
@RetryOnConflict
public class CaseLinkCommands {

    private final CaseStreams streams;

    CaseLinkCommands(CaseStreams streams) {
        this.streams = streams;
    }

    /**
     * Links the case to {@code otherId} by a relation staff choose ({@code relates-to}, {@code caused-by});
     * the other case records the inverse. The case's owner or a lead links it.
     */
    @Transactional
    public void link(UUID caseId, CaseRelation relation, UUID otherId, Caller caller) {
        if (!relation.isLinkedByHand()) {
            throw new InvalidFieldException("relation", "one of relates-to, caused-by; a duplicate is merged"
                    + " (POST /cases/{id}/merge), which records duplicate-of");
        }
        if (caseId.equals(otherId)) {
            throw new InvalidFieldException("case", "is this case itself; a case is linked to another one");
        }
        Instant now = streams.now();
        streams.decideBoth(caseId, otherId, (first, other) -> {
            CaseCommands.requireOwnerOrLead(first, caller, "links it to other cases");
            return new BothCases(first.link(relation, other, caller.id(), now),
                    other.link(relation.inverse(), first, caller.id(), now));
        });
    }

    /**
     * Merges the duplicate into the survivor: the duplicate is closed by {@code case-merged}, the survivor
     * records a {@code duplicated-by} link and shows the duplicate's conversation. The duplicate's owner or
     * a lead merges it.
     */
    @Transactional
    public void merge(UUID duplicateId, UUID survivorId, Caller caller) {
        Instant now = streams.now();
        streams.decideBoth(duplicateId, survivorId, (duplicate, survivor) -> {
            CaseCommands.requireOwnerOrLead(duplicate, caller, "merges it into another case");
            return new BothCases(duplicate.mergeInto(survivor, caller.id(), now),
                    survivor.link(CaseRelation.DUPLICATED_BY, duplicate, caller.id(), now));
        });
    }
}
