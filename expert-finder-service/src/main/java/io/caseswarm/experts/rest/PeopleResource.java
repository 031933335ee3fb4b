package io.caseswarm.experts.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import io.quarkus.panache.common.Sort;

/** The people directory: experts, agents and leads, with skills, hours, capacity and presence. */
@Path("/people")
public class PeopleResource {

    private final DirectoryCommands commands;

    PeopleResource(DirectoryCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response register(@NotNull @Valid PersonRequest request) {
        if (request.id() == null) {
            throw new BadRequestException("A new person needs an id");
        }
        commands.register(request.id(), request.profile());
        return Response.created(URI.create("/people/" + request.id())).entity(find(request.id())).build();
    }

    @PUT
    @Path("/{id}")
    public PersonResponse update(@PathParam("id") String id, @NotNull @Valid PersonRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new BadRequestException("The id in the body differs from the id in the path");
        }
        commands.update(id, request.profile());
        return find(id);
    }

    @PUT
    @Path("/{id}/presence")
    public PersonResponse presence(@PathParam("id") String id, @NotNull @Valid PresenceRequest request) {
        commands.changePresence(id, request.presence());
        return find(id);
    }

    @GET
    @Path("/{id}")
    public PersonResponse find(@PathParam("id") String id) {
        ExpertProfile profile = ExpertProfile.findById(id);
        if (profile == null) {
            throw new NotFoundException("No person " + id);
        }
        return PersonResponse.of(profile, ExpertAssignment.loadOf(id));
    }

    @GET
    public List<PersonResponse> list() {
        Map<String, Integer> loads = ExpertAssignment.loads();
        return ExpertProfile.<ExpertProfile>listAll(Sort.ascending("personId")).stream()
                .map(p -> PersonResponse.of(p, loads.getOrDefault(p.personId, 0)))
                .toList();
    }

    public record PresenceRequest(@NotNull Presence presence) {
    }
}
