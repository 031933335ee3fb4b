package io.caseswarm.cases.rest;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

import io.caseswarm.cases.calendar.BusinessCalendar;
import io.caseswarm.cases.calendar.NoWorkingTimeException;
import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Business calendars: when a desk works, for business time and SLA targets. An admin keeps them; staff
 * who work cases read them, and ask one how much business time passes or when some is due.
 */
@Path("/calendars")
public class CalendarResource {

    private final Caller caller;

    CalendarResource(Caller caller) {
        this.caller = caller;
    }

    /** By id, a cursor page at a time; a page is small, for a calendar may carry hundreds of holidays. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public Page<CalendarResponse> list(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(50) int limit) {
        return Page.of(StoredCalendar.page(IdCursor.afterId(cursor, StoredCalendar.ID_PATTERN), limit + 1), limit,
                calendar -> Cursor.of(calendar.id), CalendarResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public CalendarResponse find(@PathParam("id") String id) {
        return CalendarResponse.of(stored(id));
    }

    /**
     * When {@code duration} of business time after {@code from} is due, or the business time from
     * {@code from} to {@code to}: for an admin checking a calendar, and for anything that shows a target.
     */
    @GET
    @Path("/{id}/business-time")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public BusinessTimeResponse businessTime(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("duration") String duration, @QueryParam("to") String to) {
        BusinessTimeQuery query = BusinessTimeQuery.of(from, duration, to);
        BusinessCalendar calendar = stored(id).calendar();
        try {
            return query.answer(calendar);
        } catch (NoWorkingTimeException e) {
            throw new CommandRejectedException("The calendar cannot answer: " + e.getMessage());
        }
    }

    /** Creates the calendar (201) or replaces it as a whole (200). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response put(@PathParam("id") @Pattern(regexp = StoredCalendar.ID_PATTERN, message = StoredCalendar.ID_MESSAGE) String id,
            @NotNull @Valid CalendarRequest request) {
        BusinessCalendar calendar = request.calendar(id);
        StoredCalendar.lockForWriting();
        StoredCalendar stored = StoredCalendar.findById(id);
        boolean isNew = stored == null;
        if (isNew) {
            stored = new StoredCalendar();
            stored.id = id;
        }
        stored.define(calendar);
        stored.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        stored.updatedBy = caller.id();
        stored.persist();
        Response.ResponseBuilder answer = isNew ? Response.created(URI.create("/calendars/" + id)) : Response.ok();
        return answer.entity(CalendarResponse.of(stored)).build();
    }

    private static StoredCalendar stored(String id) {
        return StoredCalendar.<StoredCalendar>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No calendar " + id));
    }
}
