package io.caseswarm.notifications.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Remembers what each swarm is about, so that invitations can say it. */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;

    SwarmEventsConsumer(EventInbox inbox) {
        this.inbox = inbox;
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
            }
        });
    }

    record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String question) {
    }
}
