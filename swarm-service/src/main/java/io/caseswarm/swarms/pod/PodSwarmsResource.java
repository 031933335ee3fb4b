package io.caseswarm.swarms.pod;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.projection.SwarmView;
import io.caseswarm.swarms.rest.SwarmResponse;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/** A pod's swarms, for the pod's leads (who steer them) and admins. */
@Path("/pods/{id}/swarms")
@Produces(MediaType.APPLICATION_JSON)
public class PodSwarmsResource {

    /** The expert finder's rule for pod ids. */
    private static final String POD_ID = "^[a-z0-9][a-z0-9-]{1,39}$";

    /** {@code open} is a swarm still being worked: requested or active. */
    private static final Map<String, List<SwarmStatus>> STATUSES = Map.of(
            "open", List.of(SwarmStatus.REQUESTED, SwarmStatus.ACTIVE),
            "requested", List.of(SwarmStatus.REQUESTED),
            "active", List.of(SwarmStatus.ACTIVE),
            "closed", List.of(SwarmStatus.CLOSED),
            "cancelled", List.of(SwarmStatus.CANCELLED),
            "all", List.of(SwarmStatus.values()));

    private final Caller caller;

    PodSwarmsResource(Caller caller) {
        this.caller = caller;
    }

    /**
     * Lead, admin. The pod's swarms, newest first: open ones (requested or active) unless {@code status}
     * says {@code requested}, {@code active}, {@code closed}, {@code cancelled} or {@code all}. Only the
     * pod's own leads, and admins; a lead of another pod is refused (403).
     */
    @GET
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public List<SwarmResponse> swarms(
            @PathParam("id") @Pattern(regexp = POD_ID, message = "must be a pod id: 2 to 40 lower-case letters,"
                    + " digits or '-'") String id,
            @QueryParam("status") @DefaultValue("open")
            @Pattern(regexp = "^(open|requested|active|closed|cancelled|all)$",
                    message = "must be open, requested, active, closed, cancelled or all") String status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Pod pod = Pod.<Pod>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No pod " + id));
        if (!caller.is(Roles.ADMIN) && !pod.leads.contains(caller.id())) {
            throw new ForbiddenException("Only the leads of pod " + id + " (and admins) see its swarms");
        }
        return SwarmView.<SwarmView>find("podId = ?1 and status in ?2", Sort.descending("requestedAt"), id,
                STATUSES.get(status)).page(0, limit).stream().map(SwarmResponse::of).toList();
    }
}
