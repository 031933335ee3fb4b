package io.caseswarm.cases.service;

import java.time.Instant;
import java.util.ArrayList;
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
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Cases as their event streams hold them, for the command handlers: loads an aggregate, and records what a
 * decision on one or two cases gives, with the view updated, in the caller's transaction.
 */
@ApplicationScoped
class CaseStreams {

    private final EventStore store;
    private final CaseViewProjector projector;
    private final SlaKeeper sla;
    private final PlatformClock clock;

    CaseStreams(EventStore store, CaseViewProjector projector, SlaKeeper sla, PlatformClock clock) {
        this.store = store;
        this.projector = projector;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * The time commands on cases decide by: the platform's, in microseconds as PostgreSQL keeps them, the
     * same clock the case's SLA deadlines come due by.
     */
    Instant now() {
        return clock.now();
    }

    /** The case as its events say; 404 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    Case load(UUID caseId) {
        return Case.replay(history(caseId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void decide(UUID caseId, Function<Case, List<CaseEvent>> decision) {
        decideOnHistory(caseId, history -> decision.apply(Case.replay(history)));
    }

    /** A decision on the case's events as they are, for what is kept beside the aggregate (its SLA). */
    @Transactional(Transactional.TxType.MANDATORY)
    void decideOnHistory(UUID caseId, Function<List<CaseEvent>, List<CaseEvent>> decision) {
        List<CaseEvent> history = history(caseId);
        record(caseId, history, decision.apply(history));
    }

    /** Opens a case: its first events. */
    @Transactional(Transactional.TxType.MANDATORY)
    void open(UUID caseId, List<CaseEvent> events) {
        record(caseId, List.of(), events);
    }

    /**
     * A decision on two cases, each appended to its own stream at the version it was loaded at: if either
     * changed meanwhile, nothing is written and the command is decided again. The streams are appended to
     * in the order of their ids, so that two commands on the same cases never wait on each other in
     * opposite orders (a deadlock) but one of them simply loses the race.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void decideBoth(UUID firstId, UUID secondId, BiFunction<Case, Case, BothCases> decision) {
        List<CaseEvent> first = history(firstId);
        List<CaseEvent> second = history(secondId);
        BothCases events = decision.apply(Case.replay(first), Case.replay(second));
        if (firstId.compareTo(secondId) <= 0) {
            record(firstId, first, events.first());
            record(secondId, second, events.second());
        } else {
            record(secondId, second, events.second());
            record(firstId, first, events.first());
        }
    }

    private List<CaseEvent> history(UUID caseId) {
        List<CaseEvent> history = store.load(caseId.toString(), CaseCommands.TYPES);
        if (history.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        return history;
    }

    /** Appends what was decided, and what it means for the case's SLA, after {@code history}; updates the view. */
    private void record(UUID caseId, List<CaseEvent> history, List<CaseEvent> decided) {
        if (decided.isEmpty()) {
            return;
        }
        List<CaseEvent> events = new ArrayList<>(decided);
        events.addAll(sla.follow(caseId, history, decided));
        List<StoredEvent> stored = store.append(CaseCommands.STREAM_TYPE, caseId.toString(), history.size(), events);
        projector.project(stored);
    }

    /** The events a decision on two cases gives each of them. */
    record BothCases(List<CaseEvent> first, List<CaseEvent> second) {
    }
}
