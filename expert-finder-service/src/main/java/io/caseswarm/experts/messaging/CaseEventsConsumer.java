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

/** Learns from resolved cases: who owned and solved them, and their words, for requests like them later. */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final LearningService learning;

    CaseEventsConsumer(EventInbox inbox, LearningService learning) {
        this.inbox = inbox;
        this.learning = learning;
    }

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("case-resolved".equals(event.type())) {
                CaseResolved resolved = event.dataAs(CaseResolved.class);
                learning.resolved(resolved.caseId(), resolved.number(), resolved.text(), resolved.product(),
                        resolved.ownerId(), resolved.helpedBy(), resolved.resolvedAt());
            }
        });
    }

    public record CaseResolved(UUID caseId, String number, String subject, String description, String product,
            String ownerId, Resolution resolution, Instant resolvedAt) {

        /** The words of the case: what was asked, and how it was solved. */
        public String text() {
            return java.util.stream.Stream.of(subject, description, resolution == null ? null : resolution.summary())
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("\n"));
        }

        public List<String> helpedBy() {
            return resolution == null || resolution.helpedBy() == null ? List.of() : resolution.helpedBy();
        }
    }

    public record Resolution(String summary, List<String> helpedBy) {
    }
}
