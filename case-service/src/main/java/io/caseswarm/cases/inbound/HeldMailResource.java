package io.caseswarm.cases.inbound;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Mail kept aside for an admin (unreadable, too large, or from a sender over the hourly limit of new
 * cases): listed oldest first, read raw, and retried. Only admins: a held mail is a customer's words that
 * no case's access rules cover yet.
 */
@Path("/inbound/held")
@RolesAllowed(Roles.ADMIN)
public class HeldMailResource {

    private final MailIntake intake;

    HeldMailResource(MailIntake intake) {
        this.intake = intake;
    }

    /** The mail still waiting, oldest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<HeldMailResponse> list(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String query = "releasedAt is null";
        Parameters parameters = new Parameters();
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor, 2);
            query += " and (heldAt > :at or (heldAt = :at and id > :id))";
            parameters.and("at", after.instantAt(0)).and("id", after.uuidAt(1));
        }
        return Page.of(HeldMail.<HeldMail>find(query, Sort.ascending("heldAt", "id"), parameters).range(0, limit).list(),
                limit, held -> Cursor.of(held.heldAt, held.id), HeldMailResponse::of);
    }

    /** The mail exactly as it arrived, to read or to save. */
    @GET
    @Path("/{id}/raw")
    @Produces(InboundEmailResource.RFC822)
    public Response raw(@PathParam("id") UUID id) {
        HeldMail held = HeldMail.<HeldMail>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No mail " + id + " is held"));
        return Response.ok(held.raw, InboundEmailResource.RFC822)
                .header("Content-Disposition", "attachment; filename=\"held-" + id + ".eml\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** Takes the mail in again; what became of it this time answers. */
    @POST
    @Path("/{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public IntakeResult retry(@PathParam("id") UUID id) {
        return intake.release(id);
    }

    /** A held mail as the list shows it; its bytes are read separately. */
    public record HeldMailResponse(UUID id, String mailbox, HoldReason reason, String detail, String sender,
            String subject, long size, Instant heldAt) {

        static HeldMailResponse of(HeldMail held) {
            return new HeldMailResponse(held.id, held.mailbox, held.reason, held.detail, held.sender, held.subject,
                    held.size, held.heldAt);
        }
    }
}
