package io.caseswarm.experts.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    @POST
    @Blocking
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    public Response importPeople(InputStream body) throws IOException {
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
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://caseswarm.io/problems/invalid-import", "Invalid import", 400, detail,
                        errors))
                .build();
    }
}
