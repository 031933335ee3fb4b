package io.caseswarm.swarms.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.service.SwarmCommands;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns cases and their owners from case-service: a case that changes hands takes its swarms with it, and
 * a resolved case closes them.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final SwarmCommands swarms;

    CaseEventsConsumer(EventInbox inbox, SwarmCommands swarms) {
        this.inbox = inbox;
        this.swarms = swarms;
    }

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "case-opened" -> opened(event.dataAs(CaseOpened.class));
                case "case-assigned" -> {
                    CaseAssigned assigned = event.dataAs(CaseAssigned.class);
                    known(assigned.caseId()).ownerId = assigned.ownerId();
                    swarms.followCaseOwner(assigned.caseId(), assigned.ownerId());
                }
                case "case-resolved" -> {
                    UUID caseId = event.dataAs(CaseResolved.class).caseId();
                    known(caseId).status = KnownCase.RESOLVED;
                    swarms.closeSwarmsOf(caseId, "case-resolved");
                }
                // A reopened case may be swarmed again; a closed one never. A merged duplicate is closed too:
                // its conversation goes on on the survivor, which is swarmed in its own right.
                case "case-reopened" -> known(event.dataAs(CaseResolved.class).caseId()).status = KnownCase.OPEN;
                case "case-closed", "case-merged" -> {
                    UUID caseId = event.dataAs(CaseResolved.class).caseId();
                    known(caseId).status = KnownCase.CLOSED;
                    swarms.closeSwarmsOf(caseId, event.type());
                }
                default -> {
                    // Other case events do not concern swarms.
                }
            }
        });
    }

    private static void opened(CaseOpened opened) {
        KnownCase known = new KnownCase();
        known.caseId = opened.caseId();
        known.number = opened.number();
        known.subject = opened.subject();
        known.status = KnownCase.OPEN;
        known.persist();
    }

    /** Events of one case arrive in order: it was opened before anything else happened to it. */
    private static KnownCase known(UUID caseId) {
        KnownCase known = KnownCase.findById(caseId);
        if (known == null) {
            throw new IllegalStateException("Event for case " + caseId + " that was never opened");
        }
        return known;
    }

    record CaseOpened(UUID caseId, String number, String subject) {
    }

    record CaseAssigned(UUID caseId, String ownerId) {
    }

    /** What swarms need of case-resolved, case-reopened, case-closed and case-merged: which case. */
    record CaseResolved(UUID caseId) {
    }
}
