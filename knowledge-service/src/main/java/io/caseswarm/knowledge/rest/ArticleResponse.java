package io.caseswarm.knowledge.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.Visibility;
import io.caseswarm.knowledge.projection.ArticleView;

/**
 * An article as its readers see it (the published version, once there is one); {@code score} is how well
 * it matched, on search results only. Staff also see the {@code pendingRevision} waiting for a lead's or
 * an admin's review, if any; customers never do. Staff alone see {@code uses}, on how many cases staff said it
 * helped: it tells of the support team's cases.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleResponse(UUID id, String title, String body, List<String> tags, String product,
        Visibility visibility, ArticleStatus status, UUID sourceCaseId, Instant createdAt, Instant updatedAt,
        long version, Double score, PendingRevision pendingRevision, Long uses) {

    static ArticleResponse of(ArticleView v, Double score, boolean staff) {
        PendingRevision pending = staff && v.hasPendingRevision() ? new PendingRevision(v.pendingTitle,
                v.pendingBody, v.pendingTags, v.pendingProduct, v.pendingVisibility, v.pendingSince) : null;
        return new ArticleResponse(v.articleId, v.title, v.body, v.tags, v.product, v.visibility, v.status,
                v.sourceCaseId, v.createdAt, v.updatedAt, v.version, score, pending, staff ? v.uses : null);
    }

    /** A revision of a published article that a lead or an admin has not published yet. */
    public record PendingRevision(String title, String body, List<String> tags, String product,
            Visibility visibility, Instant revisedAt) {
    }
}
