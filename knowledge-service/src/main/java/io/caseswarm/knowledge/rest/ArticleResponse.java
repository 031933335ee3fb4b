package io.caseswarm.knowledge.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.Visibility;
import io.caseswarm.knowledge.projection.ArticleView;

/** An article; {@code score} is how well it matched, on search results only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleResponse(UUID id, String title, String body, List<String> tags, String product,
        Visibility visibility, ArticleStatus status, UUID sourceCaseId, Instant createdAt, Instant updatedAt,
        long version, Double score) {

    static ArticleResponse of(ArticleView v, Double score) {
        return new ArticleResponse(v.articleId, v.title, v.body, v.tags, v.product, v.visibility, v.status,
                v.sourceCaseId, v.createdAt, v.updatedAt, v.version, score);
    }
}
