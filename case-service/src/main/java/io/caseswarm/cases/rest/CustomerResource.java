package io.caseswarm.cases.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.customer.CustomerIds;
import io.caseswarm.cases.customer.CustomerRecord;
import io.caseswarm.cases.projection.CaseFilter;
import io.caseswarm.cases.projection.CaseSearch;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Roles;

/**
 * The customer directory, and each customer's history with the desk. Integrations (a CRM) and admins
 * keep it; staff read it; a customer reads only their own record and cases (anybody else's is "not
 * found").
 */
@Path("/customers")
public class CustomerResource {

    private final CustomerDirectory directory;
    private final CaseAccess access;
    private final CaseSearch search;

    CustomerResource(CustomerDirectory directory, CaseAccess access, CaseSearch search) {
        this.directory = directory;
        this.access = access;
        this.search = search;
    }

    /** A new customer; without an id, the directory gives one. An id, address or subject already taken is 409. */
    @POST
    @RolesAllowed({ Roles.INTEGRATION, Roles.ADMIN })
    @Transactional
    public Response create(@NotNull @Valid CustomerRequest request) {
        String id = request.id() != null ? request.id() : CustomerDirectory.newId();
        if (CustomerRecord.findById(id) != null) {
            throw new CommandRejectedException("There is already a customer " + id + "; PUT /customers/" + id
                    + " changes them");
        }
        CustomerRecord record = directory.create(id, request.name().strip(), null);
        keep(record, request);
        return Response.created(URI.create("/customers/" + id)).entity(show(record)).build();
    }

    /** The customer as the request describes them, made if they are new (201) or replaced (200). */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INTEGRATION, Roles.ADMIN })
    @Transactional
    public Response replace(@PathParam("id") @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE)
            String id, @NotNull @Valid CustomerRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new CommandRejectedException("The body names customer " + request.id() + ", the path " + id);
        }
        CustomerRecord record = CustomerRecord.findById(id);
        boolean created = record == null;
        if (created) {
            record = directory.create(id, request.name().strip(), null);
        }
        record.name = request.name().strip();
        keep(record, request);
        return Response.status(created ? 201 : 200).entity(show(record)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public CustomerResponse find(@PathParam("id") String id) {
        return show(readable(id));
    }

    /** Finds a customer by an address of theirs: a page of one, or none. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public Page<CustomerResponse> byEmail(@QueryParam("email") @NotNull @Email @Size(max = 320) String email) {
        return new Page<>(directory.byEmail(email).map(this::show).stream().toList(), null);
    }

    /** Customer 360: every case of the customer, newest first, with where it stands and how long it took. */
    @GET
    @Path("/{id}/cases")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public Page<CustomerCase> cases(@PathParam("id") String id, @QueryParam("cursor") @Size(max = 500) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        CustomerRecord record = readable(id);
        return search.find(CaseFilter.ofCustomer(record.id), CaseFilter.Order.NEWEST, cursor, limit, false)
                .map(CustomerCase::of);
    }

    private CustomerRecord readable(String id) {
        Optional<CustomerRecord> record = CustomerRecord.findByIdOptional(id);
        if (record.isEmpty() || access.seesOnlyPublic() && !id.equals(access.ownCustomerId())) {
            throw new NotFoundException("No customer " + id);
        }
        return record.get();
    }

    private void keep(CustomerRecord record, CustomerRequest request) {
        if (request.subject() != null) {
            CustomerRecord.<CustomerRecord>find("subject", request.subject()).firstResultOptional()
                    .filter(other -> !other.id.equals(record.id)).ifPresent(other -> {
                        throw new CommandRejectedException("The login " + request.subject()
                                + " is already customer " + other.id + "'s");
                    });
        }
        record.subject = request.subject();
        record.phone = request.phone();
        record.organisation = blankToNull(request.organisation());
        record.language = request.language();
        record.timeZone = request.timeZone();
        record.tier = blankToNull(request.tier());
        record.updatedAt = directory.now();
        directory.setEmails(record.id, request.emails());
    }

    private CustomerResponse show(CustomerRecord record) {
        return CustomerResponse.of(record, directory);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
