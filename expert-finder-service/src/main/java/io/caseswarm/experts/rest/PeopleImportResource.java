package io.caseswarm.experts.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.caseswarm.experts.importing.ImportResult;
import io.caseswarm.experts.importing.PeopleImport;
import io.caseswarm.platform.rest.Problem;
import io.caseswarm.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * Bulk directory import, as HR systems sync: NDJSON, one person per line in {@code POST /people}'s shape, upsert by
 * id. The answer says how many were applied and which lines were refused and why (200 when any line was applied); a
 * body in which no line could be applied is refused as a whole (400 problem+json naming each line). Only admins and
 * the HR sync ({@code integration}) import: both may set roles, so no field of a line is refused for the caller.
 */
@Path("/people/import")
public class PeopleImportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final PeopleImport people;

    PeopleImportResource(PeopleImport people) {
        this.people = people;
    }

    /**
     * The content type is checked here rather than by {@code @Consumes}: routing by it would answer a caller
     * without a token 415 before asking who they are.
     */
    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(implementation = PersonRequest.class)))
    public Response importPeople(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        if (contentType == null || !contentType.split(";")[0].strip().equalsIgnoreCase(NDJSON)) {
            return problem(415, "unsupported-media-type", "Unsupported media type",
                    "An import is " + NDJSON + ": one person per line.", List.of());
        }
        ImportResult result = people.importPeople(body);
        if (result.applied() > 0) {
            return Response.ok(result).build();
        }
        List<Problem.FieldError> errors = result.failed().stream()
                .flatMap(line -> line.problems().stream()
                        .map(p -> new Problem.FieldError("line " + line.line() + ": " + p.field(), p.message())))
                .toList();
        String detail = result.failed().isEmpty() ? "The body holds no person: one JSON object per line."
                : "No line could be applied; each refused line is named.";
        return problem(400, "invalid-import", "Invalid import", detail, errors);
    }

    private static Response problem(int status, String type, String title, String detail,
            List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://caseswarm.io/problems/" + type, title, status, detail, errors)).build();
    }
}
