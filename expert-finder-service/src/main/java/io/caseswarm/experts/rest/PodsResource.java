package io.caseswarm.experts.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.caseswarm.experts.projection.PodView;
import io.caseswarm.experts.service.PodCommands;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Pods: teams per product or area. A swarm on a case of a pod's product is routed to the pod: the expert
 * finder prefers its members, and its leads see and steer its swarms (swarm-service).
 */
@Path("/pods")
@Produces(MediaType.APPLICATION_JSON)
public class PodsResource {

    /** Lower-case words joined by '-', e.g. {@code billing-emea}. */
    public static final String POD_ID = "^[a-z0-9][a-z0-9-]{1,39}$";

    private final PodCommands commands;
    private final Caller caller;

    PodsResource(PodCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    /**
     * Admin, lead. An admin creates a pod or replaces its whole definition (201 when new, 200 otherwise); a
     * lead of an existing pod changes its members only, sending the rest as it is.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.LEAD })
    public Response define(@PathParam("id") @Pattern(regexp = POD_ID,
            message = "must be a pod id: 2 to 40 lower-case letters, digits or '-'") String id,
            @NotNull @Valid PodRequest body) {
        boolean created = commands.define(id, body.definition(), caller);
        PodResponse pod = find(id);
        return created ? Response.created(URI.create("/pods/" + id)).entity(pod).build() : Response.ok(pod).build();
    }

    /** Agent, expert, lead, admin, integration. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<PodResponse> list() {
        return PodView.all().stream().map(PodResponse::of).toList();
    }

    /** Agent, expert, lead, admin, integration. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public PodResponse find(@PathParam("id") @Pattern(regexp = POD_ID,
            message = "must be a pod id: 2 to 40 lower-case letters, digits or '-'") String id) {
        return PodView.<PodView>findByIdOptional(id).map(PodResponse::of)
                .orElseThrow(() -> new NotFoundException("No pod " + id));
    }
}
