package io.caseswarm.cases.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.cases.projection.CaseSuggestions;
import io.caseswarm.cases.projection.CaseSuggestions.Suggestion;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Shows on each case the articles the knowledge base suggested for it. */
@ApplicationScoped
public class KnowledgeEventsConsumer {

    private final EventInbox inbox;

    KnowledgeEventsConsumer(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("knowledge-events")
    @Blocking
    public void onKnowledgeEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("knowledge-suggested".equals(event.type())) {
                suggested(event.dataAs(KnowledgeSuggested.class));
            }
        });
    }

    private static void suggested(KnowledgeSuggested suggested) {
        CaseSuggestions view = CaseSuggestions.<CaseSuggestions>findByIdOptional(suggested.caseId())
                .orElseGet(CaseSuggestions::new);
        view.caseId = suggested.caseId();
        view.suggestions = suggested.suggestions();
        view.suggestedAt = suggested.suggestedAt();
        view.persist();
    }

    record KnowledgeSuggested(UUID caseId, List<Suggestion> suggestions, Instant suggestedAt) {
    }
}
