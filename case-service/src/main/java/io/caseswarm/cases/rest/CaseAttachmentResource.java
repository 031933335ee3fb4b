package io.caseswarm.cases.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.caseswarm.cases.attachment.AttachmentInspector;
import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.AttachmentStore;
import io.caseswarm.cases.attachment.NewAttachment;
import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseMessage;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Files on a case. A file always travels on a message, so it is read by whoever reads that message: the
 * customer only the files of public messages. Uploads are multipart/form-data; every other content type
 * is refused with 415 after the caller is known, so that a stranger learns nothing about the route.
 */
@Path("/cases/{id}/attachments")
public class CaseAttachmentResource {

    private final CaseCommands commands;
    private final CaseAccess access;
    private final Caller caller;
    private final AttachmentLimits limits;
    private final AttachmentInspector inspector;
    private final AttachmentStore store;

    CaseAttachmentResource(CaseCommands commands, CaseAccess access, Caller caller, AttachmentLimits limits,
            AttachmentInspector inspector, AttachmentStore store) {
        this.commands = commands;
        this.access = access;
        this.caller = caller;
        this.limits = limits;
        this.inspector = inspector;
        this.store = store;
    }

    /** One message carrying the files; 201 answers it. */
    @POST
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.INTEGRATION, Roles.CUSTOMER })
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = AttachmentUpload.class)))
    public Response add(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream upload) {
        try {
            access.readable(id);
            try (AttachmentForm form = AttachmentForm.read(contentType, upload, limits)) {
                Visibility visibility = form.visibility();
                access.requireMayWrite(visibility);
                List<NewAttachment> files = form.files().stream().map(inspector::inspect).toList();
                String body = form.body() == null ? attached(files) : form.body();
                UUID messageId = commands.attach(id, body, visibility, files, caller);
                return Response.created(URI.create("/cases/" + id + "/messages/" + messageId))
                        .entity(MessageResponse.of(CaseMessage.findById(messageId))).build();
            }
        } finally {
            readToTheEnd(upload);
        }
    }

    /**
     * The file's bytes, as the type they were found to be, offered for saving (never shown in place: a
     * browser must not run what a customer uploaded). The digest is the ETag: a file never changes.
     */
    @GET
    @Path("/{attachmentId}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Context Request request) {
        access.readable(id);
        AttachmentRef file = CaseMessage.carrying(id, attachmentId)
                .filter(message -> !access.seesOnlyPublic() || message.visibility == Visibility.PUBLIC)
                .flatMap(message -> message.attachment(attachmentId))
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " on case " + id));
        EntityTag digest = new EntityTag(file.sha256());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(digest);
        if (unchanged != null) {
            return unchanged.build();
        }
        InputStream bytes = store.open(attachmentId).orElseThrow(() -> new IllegalStateException(
                "Attachment " + attachmentId + " is listed on case " + id + " but its bytes are missing"));
        return Response.ok(bytes, served(file.contentType()))
                .tag(digest)
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header("Content-Disposition", ContentDisposition.attachment(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .build();
    }

    /** Text was checked to be UTF-8 when it arrived; saying so spares the client a guess. */
    private static String served(String contentType) {
        return contentType.startsWith("text/") ? contentType + "; charset=UTF-8" : contentType;
    }

    private static String attached(List<NewAttachment> files) {
        return "Attached: " + String.join(", ", files.stream().map(file -> file.ref().name()).toList());
    }

    /**
     * An upload refused before its end is still read, and thrown away, so that the client, which sends all
     * of it before it listens, hears why. The body limit of the route bounds what that costs.
     */
    private static void readToTheEnd(InputStream upload) {
        try {
            upload.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away: there is nobody left to answer
        }
    }

    /** What the OpenAPI document shows of the multipart form. */
    @Schema(name = "AttachmentUpload")
    record AttachmentUpload(
            @Schema(description = "One part per file; its filename is kept, made safe", format = "binary",
                    required = true) List<String> file,
            @Schema(enumeration = { "public", "internal" }, required = true) String visibility,
            @Schema(description = "The message's text, at most 20 000 characters; default \"Attached: <names>\"")
            String body) {
    }
}
