package io.caseswarm.knowledge.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.knowledge.domain.Suggestion;
import io.caseswarm.knowledge.projection.CaseSuggestions;

/** The articles suggested for a case; none (yet) is an empty list, not an error. */
@Path("/cases/{caseId}/suggestions")
public class SuggestionsResource {

    @GET
    public List<Suggestion> suggestions(@PathParam("caseId") UUID caseId) {
        return CaseSuggestions.<CaseSuggestions>findByIdOptional(caseId).map(found -> found.suggestions)
                .orElse(List.of());
    }
}
