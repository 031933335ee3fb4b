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
import io.caseswarm.cases.projection.Conversation;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * A case's conversation. Staff write to the customer ({@code public}) or to each other ({@code internal});
 * the customer writes on their own case and reads only what is public. Experts in a swarm on the case
 * read all of it; the customer never sees the swarm. A survivor's conversation shows the messages of the
 * cases merged into it too.
 */
@Path("/cases/{id}/messages")
public class CaseMessageResource {

    private final CaseCommands commands;
    private final CaseAccess access;
    private final Caller caller;
    private final Conversation conversation;

    CaseMessageResource(CaseCommands commands, CaseAccess access, Caller caller, Conversation conversation) {
        this.commands = commands;
        this.access = access;
        this.caller = caller;
        this.conversation = conversation;
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

    /** Oldest first, as a conversation reads; a customer reads the public messages of their own cases. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public Page<MessageResponse> list(@PathParam("id") UUID id, @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        access.readable(id);
        return conversation.page(id, access.seesOnlyPublic() ? access.ownCustomerId() : null, cursor, limit)
                .map(MessageResponse::of);
    }
}
