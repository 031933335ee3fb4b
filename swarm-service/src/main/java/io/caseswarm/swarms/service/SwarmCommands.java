package io.caseswarm.swarms.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.domain.Swarm;
import io.caseswarm.swarms.domain.SwarmEvent;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmProjector;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * Handles the commands on swarms, each in one transaction: decide, append (and so publish), project.
 * Commands that come from other services' events join the inbox's transaction.
 */
@ApplicationScoped
public class SwarmCommands {

    public static final String STREAM_TYPE = "swarm";

    private final EventStore store;
    private final SwarmProjector projector;
    // Microseconds, as PostgreSQL keeps them.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    SwarmCommands(EventStore store, SwarmProjector projector) {
        this.store = store;
        this.projector = projector;
    }

    /** Only the owner of an open case asks for a swarm on it. */
    @Transactional
    public void request(RequestSwarm command) {
        KnownCase knownCase = KnownCase.findById(command.caseId());
        if (knownCase == null) {
            throw new NotFoundException("Case " + command.caseId() + " is not known (yet) to the swarm service");
        }
        if (!KnownCase.OPEN.equals(knownCase.status)) {
            throw new CommandRejectedException("Case " + knownCase.number + " is " + knownCase.status);
        }
        if (!command.ownerId().equals(knownCase.ownerId)) {
            throw new CommandRejectedException("Only the owner of case " + knownCase.number + " ("
                    + (knownCase.ownerId == null ? "nobody yet" : knownCase.ownerId) + ") asks for a swarm on it");
        }
        append(command.swarmId(), 0, Swarm.request(command, knownCase.number, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInvitation(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.recordInvitation(personId, clock.instant()));
    }

    @Transactional
    public void join(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.join(personId, clock.instant()));
    }

    @Transactional
    public void decline(UUID swarmId, String personId, String reason) {
        decide(swarmId, swarm -> swarm.decline(personId, reason, clock.instant()));
    }

    @Transactional
    public void leave(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.leave(personId, clock.instant()));
    }

    @Transactional
    public UUID post(UUID swarmId, String authorId, String text) {
        UUID postId = UUID.randomUUID();
        decide(swarmId, swarm -> swarm.post(postId, authorId, text, clock.instant()));
        return postId;
    }

    /** A resolved case needs no swarm any more: every open one of it closes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSwarmsOf(UUID caseId, String reason) {
        for (SwarmView swarm : SwarmView.<SwarmView>list("caseId", caseId)) {
            decide(swarm.swarmId, aggregate -> aggregate.close(reason, clock.instant()));
        }
    }

    private void decide(UUID swarmId, Function<Swarm, List<SwarmEvent>> decision) {
        List<SwarmEvent> history = store.load(swarmId.toString(), SwarmProjector.TYPES);
        if (history.isEmpty()) {
            throw new NotFoundException("No swarm " + swarmId);
        }
        Swarm swarm = Swarm.replay(history);
        append(swarmId, swarm.version(), decision.apply(swarm));
    }

    private void append(UUID swarmId, long expectedVersion, List<SwarmEvent> events) {
        projector.project(store.append(STREAM_TYPE, swarmId.toString(), expectedVersion, events));
    }
}
