package io.caseswarm.cases.inbound;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The intake log: every mail the desk took in, newest first, with what became of it. It answers "I wrote
 * to support and heard nothing": was the mail read, was it taken for an auto-reply, which case has it.
 */
@Path("/inbound/mail")
@RolesAllowed(Roles.ADMIN)
public class InboundMailResource {

    /** {@code sender} (an address) or {@code messageId} (without angle brackets) narrow the log. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<InboundMailResponse> list(@QueryParam("sender") @Size(max = 320) String sender,
            @QueryParam("messageId") @Size(max = 1000) String messageId,
            @QueryParam("cursor") @Size(max = 1200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (sender != null) {
            query.append(" and sender = :sender");
            parameters.and("sender", sender.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (messageId != null) {
            query.append(" and mailKey = :key");
            parameters.and("key", messageId.strip());
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor, 2);
            query.append(" and (receivedAt < :at or (receivedAt = :at and mailKey < :after))");
            parameters.and("at", after.instantAt(0)).and("after", after.get(1));
        }
        return Page.of(InboundMail.<InboundMail>find(query.toString(), Sort.descending("receivedAt", "mailKey"), parameters)
                .range(0, limit).list(), limit, mail -> Cursor.of(mail.receivedAt, mail.mailKey), InboundMailResponse::of);
    }

    /** One mail taken in: {@code key} is its Message-ID, or {@code sha256:<digest>} when it had none. */
    public record InboundMailResponse(String key, String mailbox, String sender, String subject,
            IntakeOutcome outcome, UUID caseId, Instant receivedAt) {

        static InboundMailResponse of(InboundMail mail) {
            return new InboundMailResponse(mail.mailKey, mail.mailbox, mail.sender, mail.subject, mail.outcome,
                    mail.caseId, mail.receivedAt);
        }
    }
}
