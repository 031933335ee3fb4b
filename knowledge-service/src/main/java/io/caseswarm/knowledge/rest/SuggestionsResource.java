package io.caseswarm.knowledge.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.knowledge.domain.Suggestion;
import io.caseswarm.knowledge.projection.CaseSuggestions;
import io.caseswarm.platform.security.Roles;

/** The articles suggested for a case; none (yet) is an empty list, not an error. */
@Path("/cases/{caseId}/suggestions")
public class SuggestionsResource {

    /** Staff and other systems; not customers, as suggestions include internal articles. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<Suggestion> suggestions(@PathParam("caseId") UUID caseId) {
        return CaseSuggestions.<CaseSuggestions>findByIdOptional(caseId).map(found -> found.suggestions)
                .orElse(List.of());
    }
}
