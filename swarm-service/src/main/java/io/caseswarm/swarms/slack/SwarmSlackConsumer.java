package io.caseswarm.swarms.slack;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows this service's own swarm events, as committed and published, in a consumer group of its own
 * ({@code swarm-service-slack}), through the inbox like every consumer: each event changes Slack once, in
 * order per swarm. A Slack that rate-limits or cannot be reached holds the event until it can.
 */
@ApplicationScoped
public class SwarmSlackConsumer {

    private final EventInbox inbox;
    private final SlackSwarmMirror mirror;

    SwarmSlackConsumer(EventInbox inbox, SlackSwarmMirror mirror) {
        this.inbox = inbox;
        this.mirror = mirror;
    }

    @Incoming("swarm-slack")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> mirror.onSwarmEvent(event.type(), UUID.fromString(event.subject()), event.data()));
    }
}
