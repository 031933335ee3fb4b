package io.caseswarm.experts.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.projection.StaffingDecision;
import io.caseswarm.experts.projection.SwarmStaffing;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * Why a swarm's experts were asked: each staffing decision as it stood, with the ranked candidates, the parts of
 * their scores and the evidence behind them. Under {@code /staffing}, not {@code /swarms}, which is swarm-service's.
 */
@Path("/staffing")
public class StaffingResource {

    private final Caller caller;

    StaffingResource(Caller caller) {
        this.caller = caller;
    }

    /**
     * Leads and admins see any swarm's decisions; an agent only their own swarm's. Experts do not: the list shows
     * how their colleagues were scored.
     */
    @GET
    @Path("/{swarmId}")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN })
    @Transactional
    public StaffingLog decisions(@PathParam("swarmId") UUID swarmId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing == null) {
            throw new NotFoundException("No swarm " + swarmId + " has been staffed");
        }
        if (!caller.isAny(Roles.LEAD, Roles.ADMIN) && !caller.isSelf(staffing.ownerId)) {
            throw new ForbiddenException("Only the swarm's owner, leads and admins see how it was staffed");
        }
        List<Decision> decisions = StaffingDecision.of(swarmId).stream()
                .map(d -> new Decision(d.decidedAt, d.reason, d.invited, d.ranked)).toList();
        return new StaffingLog(swarmId, staffing.caseNumber, staffing.skills, staffing.product, staffing.teamSize,
                staffing.open, decisions);
    }

    public record StaffingLog(UUID swarmId, String caseNumber, List<String> skills, String product, int teamSize,
            boolean open, List<Decision> decisions) {
    }

    /** One decision: when, why, whom it invited, and the best candidates as they were ranked then. */
    public record Decision(Instant decidedAt, String reason, List<String> invited, List<Candidate> ranked) {
    }
}
