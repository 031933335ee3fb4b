package io.caseswarm.cases.report;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds the reporting read model from case-events in a consumer group of its own ({@code case-service-reporting}),
 * through the inbox under a name of its own: each event counts once, whatever else in this service has seen it.
 */
@ApplicationScoped
public class ReportingConsumer {

    /** The inbox's name for this consumer, apart from the automation's record of the same case events. */
    public static final String CONSUMER = "case-service-reporting";

    private final EventInbox inbox;
    private final ReportProjector projector;

    ReportingConsumer(EventInbox inbox, ReportProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("case-reporting")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, projector::apply);
    }
}
