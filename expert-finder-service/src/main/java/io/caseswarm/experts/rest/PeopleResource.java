package io.caseswarm.experts.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.projection.ExpertAssignment;
import io.caseswarm.experts.projection.ExpertProfile;
import io.caseswarm.experts.service.DirectoryCommands;
import io.caseswarm.platform.rest.PersonId;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/**
 * The people directory: experts, agents and leads, with skills, hours, capacity and presence. A person id
 * is the user name in that person's token, which is how "their own profile" is recognised.
 */
@Path("/people")
public class PeopleResource {

    private final DirectoryCommands commands;
    private final Caller caller;

    PeopleResource(DirectoryCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    /** Admins and leads add people; an HR system keeps the directory in step with its own. */
    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.LEAD, Roles.INTEGRATION })
    public Response register(@NotNull @Valid @ConvertGroup(to = PersonRequest.Registration.class)
            PersonRequest request) {
        requireMaySetRoles(request);
        commands.register(request.id(), request.profile());
        return Response.created(URI.create("/people/" + request.id())).entity(find(request.id())).build();
    }

    /** People keep their own profile; admins, leads and the HR system change anyone's. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.EXPERT, Roles.AGENT, Roles.ADMIN, Roles.LEAD, Roles.INTEGRATION })
    public PersonResponse update(@PathParam("id") @PersonId String id, @NotNull @Valid PersonRequest request) {
        caller.requireSelfOr(id, Roles.ADMIN, Roles.LEAD, Roles.INTEGRATION);
        if (request.id() != null && !request.id().equals(id)) {
            throw new BadRequestException("The id in the body differs from the id in the path");
        }
        requireMaySetRoles(request);
        commands.update(id, request.profile());
        return find(id);
    }

    /** People set their own presence; admins and a chat system syncing presence set anyone's. */
    @PUT
    @Path("/{id}/presence")
    @RolesAllowed({ Roles.EXPERT, Roles.AGENT, Roles.ADMIN, Roles.INTEGRATION })
    public PersonResponse presence(@PathParam("id") @PersonId String id, @NotNull @Valid PresenceRequest request) {
        caller.requireSelfOr(id, Roles.ADMIN, Roles.INTEGRATION);
        commands.changePresence(id, request.presence());
        return find(id);
    }

    /** Everyone who works cases, and other systems, may look people up. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public PersonResponse find(@PathParam("id") @PersonId String id) {
        ExpertProfile profile = ExpertProfile.findById(id);
        if (profile == null) {
            throw new NotFoundException("No person " + id);
        }
        return PersonResponse.of(profile, ExpertAssignment.loadOf(id));
    }

    /** Everyone who works cases, and other systems, may list the directory. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<PersonResponse> list() {
        Map<String, Integer> loads = ExpertAssignment.loads();
        return ExpertProfile.<ExpertProfile>listAll(Sort.ascending("personId")).stream()
                .map(p -> PersonResponse.of(p, loads.getOrDefault(p.personId, 0)))
                .toList();
    }

    /**
     * Roles are what a person may do where no token says it (in Slack): only admins and the HR sync grant
     * them, never the person themselves, nor a lead.
     */
    private void requireMaySetRoles(PersonRequest request) {
        if (request.roles() != null && !caller.isAny(Roles.ADMIN, Roles.INTEGRATION)) {
            throw new ForbiddenException("Only admins and the HR sync set a person's roles");
        }
    }

    public record PresenceRequest(@NotNull Presence presence) {
    }
}
