package io.caseswarm.cases.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.projection.CaseSuggestions;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.projection.CaseView;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.quarkus.panache.common.Sort;

@Path("/cases")
public class CaseResource {

    private final CaseCommands commands;
    private final EventStore store;

    CaseResource(CaseCommands commands, EventStore store) {
        this.commands = commands;
        this.store = store;
    }

    @POST
    public Response open(@NotNull @Valid OpenCaseRequest request) {
        UUID id = commands.open(new OpenCase(UUID.randomUUID(), request.subject(), request.description(),
                new Customer(request.customer().id(), request.customer().name(), request.customer().email()),
                request.channel(), request.product(), request.priority(), request.ownerId()));
        return Response.created(URI.create("/cases/" + id)).entity(find(id)).build();
    }

    @POST
    @Path("/{id}/assign")
    public CaseResponse assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        commands.assign(id, request.ownerId());
        return find(id);
    }

    @POST
    @Path("/{id}/resolve")
    public CaseResponse resolve(@PathParam("id") UUID id, @NotNull @Valid ResolveRequest request) {
        commands.resolve(id, new Resolution(request.summary().strip(), request.helpedBy()));
        return find(id);
    }

    @GET
    @Path("/{id}")
    public CaseResponse find(@PathParam("id") UUID id) {
        CaseView view = CaseView.findById(id);
        if (view == null) {
            throw new NotFoundException("No case " + id);
        }
        return CaseResponse.of(view, CaseSwarm.ofCase(id), CaseSuggestions.findByIdOptional(id));
    }

    /** Newest first; optionally only one customer's cases. */
    @GET
    public List<CaseResponse> list(@QueryParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Sort newestFirst = Sort.descending("openedAt");
        var query = customerId == null ? CaseView.<CaseView>findAll(newestFirst)
                : CaseView.<CaseView>find("customerId", newestFirst, customerId);
        return query.page(0, limit).list().stream().map(CaseResponse::summary).toList();
    }

    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        List<StoredEvent> events = store.load(id.toString());
        if (events.isEmpty()) {
            throw new NotFoundException("No case " + id);
        }
        return events.stream().map(HistoryEntry::of).toList();
    }
}
