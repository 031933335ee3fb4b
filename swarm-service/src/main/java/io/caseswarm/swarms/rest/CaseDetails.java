package io.caseswarm.swarms.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caseswarm.swarms.projection.CaseRoom;
import io.caseswarm.swarms.projection.KnownCase;

/**
 * The key details of a swarm's case, shown in the swarm's room next to the feed, as case-service's events
 * last told them: {@code customer} with the name (and organisation, when case events carry one),
 * {@code sla} each milestone's state ({@code running}, {@code warning}, {@code breached}, {@code met},
 * {@code met-late}) with its due time, and the latest five public messages, oldest first. Null parts
 * were never told.
 */
public record CaseDetails(UUID id, String number, String subject, Customer customer, String priority,
        String status, Map<String, CaseRoom.Milestone> sla, List<CaseRoom.PublicMessage> latestMessages) {

    public record Customer(String name, String organisation) {
    }

    /** Null when swarm-service never heard of the case. */
    static CaseDetails of(UUID caseId) {
        KnownCase known = KnownCase.findById(caseId);
        if (known == null) {
            return null;
        }
        CaseRoom room = CaseRoom.findById(caseId);
        return new CaseDetails(caseId, known.number, known.subject,
                room == null || room.customerName == null ? null
                        : new Customer(room.customerName, room.customerOrganisation),
                known.priority, known.status, room == null ? Map.of() : room.sla,
                room == null ? List.of() : room.latestMessages);
    }
}
