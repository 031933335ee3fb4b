package io.caseswarm.knowledge.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * The knowledge base's events, on {@code knowledge-events}: article events keyed by the article,
 * suggestions keyed by the case they are for. {@code visibility} came later as an optional field: an
 * article event stored or published before it says nothing, and means internal. {@code authorId} (who drafted
 * the article, by hand or by resolving the case it was captured from) came later too: null on older events.
 */
public sealed interface KnowledgeEvent {

    @EventType("article-drafted")
    record ArticleDrafted(UUID articleId, String title, String body, List<String> tags, String product,
            Visibility visibility, UUID sourceCaseId, Instant draftedAt, String authorId) implements KnowledgeEvent {

        public ArticleDrafted {
            visibility = Visibility.orInternal(visibility);
        }
    }

    @EventType("article-revised")
    record ArticleRevised(UUID articleId, String title, String body, List<String> tags, String product,
            Visibility visibility, Instant revisedAt) implements KnowledgeEvent {

        public ArticleRevised {
            visibility = Visibility.orInternal(visibility);
        }
    }

    @EventType("article-published")
    record ArticlePublished(UUID articleId, String title, List<String> tags, String product, Visibility visibility,
            Instant publishedAt, String authorId) implements KnowledgeEvent {

        public ArticlePublished {
            visibility = Visibility.orInternal(visibility);
        }
    }

    /**
     * A staff member said the article helped on a case. It carries the article as readers saw it (its published
     * title, tags and product) and its author, so that a consumer crediting the author needs no other event.
     */
    @EventType("article-used")
    record ArticleUsed(UUID articleId, UUID caseId, String usedBy, String authorId, String title, List<String> tags,
            String product, Instant usedAt) implements KnowledgeEvent {
    }

    @EventType("knowledge-suggested")
    record KnowledgeSuggested(UUID caseId, List<Suggestion> suggestions, Instant suggestedAt)
            implements KnowledgeEvent {
    }
}
