package io.caseswarm.cases.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.security.Roles;

/**
 * Mail pushed by a gateway instead of read from a mailbox: an MTA's pipe, a mail provider's inbound
 * route. The body is the raw message ({@code message/rfc822}); it goes through the same intake as mail
 * read over IMAP, so the same mail pushed twice has one effect.
 */
@Path("/inbound/email")
public class InboundEmailResource {

    static final String RFC822 = "message/rfc822";

    private final MailIntake intake;
    private final Mailboxes mailboxes;

    InboundEmailResource(MailIntake intake, Mailboxes mailboxes) {
        this.intake = intake;
        this.mailboxes = mailboxes;
    }

    /**
     * 201 with the case's location when the mail opened one; 200 when it landed on a case, was noted, or
     * was taken in before; 202 when it is held for an admin. The mailbox is the one {@code mailbox} names,
     * else the one the mail was delivered to, else the only one there is.
     */
    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = RFC822, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response push(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mailbox") String mailboxName, InputStream body) {
        if (contentType == null || !MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(RFC822))) {
            throw new NotSupportedException("Mail is pushed as message/rfc822, the raw message");
        }
        byte[] raw = readAll(body);
        if (raw.length == 0) {
            throw new InvalidFieldException("body", "is empty; push the raw message");
        }
        Mailbox mailbox = mailboxFor(mailboxName, raw);
        IntakeResult result = intake.accept(raw, mailbox);
        return switch (result.outcome()) {
            case OPENED, FOLLOW_UP -> Response.created(URI.create("/cases/" + result.caseId())).entity(result).build();
            case HELD -> Response.accepted(result).build();
            default -> Response.ok(result).build();
        };
    }

    private Mailbox mailboxFor(String name, byte[] raw) {
        if (name != null) {
            return mailboxes.named(name).or(() -> mailboxes.forAnyOf(java.util.List.of(name)))
                    .orElseThrow(() -> new InvalidFieldException("mailbox", "is no configured mailbox: " + name));
        }
        Optional<Mailbox> delivered = mailboxes.forAnyOf(Recipients.of(raw));
        if (delivered.isPresent()) {
            return delivered.get();
        }
        if (mailboxes.all().size() == 1) {
            return mailboxes.all().getFirst();
        }
        throw new InvalidFieldException("mailbox", "the mail was delivered to no configured mailbox; name one");
    }

    private static byte[] readAll(InputStream body) {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pushed mail", e);
        }
    }
}
