package io.caseswarm.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseEvent.CaseAssigned;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.platform.rest.CommandRejectedException;

/**
 * The case aggregate. Its methods decide: they check a command against the case's state and return
 * the events it causes, changing nothing. {@link #apply} is the only place state changes.
 *
 * <p>The rule that makes this swarming rather than tiered support: a case has one owner from the
 * moment it is assigned until it is resolved. Nobody escalates it to someone else.
 */
public final class Case {

    private CaseOpened opened;
    private CaseStatus status;
    private String ownerId;
    private long version;

    private Case() {
    }

    /** Rebuilds a case from its history. */
    public static Case replay(List<? extends CaseEvent> history) {
        Case aggregate = new Case();
        history.forEach(aggregate::apply);
        return aggregate;
    }

    /** The case number is allocated by the caller from a sequence; an owner given on open is assigned at once. */
    public static List<CaseEvent> open(OpenCase command, String number, Instant now) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseOpened(command.caseId(), number, command.subject().strip(),
                command.description().strip(), command.customer(),
                command.channel() == null ? Channel.API : command.channel(),
                command.product(),
                command.priority() == null ? Priority.NORMAL : command.priority(),
                now));
        if (command.ownerId() != null) {
            events.add(new CaseAssigned(command.caseId(), number, command.ownerId(), now));
        }
        return events;
    }

    public List<CaseEvent> assign(String newOwnerId, Instant now) {
        requireOpen();
        if (newOwnerId.equals(ownerId)) {
            return List.of();
        }
        if (ownerId != null) {
            throw new CommandRejectedException("Case " + opened.number() + " is owned by " + ownerId
                    + "; the owner keeps the case until it is resolved (request a swarm for help instead)");
        }
        return List.of(new CaseAssigned(opened.caseId(), opened.number(), newOwnerId, now));
    }

    public List<CaseEvent> resolve(Resolution resolution, Instant now) {
        requireOpen();
        if (ownerId == null) {
            throw new CommandRejectedException("Case " + opened.number() + " has no owner; assign it before resolving");
        }
        return List.of(new CaseResolved(opened.caseId(), opened.number(), opened.subject(), opened.description(),
                opened.product(), opened.customer(), ownerId, resolution, now));
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new CommandRejectedException("Case " + opened.number() + " is " + status.name().toLowerCase());
        }
    }

    void apply(CaseEvent event) {
        switch (event) {
            case CaseOpened o -> {
                opened = o;
                status = CaseStatus.OPEN;
            }
            case CaseAssigned assigned -> ownerId = assigned.ownerId();
            case CaseResolved resolved -> status = CaseStatus.RESOLVED;
        }
        version++;
    }

    public UUID id() {
        return opened.caseId();
    }

    public CaseStatus status() {
        return status;
    }

    public String ownerId() {
        return ownerId;
    }

    /** How many events the case has: the expected version for the next append. */
    public long version() {
        return version;
    }
}
