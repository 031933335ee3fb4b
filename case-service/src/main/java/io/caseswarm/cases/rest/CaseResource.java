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

import io.caseswarm.cases.customer.CustomerRef;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.projection.CaseFilter;
import io.caseswarm.cases.projection.CaseSearch;
import io.caseswarm.cases.projection.CaseSuggestions;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.cases.service.CaseLinkCommands;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.rest.Problem;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;

@Path("/cases")
public class CaseResource {

    /** RFC 7396's media type; plain JSON is taken too, as the same merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final CaseCommands commands;
    private final CaseLinkCommands links;
    private final EventStore store;
    private final Caller caller;
    private final CaseAccess access;
    private final CaseSearch search;
    private final PlatformClock clock;

    CaseResource(CaseCommands commands, CaseLinkCommands links, EventStore store, Caller caller, CaseAccess access,
            CaseSearch search, PlatformClock clock) {
        this.search = search;
        this.clock = clock;
        this.commands = commands;
        this.links = links;
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
        OpenCaseRequest.CustomerRequest customer = request.customer();
        if (caller.isOnlyCustomer()) {
            if (customer != null && customer.id() != null && !customer.id().equals(access.ownCustomerId())) {
                throw ForbiddenFieldsException.of("customer.id", "a customer opens cases only for themselves ("
                        + access.ownCustomerId() + ")");
            }
            refuseAgentOnlyFields(request);
        } else if (customer == null || customer.id() == null && customer.email() == null) {
            throw new InvalidFieldException("customer", "name the customer by id or email");
        } else if (request.ownerId() != null && !caller.isSelf(request.ownerId())
                && !caller.isAny(Roles.LEAD, Roles.INTEGRATION)) {
            throw ForbiddenFieldsException.of("ownerId", "an agent opens a case only with themselves as owner ("
                    + caller.id() + ") or none; a lead assigns it to somebody else");
        }
        UUID id = commands.open(new OpenCase(UUID.randomUUID(), request.subject(), request.description(), null,
                request.channel(), request.product(), request.priority(), request.ownerId(), request.groupId()),
                customer == null ? new CustomerRef(null, null, null) : customer.ref(), caller);
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

    /** Its owner, a lead or a routing system moves the case to another group's queue. */
    @POST
    @Path("/{id}/group")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION })
    public CaseResponse moveToGroup(@PathParam("id") UUID id, @NotNull @Valid GroupMoveRequest request) {
        commands.moveToGroup(id, request.groupId(), caller);
        return find(id);
    }

    /**
     * The case's owner or a lead links it to another case ({@code relates-to}, {@code caused-by}); the
     * other case shows the link from its side. Linking again changes nothing.
     */
    @POST
    @Path("/{id}/links")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public CaseResponse link(@PathParam("id") UUID id, @NotNull @Valid LinkRequest request) {
        links.link(id, request.relation(), request.requiredLinkedCase(), caller);
        return find(id);
    }

    /**
     * The duplicate's owner or a lead merges it into the case that survives it: the duplicate is closed, the
     * survivor shows its conversation. Answers the duplicate.
     */
    @POST
    @Path("/{id}/merge")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public CaseResponse merge(@PathParam("id") UUID id, @NotNull @Valid MergeRequest request) {
        links.merge(id, request.into(), caller);
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
                CaseSuggestions.findByIdOptional(id), clock.now());
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
            query.refuseStaffFilters();
            filter = filter.onlyOf(access.ownCustomerId());
        }
        return search.find(filter, query.order(), query.cursor, query.limit, !access.seesOnlyPublic())
                .map(view -> access.seesOnlyPublic() ? CaseResponse.summary(view).forCustomer() : CaseResponse.summary(view));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        access.readable(id);
        return store.load(id.toString()).stream().map(HistoryEntry::of)
                .filter(entry -> !access.seesOnlyPublic() || entry.isForCustomer()).toList();
    }

    /**
     * Triage is staff's work: a customer who names an owner, a priority or a group is told so, field by field,
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
        if (request.groupId() != null) {
            refused.add(new Problem.FieldError("groupId", "a customer does not choose the group; routing does"));
        }
        if (!refused.isEmpty()) {
            throw new ForbiddenFieldsException(refused);
        }
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
