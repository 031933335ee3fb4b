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
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.domain.Swarm;
import io.caseswarm.swarms.domain.SwarmEvent;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmProjector;
import io.caseswarm.swarms.projection.SwarmView;
import io.quarkus.security.ForbiddenException;

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

    /**
     * The owner of an open case, or a lead on the owner's behalf, asks for a swarm on it. The swarm is the
     * case owner's either way: the owner stays responsible for the case.
     */
    @Transactional
    public void request(RequestSwarm command, Caller caller) {
        KnownCase knownCase = KnownCase.findById(command.caseId());
        if (knownCase == null) {
            throw new NotFoundException("Case " + command.caseId() + " is not known (yet) to the swarm service");
        }
        if (!caller.isSelf(knownCase.ownerId) && !caller.is(Roles.LEAD)) {
            throw new ForbiddenException(
                    "Only the owner of case " + knownCase.number + " or a lead asks for a swarm on it");
        }
        if (!KnownCase.OPEN.equals(knownCase.status)) {
            throw new CommandRejectedException("Case " + knownCase.number + " is " + knownCase.status);
        }
        if (knownCase.ownerId == null) {
            throw new CommandRejectedException("Case " + knownCase.number + " has no owner yet; assign it first");
        }
        append(command.swarmId(), 0, Swarm.request(command, knownCase.number, knownCase.ownerId, caller.id(),
                clock.instant()));
    }

    /** The case passed to a new owner: its open swarms follow, so the new owner works with their experts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followCaseOwner(UUID caseId, String ownerId) {
        for (SwarmView swarm : SwarmView.<SwarmView>list("caseId", caseId)) {
            decide(swarm.swarmId, aggregate -> aggregate.followOwner(ownerId, clock.instant()));
        }
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

    /**
     * The caller posts under their own name if they own the swarm, joined it, or lead. Checked against the
     * swarm's history in the transaction that appends, so an expert who has just left cannot slip a post in.
     */
    @Transactional
    public UUID post(UUID swarmId, Caller author, String text) {
        UUID postId = UUID.randomUUID();
        decide(swarmId, swarm -> {
            if (!swarm.mayPost(author.id()) && !author.is(Roles.LEAD)) {
                throw new ForbiddenException(author.id() + " neither owns nor has joined this swarm");
            }
            return swarm.post(postId, author.id(), text, clock.instant());
        });
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
