package io.caseswarm.experts.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.experts.service.LearningService;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns from the knowledge base: whoever wrote a published article knows what its tags name, more so when others
 * say it helped on their cases.
 */
@ApplicationScoped
public class KnowledgeEventsConsumer {

    private final EventInbox inbox;
    private final LearningService learning;

    KnowledgeEventsConsumer(EventInbox inbox, LearningService learning) {
        this.inbox = inbox;
        this.learning = learning;
    }

    @Incoming("knowledge-events")
    @Blocking
    public void onKnowledgeEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "article-published" -> {
                    ArticlePublished published = event.dataAs(ArticlePublished.class);
                    learning.published(published.articleId(), published.authorId(), published.title(),
                            orNone(published.tags()), published.product(), published.publishedAt());
                }
                case "article-used" -> {
                    ArticleUsed used = event.dataAs(ArticleUsed.class);
                    learning.articleUsed(used.articleId(), used.caseId(), used.usedBy(), used.authorId(),
                            used.title(), orNone(used.tags()), used.product(), used.usedAt());
                }
                default -> {
                    // Drafts, revisions and suggestions say nothing of who knows what.
                }
            }
        });
    }

    private static List<String> orNone(List<String> tags) {
        return tags == null ? List.of() : tags;
    }

    /** {@code authorId} is null on articles published before authors were recorded. */
    public record ArticlePublished(UUID articleId, String title, List<String> tags, String product, String authorId,
            Instant publishedAt) {
    }

    /** {@code authorId} is null for articles whose author knowledge-service does not know. */
    public record ArticleUsed(UUID articleId, UUID caseId, String usedBy, String authorId, String title,
            List<String> tags, String product, Instant usedAt) {
    }
}
