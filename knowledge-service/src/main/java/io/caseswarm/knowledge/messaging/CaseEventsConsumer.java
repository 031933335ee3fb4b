package io.caseswarm.knowledge.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.knowledge.domain.ResolvedCase;
import io.caseswarm.knowledge.service.KnowledgeCommands;
import io.caseswarm.knowledge.service.SeenCases;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Suggests articles for every new case and captures the fix of every resolved one. It also notes each new case,
 * so that staff can say an article helped on it.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final KnowledgeCommands knowledge;
    private final SeenCases seenCases;

    CaseEventsConsumer(EventInbox inbox, KnowledgeCommands knowledge, SeenCases seenCases) {
        this.inbox = inbox;
        this.knowledge = knowledge;
        this.seenCases = seenCases;
    }

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "case-opened" -> {
                    CaseOpened opened = event.dataAs(CaseOpened.class);
                    seenCases.opened(opened.caseId(), opened.openedAt());
                    knowledge.suggestFor(opened.caseId(), opened.subject() + "\n" + opened.description(),
                            opened.product());
                }
                case "case-resolved" -> {
                    CaseResolved resolved = event.dataAs(CaseResolved.class);
                    knowledge.capture(new ResolvedCase(resolved.caseId(), resolved.number(), resolved.subject(),
                            resolved.description(), resolved.product(), resolved.resolution().summary(),
                            resolved.resolution().helpedBy(), resolved.ownerId()));
                }
                default -> {
                    // Assignments and the like say nothing the knowledge base needs.
                }
            }
        });
    }

    record CaseOpened(UUID caseId, String subject, String description, String product, Instant openedAt) {
    }

    record CaseResolved(UUID caseId, String number, String subject, String description, String product,
            String ownerId, Resolution resolution) {
    }

    record Resolution(String summary, List<String> helpedBy) {
    }
}
