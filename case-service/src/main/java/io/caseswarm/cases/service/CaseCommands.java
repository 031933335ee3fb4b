package io.caseswarm.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.quarkus.security.ForbiddenException;

/**
 * Handles the commands on cases. Each runs in one transaction: the aggregate decides the events, the
 * store appends them (which is also how they get published) and the view is updated, all or nothing.
 */
@ApplicationScoped
@RetryOnConflict
public class CaseCommands {

    public static final String STREAM_TYPE = "case";
    public static final EventTypes<CaseEvent> TYPES = EventTypes.of(CaseEvent.class);

    private final EventStore store;
    private final CaseViewProjector projector;
    private final CaseNumbers numbers;
    private final Clock clock;

    CaseCommands(EventStore store, CaseViewProjector projector, CaseNumbers numbers) {
        this.store = store;
        this.projector = projector;
        this.numbers = numbers;
        // Microseconds, as PostgreSQL keeps them: event payloads and views then agree to the digit.
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Transactional
    public UUID open(OpenCase command) {
        List<CaseEvent> events = Case.open(command, numbers.next(), clock.instant());
        record(command.caseId(), 0, events);
        return command.caseId();
    }

    @Transactional
    public void assign(UUID caseId, String ownerId) {
        decide(caseId, aggregate -> aggregate.assign(ownerId, clock.instant()));
    }

    /**
     * The case's owner, or a lead, resolves it. The owner is read from the events in the same transaction,
     * so the check cannot act on a stale view. A case without an owner is left to the aggregate to refuse.
     */
    @Transactional
    public void resolve(UUID caseId, Resolution resolution, Caller caller) {
        decide(caseId, aggregate -> {
            if (aggregate.ownerId() != null && !caller.isSelf(aggregate.ownerId()) && !caller.is(Roles.LEAD)) {
                throw new ForbiddenException(
                        "Only the case's owner, " + aggregate.ownerId() + ", or a lead resolves it");
            }
            return aggregate.resolve(resolution, clock.instant());
        });
    }

    private void decide(UUID caseId, Function<Case, List<CaseEvent>> decision) {
        List<CaseEvent> history = store.load(caseId.toString(), TYPES);
        if (history.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        Case aggregate = Case.replay(history);
        record(caseId, aggregate.version(), decision.apply(aggregate));
    }

    private void record(UUID caseId, long expectedVersion, List<CaseEvent> events) {
        List<StoredEvent> stored = store.append(STREAM_TYPE, caseId.toString(), expectedVersion, events);
        projector.project(stored);
    }
}
