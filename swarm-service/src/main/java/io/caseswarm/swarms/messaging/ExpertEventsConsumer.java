package io.caseswarm.swarms.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.swarms.service.SwarmCommands;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Adds the experts the expert finder invites to their swarm. */
@ApplicationScoped
public class ExpertEventsConsumer {

    private final EventInbox inbox;
    private final SwarmCommands swarms;

    ExpertEventsConsumer(EventInbox inbox, SwarmCommands swarms) {
        this.inbox = inbox;
        this.swarms = swarms;
    }

    @Incoming("expert-events")
    @Blocking
    public void onExpertEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("expert-invited".equals(event.type())) {
                ExpertInvited invited = event.dataAs(ExpertInvited.class);
                swarms.recordInvitation(invited.swarmId(), invited.personId());
            }
        });
    }

    record ExpertInvited(UUID swarmId, String personId) {
    }
}
