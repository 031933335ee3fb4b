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

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.service.ExpertDirectory;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.platform.security.Roles;

/** Who could help with these skills, best first, with the parts of each score. */
@Path("/candidates")
public class CandidatesResource {

    private final ExpertDirectory directory;

    CandidatesResource(ExpertDirectory directory) {
        this.directory = directory;
    }

    /** For whoever assembles a swarm: the case owner (an agent), their lead, an admin. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN })
    public List<Candidate> candidates(
            @QueryParam("skills") @NotBlank @Size(max = 500)
            @CommaSeparated(regexp = SkillName.PATTERN, minEntries = 1, maxEntries = 50,
                    message = "must be 1 to 50 comma-separated skill names (letters, digits, spaces or . _ + # / -)")
            String skills,
            @QueryParam("exclude") @DefaultValue("")
            @CommaSeparated(regexp = PersonIds.PATTERN, maxEntries = 100,
                    message = "must be up to 100 comma-separated person ids, each of which " + PersonIds.MESSAGE)
            String exclude,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        List<String> needed = split(skills);
        Set<String> excluded = Set.copyOf(split(exclude));
        return directory.candidates(needed, excluded, limit);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
