package io.caseswarm.knowledge.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.projection.ArticleView;
import io.caseswarm.knowledge.service.ArticleFilter;
import io.caseswarm.knowledge.service.ArticleSearch;
import io.caseswarm.knowledge.service.KnowledgeCommands;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

@Path("/articles")
public class ArticleResource {

    private final KnowledgeCommands commands;
    private final ArticleSearch search;
    private final Caller caller;

    ArticleResource(KnowledgeCommands commands, ArticleSearch search, Caller caller) {
        this.commands = commands;
        this.search = search;
        this.caller = caller;
    }

    /** Staff who know the fix write it down: agents, experts, leads, admins. */
    @POST
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public Response draft(@NotNull @Valid ArticleRequest request) {
        UUID id = commands.draft(request.content(), caller.id());
        return Response.created(URI.create("/articles/" + id)).entity(find(id)).build();
    }

    /**
     * Agents, experts, leads, admins; the whole content is replaced, so no visibility means internal again.
     * On a published article, anyone's but a lead's or an admin's revision waits for their review, and only
     * they change its visibility.
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public ArticleResponse revise(@PathParam("id") UUID id, @NotNull @Valid ArticleRequest request) {
        commands.revise(id, request.content(), caller);
        return find(id);
    }

    /**
     * Leads and admins only: publishing is the review that puts an article, or its pending revision, in front
     * of everyone.
     */
    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public ArticleResponse publish(@PathParam("id") UUID id) {
        commands.publish(id);
        return find(id);
    }

    /**
     * Agents, experts, leads and admins say the article helped on a case: any published article (internal ones
     * too), on any case the knowledge base has seen opened; knowledge-service does not know who works which case.
     * Customers and other systems do not: it credits the article's author as an expert. 201 the first time; 200
     * with that first use after, adding nothing.
     */
    @POST
    @Path("/{id}/uses")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public Response use(@PathParam("id") UUID id, @NotNull @Valid ArticleUseRequest request) {
        KnowledgeCommands.Use use = commands.use(id, request.caseId(), caller.id());
        return Response.status(use.first() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ArticleUseResponse.of(use.used())).build();
    }

    /** Staff, other systems and customers; a customer finds only published public articles. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public ArticleResponse find(@PathParam("id") UUID id) {
        ArticleView view = ArticleView.findById(id);
        // For a customer, an article they may not read does not exist: ids of drafts and internal
        // articles must not be confirmed to them.
        if (view == null || caller.isOnlyCustomer() && !view.isPublicAndPublished()) {
            throw new NotFoundException("No article " + id);
        }
        return ArticleResponse.of(view, null, !caller.isOnlyCustomer());
    }

    /**
     * With {@code q}: ranked full-text search. Without: the newest articles. Both filter by status and
     * product. Staff, other systems and customers; a customer gets only published public articles,
     * whatever they filter by.
     */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION, Roles.CUSTOMER })
    public List<ArticleResponse> list(
            @QueryParam("q") @Size(max = 500) @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS)
            String q,
            @QueryParam("status") ArticleStatus status,
            @QueryParam("product") @Size(max = 100)
            @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS) String product,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        ArticleFilter filter = new ArticleFilter(status, product, caller.isOnlyCustomer());
        if (q == null || q.isBlank()) {
            return search.newest(filter, limit).stream()
                    .map(v -> ArticleResponse.of(v, null, !caller.isOnlyCustomer())).toList();
        }
        List<ArticleSearch.Hit> hits = search.search(q, filter, limit);
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<UUID, ArticleView> views = ArticleView.<ArticleView>list("articleId in ?1",
                hits.stream().map(ArticleSearch.Hit::articleId).toList()).stream()
                .collect(Collectors.toMap(v -> v.articleId, Function.identity()));
        return hits.stream().map(hit -> ArticleResponse.of(views.get(hit.articleId()),
                Math.round(hit.rank() * 1000) / 1000.0, !caller.isOnlyCustomer())).toList();
    }
}
