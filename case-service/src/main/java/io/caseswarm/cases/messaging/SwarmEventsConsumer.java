package io.caseswarm.cases.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Shows on each case the swarms working on it, from swarm-service's events. */
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
            switch (event.type()) {
                case "swarm-requested" -> requested(event.dataAs(SwarmRequested.class), event.time());
                // Somebody the owner added by name is in the swarm at once, as if they had joined.
                case "swarm-member-joined", "swarm-member-added" -> joined(event.dataAs(MemberChange.class),
                        event.time());
                case "swarm-member-left" -> left(event.dataAs(MemberChange.class), event.time());
                case "swarm-closed" -> over(event, event.dataAs(SwarmClosed.class), "closed");
                case "swarm-cancelled" -> over(event, event.dataAs(SwarmClosed.class), "cancelled");
                default -> {
                    // Invitations, declines and posts do not change what the case shows.
                }
            }
        });
    }

    private static void requested(SwarmRequested requested, Instant at) {
        CaseSwarm swarm = new CaseSwarm();
        swarm.swarmId = requested.swarmId();
        swarm.caseId = requested.caseId();
        swarm.status = "requested";
        swarm.question = requested.question();
        swarm.memberIds = List.of();
        swarm.everMemberIds = List.of();
        swarm.updatedAt = at;
        swarm.persist();
    }

    private static void joined(MemberChange change, Instant at) {
        CaseSwarm swarm = find(change.swarmId());
        List<String> members = new ArrayList<>(swarm.memberIds);
        if (!members.contains(change.personId())) {
            members.add(change.personId());
        }
        swarm.memberIds = members;
        if (!swarm.everMemberIds.contains(change.personId())) {
            List<String> ever = new ArrayList<>(swarm.everMemberIds);
            ever.add(change.personId());
            swarm.everMemberIds = ever;
        }
        swarm.status = "active";
        swarm.updatedAt = at;
    }

    private static void left(MemberChange change, Instant at) {
        CaseSwarm swarm = find(change.swarmId());
        swarm.memberIds = swarm.memberIds.stream().filter(id -> !id.equals(change.personId())).toList();
        swarm.updatedAt = at;
    }

    private static void over(ReceivedEvent event, SwarmClosed closed, String status) {
        CaseSwarm swarm = find(closed.swarmId());
        swarm.status = status;
        swarm.updatedAt = event.time();
    }

    /** Events of one swarm arrive in order, so a swarm has always been requested before anything else happens to it. */
    private static CaseSwarm find(UUID swarmId) {
        CaseSwarm swarm = CaseSwarm.findById(swarmId);
        if (swarm == null) {
            throw new IllegalStateException("Event for swarm " + swarmId + " that was never requested");
        }
        return swarm;
    }

    record SwarmRequested(UUID swarmId, UUID caseId, String question) {
    }

    record MemberChange(UUID swarmId, String personId) {
    }

    record SwarmClosed(UUID swarmId) {
    }
}
