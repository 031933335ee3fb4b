package io.caseswarm.knowledge.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import io.caseswarm.knowledge.service.ArticleSearch;
import io.caseswarm.knowledge.service.KnowledgeCommands;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@Path("/articles")
public class ArticleResource {

    private final KnowledgeCommands commands;
    private final ArticleSearch search;

    ArticleResource(KnowledgeCommands commands, ArticleSearch search) {
        this.commands = commands;
        this.search = search;
    }

    @POST
    public Response draft(@NotNull @Valid ArticleRequest request) {
        UUID id = commands.draft(request.content());
        return Response.created(URI.create("/articles/" + id)).entity(find(id)).build();
    }

    @PUT
    @Path("/{id}")
    public ArticleResponse revise(@PathParam("id") UUID id, @NotNull @Valid ArticleRequest request) {
        commands.revise(id, request.content());
        return find(id);
    }

    @POST
    @Path("/{id}/publish")
    public ArticleResponse publish(@PathParam("id") UUID id) {
        commands.publish(id);
        return find(id);
    }

    @GET
    @Path("/{id}")
    public ArticleResponse find(@PathParam("id") UUID id) {
        ArticleView view = ArticleView.findById(id);
        if (view == null) {
            throw new NotFoundException("No article " + id);
        }
        return ArticleResponse.of(view, null);
    }

    /** With {@code q}: ranked full-text search. Without: the newest articles. Both filter by status and product. */
    @GET
    public List<ArticleResponse> list(@QueryParam("q") @Size(max = 500) String q,
            @QueryParam("status") ArticleStatus status, @QueryParam("product") @Size(max = 100) String product,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        if (q == null || q.isBlank()) {
            StringBuilder where = new StringBuilder("1 = 1");
            Map<String, Object> params = new java.util.HashMap<>();
            if (status != null) {
                where.append(" and status = :status");
                params.put("status", status);
            }
            if (product != null) {
                where.append(" and product = :product");
                params.put("product", product);
            }
            return ArticleView.<ArticleView>find(where.toString(), Sort.descending("updatedAt"), params)
                    .page(Page.ofSize(limit)).list().stream().map(v -> ArticleResponse.of(v, null)).toList();
        }
        List<ArticleSearch.Hit> hits = search.search(q, status, product, limit);
        Map<UUID, ArticleView> views = ArticleView.<ArticleView>list("articleId in ?1",
                hits.stream().map(ArticleSearch.Hit::articleId).toList()).stream()
                .collect(Collectors.toMap(v -> v.articleId, Function.identity()));
        return hits.stream().map(hit -> ArticleResponse.of(views.get(hit.articleId()),
                Math.round(hit.rank() * 1000) / 1000.0)).toList();
    }
}
