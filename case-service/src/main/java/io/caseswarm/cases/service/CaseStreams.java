package io.caseswarm.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Cases as their event streams hold them, for the command handlers: loads an aggregate, and records what a
 * decision on one or two cases gives, with the view updated, in the caller's transaction.
 */
@ApplicationScoped
class CaseStreams {

    /** Microseconds, as PostgreSQL keeps them: event payloads and views then agree to the digit. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final EventStore store;
    private final CaseViewProjector projector;

    CaseStreams(EventStore store, CaseViewProjector projector) {
        this.store = store;
        this.projector = projector;
    }

    /** The case as its events say; 404 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    Case load(UUID caseId) {
        List<CaseEvent> history = store.load(caseId.toString(), CaseCommands.TYPES);
        if (history.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        return Case.replay(history);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void decide(UUID caseId, Function<Case, List<CaseEvent>> decision) {
        Case aggregate = load(caseId);
        record(caseId, aggregate.version(), decision.apply(aggregate));
    }

    /**
     * A decision on two cases, each appended to its own stream at the version it was loaded at: if either
     * changed meanwhile, nothing is written and the command is decided again. The streams are appended to
     * in the order of their ids, so that two commands on the same cases never wait on each other in
     * opposite orders (a deadlock) but one of them simply loses the race.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void decideBoth(UUID firstId, UUID secondId, BiFunction<Case, Case, BothCases> decision) {
        Case first = load(firstId);
        Case second = load(secondId);
        BothCases events = decision.apply(first, second);
        if (firstId.compareTo(secondId) <= 0) {
            record(firstId, first.version(), events.first());
            record(secondId, second.version(), events.second());
        } else {
            record(secondId, second.version(), events.second());
            record(firstId, first.version(), events.first());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID caseId, long expectedVersion, List<CaseEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = store.append(CaseCommands.STREAM_TYPE, caseId.toString(), expectedVersion, events);
        projector.project(stored);
    }

    /** The events a decision on two cases gives each of them. */
    record BothCases(List<CaseEvent> first, List<CaseEvent> second) {
    }
}
