package io.caseswarm.notifications.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Remembers what each swarm is about, so that invitations can say it; and tells the leads of an urgent
 * swarm's pod at once. The swarm request names them as swarm-service knew them when it was made.
 */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;
    private final Notifier notifier;

    SwarmEventsConsumer(EventInbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("swarm-events")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("swarm-requested".equals(event.type())) {
                SwarmRequested requested = event.dataAs(SwarmRequested.class);
                SwarmInfo info = new SwarmInfo();
                info.swarmId = requested.swarmId();
                info.caseId = requested.caseId();
                info.caseNumber = requested.caseNumber();
                info.question = requested.question();
                info.persist();
                if ("urgent".equals(requested.type()) && requested.podLeadIds() != null) {
                    notifier.sendToPeople(requested.podLeadIds(), new Notice.UrgentSwarm(requested.caseNumber(),
                            requested.swarmId(), requested.podId(), requested.question(), requested.skills()),
                            new TriggeredBy(event.id(), event.type()));
                }
            }
        });
    }

    /** {@code type}, {@code podId} and {@code podLeadIds} are null on older requests (and the latter two without a pod). */
    record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String question, List<String> skills,
            String type, String podId, List<String> podLeadIds) {
    }
}
