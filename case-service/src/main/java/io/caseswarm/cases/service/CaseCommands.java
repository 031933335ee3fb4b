package io.caseswarm.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Handles the commands on cases. Each runs in one transaction: the aggregate decides the events, the
 * store appends them (which is also how they get published) and the view is updated, all or nothing.
 */
@ApplicationScoped
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
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public UUID open(OpenCase command) {
        List<CaseEvent> events = Case.open(command, numbers.next(), clock.instant());
        List<StoredEvent> stored = store.append(STREAM_TYPE, command.caseId().toString(), 0, events);
        projector.project(stored);
        return command.caseId();
    }
}
