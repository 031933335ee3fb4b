package io.caseswarm.knowledge.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.caseswarm.knowledge.domain.Suggestion;
import io.caseswarm.knowledge.service.ArticleSearch;
import io.caseswarm.knowledge.service.KnowledgeCommands;
import io.caseswarm.platform.security.Roles;

/**
 * The articles the knowledge base would suggest for a text, as it would for a case opened with it: for an
 * agent writing up a call, or another system, before the case exists. It reads, and records nothing.
 */
@Path("/suggestions")
public class TextSuggestionsResource {

    private final ArticleSearch search;

    TextSuggestionsResource(ArticleSearch search) {
        this.search = search;
    }

    /** Staff and other systems; not customers, as suggestions include internal articles. */
    @POST
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<Suggestion> suggest(@NotNull @Valid SuggestionRequest request) {
        return search.suggestFor(request.text(), request.product(), KnowledgeCommands.SUGGESTIONS_PER_CASE);
    }
}
