package io.caseswarm.knowledge.rest;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleUsed;

/** That an article helped on a case: who said so first, and when. */
public record ArticleUseResponse(UUID articleId, UUID caseId, String usedBy, Instant usedAt) {

    static ArticleUseResponse of(ArticleUsed used) {
        return new ArticleUseResponse(used.articleId(), used.caseId(), used.usedBy(), used.usedAt());
    }
}
