package io.caseswarm.cases.report;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds the reporting read model from case-events, swarm-events and expert-events, each in a consumer group of its
 * own ({@code case-service-reporting}, {@code -swarms}, {@code -experts}), through the inbox under a name of its own:
 * each event counts once, whatever else in this service has seen it.
 */
@ApplicationScoped
public class ReportingConsumer {

    /** The inbox's name for this consumer, apart from the automation's record of the same case events. */
    public static final String CONSUMER = "case-service-reporting";

    private final EventInbox inbox;
    private final ReportProjector projector;
    private final SwarmReportProjector swarms;
    private final ReportRebuild rebuild;

    ReportingConsumer(EventInbox inbox, ReportProjector projector, SwarmReportProjector swarms,
            ReportRebuild rebuild) {
        this.inbox = inbox;
        this.projector = projector;
        this.swarms = swarms;
        this.rebuild = rebuild;
    }

    @Incoming("case-reporting")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        apply(record, projector::apply);
    }

    @Incoming("swarm-reporting")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        apply(record, swarms::applySwarmEvent);
    }

    @Incoming("expert-reporting")
    @Blocking
    public void onExpertEvent(ConsumerRecord<String, String> record) {
        apply(record, swarms::applyExpertEvent);
    }

    /** Waits out a rebuild of the reports first, with no transaction open, then applies the record once. */
    private void apply(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        rebuild.awaitNoRebuild();
        inbox.apply(CONSUMER, record, rebuild::holdOff, handler);
    }
}
