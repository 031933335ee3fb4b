package io.caseswarm.cases.rest;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * The groups of agents cases are queued for. An admin keeps them; staff read them to know where a case
 * may go. A case's group is set on open ({@code groupId}) or with {@code POST /cases/{id}/group}.
 */
@Path("/groups")
public class GroupResource {

    private final Caller caller;

    GroupResource(Caller caller) {
        this.caller = caller;
    }

    /** By id, a cursor page at a time. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public Page<GroupResponse> list(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Page.of(AgentGroup.page(IdCursor.afterId(cursor, AgentGroup.ID_PATTERN), limit + 1), limit,
                group -> Cursor.of(group.id), GroupResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public GroupResponse find(@PathParam("id") String id) {
        return AgentGroup.<AgentGroup>findByIdOptional(id).map(GroupResponse::of)
                .orElseThrow(() -> new NotFoundException("No group " + id));
    }

    /** Creates the group (201) or replaces it as a whole (200). Cases in its queue stay there. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response put(@PathParam("id") @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String id,
            @NotNull @Valid GroupRequest request) {
        List<String> memberIds = request.distinctMemberIds();
        List<String> leadIds = request.distinctLeadIds();
        List<String> skills = request.distinctSkills();
        List<String> products = request.distinctProducts();
        AgentGroup.lockForWriting();
        AgentGroup group = AgentGroup.findById(id);
        boolean isNew = group == null;
        if (isNew) {
            group = new AgentGroup();
            group.id = id;
        }
        group.name = request.strippedName();
        group.memberIds = memberIds;
        group.leadIds = leadIds;
        group.skills = skills;
        group.products = products;
        group.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        group.updatedBy = caller.id();
        group.persist();
        Response.ResponseBuilder answer = isNew ? Response.created(URI.create("/groups/" + id)) : Response.ok();
        return answer.entity(GroupResponse.of(group)).build();
    }
}
