package io.caseswarm.experts.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.service.ExpertDirectory;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.platform.security.Roles;

/**
 * Who could help with these skills (and, given the case's words and product, who solved cases like it), best
 * first, with the parts of each score and the evidence behind it.
 */
@Path("/candidates")
public class CandidatesResource {

    private final ExpertDirectory directory;

    CandidatesResource(ExpertDirectory directory) {
        this.directory = directory;
    }

    /** For whoever assembles a swarm: the case owner (an agent), their lead, an admin. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The candidates, best first",
            headers = @Header(name = UNKNOWN_SKILLS, description = "The asked skills nobody knows, comma-separated"),
            content = @Content(schema = @Schema(implementation = Candidate.class, type = SchemaType.ARRAY)))
    public Response candidates(
            @QueryParam("skills") @NotBlank @Size(max = 500)
            @CommaSeparated(regexp = SkillName.PATTERN, minEntries = 1, maxEntries = 50,
                    message = "must be 1 to 50 comma-separated skill names (letters, digits, spaces or . _ + # / -)")
            String skills,
            @QueryParam("exclude") @DefaultValue("")
            @CommaSeparated(regexp = PersonIds.PATTERN, maxEntries = 100,
                    message = "must be up to 100 comma-separated person ids, each of which " + PersonIds.MESSAGE)
            String exclude,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
            @QueryParam("text") @Size(max = 4000) String text,
            @QueryParam("product") @Size(max = 200) String product) {
        List<String> needed = split(skills);
        Set<String> excluded = Set.copyOf(split(exclude));
        List<String> unknown = directory.unknown(needed);
        // Unknown skills are no error (nobody may have needed them yet); the answer says which matched nobody.
        return Response.ok(directory.candidates(needed, product, text, excluded, limit))
                .header(UNKNOWN_SKILLS, unknown.isEmpty() ? null : String.join(",", unknown)).build();
    }

    /** The header naming the asked skills that nobody declared or showed, nor any skill that counts for them. */
    public static final String UNKNOWN_SKILLS = "Caseswarm-Unknown-Skills";

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
