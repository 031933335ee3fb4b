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

/** Learns from the knowledge base: whoever wrote a published article knows what its tags name. */
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
            if ("article-published".equals(event.type())) {
                ArticlePublished published = event.dataAs(ArticlePublished.class);
                learning.published(published.articleId(), published.authorId(), published.title(),
                        published.tags() == null ? List.of() : published.tags(), published.product(),
                        published.publishedAt());
            }
        });
    }

    /** {@code authorId} is null on articles published before authors were recorded. */
    public record ArticlePublished(UUID articleId, String title, List<String> tags, String product, String authorId,
            Instant publishedAt) {
    }
}
