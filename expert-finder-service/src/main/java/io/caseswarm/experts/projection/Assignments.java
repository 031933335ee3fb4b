package io.caseswarm.experts.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.index.DirectoryIndex;

/**
 * The one way people's load changes: each swarm a person is held in, or let go from, is written to
 * {@code expert_assignment} and told to the {@link DirectoryIndex}, which counts it once the transaction commits.
 */
@ApplicationScoped
public class Assignments {

    private final DirectoryIndex index;

    Assignments(DirectoryIndex index) {
        this.index = index;
    }

    /** The swarm holds the person ({@code status}: pending, joined or added); one more unit of their load. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExpertAssignment hold(UUID swarmId, String personId, String status) {
        ExpertAssignment assignment = new ExpertAssignment();
        assignment.swarmId = swarmId;
        assignment.personId = personId;
        assignment.status = status;
        assignment.persist();
        index.loadChanged(personId, 1);
        return assignment;
    }

    /** As {@link ExpertAssignment#release}: false when the swarm did not hold the person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(UUID swarmId, String personId) {
        boolean released = ExpertAssignment.release(swarmId, personId);
        if (released) {
            index.loadChanged(personId, -1);
        }
        return released;
    }

    /** The swarm closed: everyone it held is free. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseAll(UUID swarmId) {
        ExpertAssignment.peopleIn(swarmId).forEach(personId -> index.loadChanged(personId, -1));
        ExpertAssignment.delete("swarmId", swarmId);
    }
}
