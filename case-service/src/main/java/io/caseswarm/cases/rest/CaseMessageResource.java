package io.caseswarm.cases.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseMessage;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * A case's conversation. Staff write to the customer ({@code public}) or to each other ({@code internal});
 * the customer writes on their own case and reads only what is public. Experts in a swarm on the case
 * read all of it; the customer never sees the swarm.
 */
@Path("/cases/{id}/messages")
public class CaseMessageResource {

    private final CaseCommands commands;
    private final CaseAccess access;
    private final Caller caller;

    CaseMessageResource(CaseCommands commands, CaseAccess access, Caller caller) {
        this.commands = commands;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION, Roles.CUSTOMER })
    public Response add(@PathParam("id") UUID id, @NotNull @Valid MessageRequest request) {
        access.readable(id);
        access.requireMayWrite(request.visibility());
        UUID messageId = commands.addMessage(id, request.body().strip(), request.visibility(), caller);
        return Response.created(URI.create("/cases/" + id + "/messages/" + messageId))
                .entity(MessageResponse.of(CaseMessage.findById(messageId))).build();
    }

    /** Oldest first, as a conversation reads. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public Page<MessageResponse> list(@PathParam("id") UUID id, @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        access.readable(id);
        long after = cursor == null ? 0 : Cursor.decode(cursor, 1).longAt(0);
        String query = "caseId = :caseId and seq > :after"
                + (access.seesOnlyPublic() ? " and visibility = :public" : "");
        Parameters parameters = Parameters.with("caseId", id).and("after", after);
        if (access.seesOnlyPublic()) {
            parameters.and("public", Visibility.PUBLIC);
        }
        return Page.of(CaseMessage.<CaseMessage>find(query, Sort.ascending("seq"), parameters).page(0, limit + 1).list(),
                limit, message -> Cursor.of(message.seq), MessageResponse::of);
    }
}
