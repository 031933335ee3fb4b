package io.caseswarm.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseEvent.CaseOpened;

/**
 * The case aggregate. Its methods decide: they check a command against the case's state and return
 * the events it causes, changing nothing. {@link #apply} is the only place state changes.
 */
public final class Case {

    private UUID id;
    private CaseStatus status;
    private long version;

    private Case() {
    }

    /** Rebuilds a case from its history. */
    public static Case replay(List<? extends CaseEvent> history) {
        Case aggregate = new Case();
        history.forEach(aggregate::apply);
        return aggregate;
    }

    /** Opening decides a single event; the case number is allocated by the caller from a sequence. */
    public static List<CaseEvent> open(OpenCase command, String number, Instant now) {
        return List.of(new CaseOpened(command.caseId(), number, command.subject().strip(),
                command.description().strip(), command.customer(),
                command.channel() == null ? Channel.API : command.channel(),
                command.product(),
                command.priority() == null ? Priority.NORMAL : command.priority(),
                now));
    }

    void apply(CaseEvent event) {
        switch (event) {
            case CaseOpened opened -> {
                id = opened.caseId();
                status = CaseStatus.OPEN;
            }
        }
        version++;
    }

    public UUID id() {
        return id;
    }

    public CaseStatus status() {
        return status;
    }

    /** How many events the case has: the expected version for the next append. */
    public long version() {
        return version;
    }
}
