package io.caseswarm.cases.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.service.SwarmCaseActions;
import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Shows on each case the swarms working on it, from swarm-service's events, and does what a swarm asks of its
 * case on somebody's behalf ({@link SwarmCaseActions}).
 */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;
    private final SwarmCaseActions caseActions;

    SwarmEventsConsumer(EventInbox inbox, SwarmCaseActions caseActions) {
        this.inbox = inbox;
        this.caseActions = caseActions;
    }

    /**
     * A request the case's rules refuse rolls its delivery back whole (the command may have begun writing);
     * the same delivery is then applied once more with the refusal as its effect, so it is recorded on the
     * case exactly once and never tried again.
     */
    @Incoming("swarm-events")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        try {
            inbox.apply(record, this::apply);
        } catch (RuntimeException e) {
            SwarmCaseActions.Refused refused = refusalIn(e);
            if (refused == null) {
                throw e;
            }
            inbox.apply(record, event -> caseActions.recordRefusal(refused));
        }
    }

    private void apply(ReceivedEvent event) {
        switch (event.type()) {
            case "swarm-requested" -> requested(event.dataAs(SwarmRequested.class), event.time());
            // Somebody the owner added by name is in the swarm at once, as if they had joined.
            case "swarm-member-joined", "swarm-member-added" -> joined(event.dataAs(MemberChange.class),
                    event.time());
            case "swarm-member-left" -> left(event.dataAs(MemberChange.class), event.time());
            case "swarm-closed" -> over(event, event.dataAs(SwarmClosed.class), "closed");
            case "swarm-cancelled" -> over(event, event.dataAs(SwarmClosed.class), "cancelled");
            case SwarmCaseActions.CUSTOMER_UPDATE -> caseActions.writeToCustomer(
                    event.dataAs(SwarmCaseActions.CustomerUpdateRequested.class));
            case SwarmCaseActions.RESOLUTION -> caseActions.resolve(
                    event.dataAs(SwarmCaseActions.ResolutionRequested.class));
            default -> {
                // Invitations, declines and posts do not change what the case shows.
            }
        }
    }

    /** The refusal among a failure's causes: the inbox may hand it on wrapped by the transaction it ran in. */
    private static SwarmCaseActions.Refused refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SwarmCaseActions.Refused refused) {
                return refused;
            }
        }
        return null;
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
