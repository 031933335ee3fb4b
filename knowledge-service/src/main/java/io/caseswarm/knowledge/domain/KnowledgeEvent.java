package io.caseswarm.knowledge.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * The knowledge base's events, on {@code knowledge-events}: article events keyed by the article,
 * suggestions keyed by the case they are for.
 */
public sealed interface KnowledgeEvent {

    @EventType("article-drafted")
    record ArticleDrafted(UUID articleId, String title, String body, List<String> tags, String product,
            UUID sourceCaseId, Instant draftedAt) implements KnowledgeEvent {
    }

    @EventType("article-revised")
    record ArticleRevised(UUID articleId, String title, String body, List<String> tags, String product,
            Instant revisedAt) implements KnowledgeEvent {
    }

    @EventType("article-published")
    record ArticlePublished(UUID articleId, String title, List<String> tags, String product, Instant publishedAt)
            implements KnowledgeEvent {
    }

    @EventType("knowledge-suggested")
    record KnowledgeSuggested(UUID caseId, List<Suggestion> suggestions, Instant suggestedAt)
            implements KnowledgeEvent {
    }
}
