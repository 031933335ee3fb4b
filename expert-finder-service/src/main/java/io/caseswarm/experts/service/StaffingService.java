package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.ExpertEvent;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;
import io.caseswarm.experts.domain.Staffing;
import io.caseswarm.experts.domain.SwarmRequest;
import io.caseswarm.experts.projection.ExpertAssignment;
import io.caseswarm.experts.projection.ExpertProjector;
import io.caseswarm.experts.projection.SwarmStaffing;
import io.caseswarm.platform.store.EventStore;

/**
 * Staffs swarms as they are requested and answered. Invitations form the swarm's stream in the
 * expert finder's store (keyed by the swarm), so who was invited before is known from its events.
 */
@ApplicationScoped
public class StaffingService {

    private final EventStore store;
    private final ExpertProjector projector;
    private final ExpertDirectory directory;
    private final Clock clock;

    StaffingService(EventStore store, ExpertProjector projector, ExpertDirectory directory, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void swarmRequested(SwarmRequest request) {
        SwarmStaffing staffing = new SwarmStaffing();
        staffing.swarmId = request.swarmId();
        staffing.caseId = request.caseId();
        staffing.ownerId = request.ownerId();
        staffing.skills = request.skills();
        staffing.teamSize = request.teamSize();
        staffing.caseNumber = request.caseNumber();
        staffing.question = request.question();
        staffing.open = true;
        staffing.persist();
        invite(request, request.teamSize());
    }

    /** A decline frees the person and makes room on the team: the next best candidate is asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(UUID swarmId, String personId) {
        release(swarmId, personId);
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null && staffing.open) {
            invite(staffing.request(), 1);
        }
    }

    /**
     * The swarm followed its case to a new owner: whoever is asked next must not be the owner, as at the
     * start. Who was invited already stays invited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownerChanged(UUID swarmId, String ownerId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null) {
            staffing.ownerId = ownerId;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(UUID swarmId, String personId) {
        ExpertAssignment assignment = ExpertAssignment.findById(new ExpertAssignment.Key(swarmId, personId));
        if (assignment != null) {
            assignment.status = ExpertAssignment.JOINED;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void left(UUID swarmId, String personId) {
        release(swarmId, personId);
    }

    /** A closed swarm asks nobody else, and everyone it held is free again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID swarmId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null) {
            staffing.open = false;
        }
        ExpertAssignment.delete("swarmId", swarmId);
    }

    private void invite(SwarmRequest request, int howMany) {
        List<ExpertEvent> history = store.load(request.swarmId().toString(), ExpertProjector.TYPES);
        Set<String> invitedBefore = history.stream()
                .map(event -> ((ExpertInvited) event).personId())
                .collect(Collectors.toSet());
        List<ExpertInvited> invitations = Staffing.invite(request, invitedBefore,
                directory.candidates(request.skills()), howMany, clock.instant());
        projector.project(store.append(DirectoryCommands.STREAM_TYPE, request.swarmId().toString(), history.size(),
                invitations));
    }

    private static void release(UUID swarmId, String personId) {
        ExpertAssignment.delete("swarmId = ?1 and personId = ?2", swarmId, personId);
    }
}
