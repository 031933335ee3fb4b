package io.caseswarm.cases.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.cases.service.AutomationCommands;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Runs automation rules on this service's own case events, as committed and published: in a consumer
 * group of its own ({@code case-service-automation}), through the inbox like every consumer, so each
 * event sets rules off once, in order per case.
 */
@ApplicationScoped
public class CaseEventsAutomation {

    private final EventInbox inbox;
    private final AutomationCommands automation;

    CaseEventsAutomation(EventInbox inbox, AutomationCommands automation) {
        this.inbox = inbox;
        this.automation = automation;
    }

    @Incoming("case-automation")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> automation.onCaseEvent(new AutomationCommands.SeenCaseEvent(event.id(),
                event.type(), UUID.fromString(event.subject()), event.data(), event.time())));
    }
}
