package io.caseswarm.cases.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.projection.CaseFilter;
import io.caseswarm.cases.projection.CaseSearch;
import io.caseswarm.cases.projection.CaseSuggestions;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.rest.Problem;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;

@Path("/cases")
public class CaseResource {

    /** RFC 7396's media type; plain JSON is taken too, as the same merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final CaseCommands commands;
    private final EventStore store;
    private final Caller caller;
    private final CaseAccess access;
    private final CaseSearch search;

    CaseResource(CaseCommands commands, EventStore store, Caller caller, CaseAccess access, CaseSearch search) {
        this.search = search;
        this.commands = commands;
        this.store = store;
        this.caller = caller;
        this.access = access;
    }

    /**
     * Agents and other systems open cases for any customer; a customer opens cases for themselves. Who
     * owns the case is staff's choice: an agent names only themselves, leads and routing systems anyone.
     */
    @POST
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION, Roles.CUSTOMER })
    public Response open(@NotNull @Valid OpenCaseRequest request) {
        if (caller.isOnlyCustomer()) {
            caller.requireSelfOr(request.customer().id());
            refuseAgentOnlyFields(request);
        } else if (request.ownerId() != null && !caller.isSelf(request.ownerId())
                && !caller.isAny(Roles.LEAD, Roles.INTEGRATION)) {
            throw ForbiddenFieldsException.of("ownerId", "an agent opens a case only with themselves as owner ("
                    + caller.id() + ") or none; a lead assigns it to somebody else");
        }
        UUID id = commands.open(new OpenCase(UUID.randomUUID(), request.subject(), request.description(),
                new Customer(request.customer().id(), request.customer().name(), request.customer().email()),
                request.channel(), request.product(), request.priority(), request.ownerId()), caller);
        return Response.created(URI.create("/cases/" + id)).entity(find(id)).build();
    }

    /**
     * An agent takes an unowned case for themselves; its owner hands it to another agent; a lead (or a
     * routing system) assigns or reassigns it to anyone.
     */
    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION })
    public CaseResponse assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        commands.assign(id, request.ownerId(), caller);
        return find(id);
    }

    /** The owner or a lead moves the case to open, pending or on-hold; a lead closes it. */
    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public CaseResponse changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusRequest request) {
        commands.moveTo(id, request.status(), stripped(request.reason()), caller);
        return find(id);
    }

    /** The owner or a lead reopens a resolved case; its customer within the reopen window. */
    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.CUSTOMER })
    public CaseResponse reopen(@PathParam("id") UUID id, @Valid ReopenRequest request) {
        access.readable(id);
        commands.reopen(id, request == null ? null : stripped(request.reason()), caller);
        return find(id);
    }

    /** Only the case owner, or a lead, resolves the case. */
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public CaseResponse resolve(@PathParam("id") UUID id, @NotNull @Valid ResolveRequest request) {
        commands.resolve(id, new Resolution(request.summary().strip(), request.helpedBy()), caller);
        return find(id);
    }

    /**
     * Changes the case's priority, product, category, tags and custom fields: its owner all of them, a
     * lead or a routing system on any case; another agent is told which fields are not theirs to change.
     */
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION })
    public CaseResponse update(@PathParam("id") UUID id, @NotNull @Valid CasePatchRequest patch) {
        access.readable(id);
        commands.update(id, patch.toUpdate(), caller);
        return find(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public CaseResponse find(@PathParam("id") UUID id) {
        CaseResponse found = CaseResponse.of(access.readable(id), CaseSwarm.ofCase(id),
                CaseSuggestions.findByIdOptional(id));
        return access.seesOnlyPublic() ? found.forCustomer() : found;
    }

    /**
     * Queues and search: cases by status, priority, owner ({@code owner=me}), product, channel, customer,
     * time and words, most urgent and then oldest first, a cursor page at a time. A customer gets only
     * their own cases, and their words find only what they may read.
     */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public Page<CaseResponse> list(@Valid @BeanParam CaseListQuery query) {
        CaseFilter filter = query.filter(caller.id());
        if (access.seesOnlyPublic()) {
            filter = filter.onlyOf(caller.id());
        }
        return search.find(filter, query.order(), query.cursor, query.limit, !access.seesOnlyPublic())
                .map(CaseResponse::summary);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        access.readable(id);
        return store.load(id.toString()).stream().map(HistoryEntry::of)
                .filter(entry -> !access.seesOnlyPublic() || !entry.isInternalMessage()).toList();
    }

    /**
     * Triage is staff's work: a customer who names an owner or a priority is told so, field by field,
     * rather than having the values silently dropped.
     */
    private static void refuseAgentOnlyFields(OpenCaseRequest request) {
        List<Problem.FieldError> refused = new ArrayList<>();
        if (request.ownerId() != null) {
            refused.add(new Problem.FieldError("ownerId", "a customer does not choose who owns the case"));
        }
        if (request.priority() != null) {
            refused.add(new Problem.FieldError("priority", "a customer does not set the priority; an agent does"));
        }
        if (!refused.isEmpty()) {
            throw new ForbiddenFieldsException(refused);
        }
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
