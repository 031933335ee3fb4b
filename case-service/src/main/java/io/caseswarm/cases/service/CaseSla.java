package io.caseswarm.cases.service;

import java.util.List;
import java.util.Optional;

import io.caseswarm.cases.automation.AutomationRule;
import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.CaseClosed;
import io.caseswarm.cases.domain.CaseEvent.CaseMerged;
import io.caseswarm.cases.domain.CaseEvent.CaseMessageAdded;
import io.caseswarm.cases.domain.CaseEvent.CaseReopened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaApplied;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaBreached;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaWarning;
import io.caseswarm.cases.domain.CaseEvent.CaseStatusChanged;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.sla.SlaClock;
import io.caseswarm.cases.sla.SlaClock.Stopped;

/**
 * A case's SLA: the policy it was given and its {@link SlaClock}, moved by the case's events. The one
 * reading of what each event means for the clock, used by the commands (which decide on the case's
 * history) and by the case view (which keeps the clock between events) alike.
 *
 * @param calendarId the calendar the clock counts on, for restoring it
 */
public record CaseSla(String policyId, String calendarId, SlaClock clock) {

    /** The SLA a case's history gives it; empty when no policy applied to it. */
    public static Optional<CaseSla> replay(List<? extends CaseEvent> history) {
        CaseSla sla = null;
        for (CaseEvent event : history) {
            if (event instanceof CaseSlaApplied applied) {
                sla = start(applied);
            } else if (sla != null) {
                sla.follow(event);
            }
        }
        return Optional.ofNullable(sla);
    }

    /** The clock of a newly applied policy, counting from the case's opening. */
    public static CaseSla start(CaseSlaApplied applied) {
        String calendarId = applied.terms().calendarId();
        SlaClock clock = new SlaClock(applied.terms().targets(), StoredCalendar.businessTime(calendarId));
        clock.opened(applied.appliedAt());
        return new CaseSla(applied.terms().policyId(), calendarId, clock);
    }

    /** The SLA as the case view kept it. */
    public static CaseSla restore(String policyId, String calendarId, SlaClock.Snapshot snapshot) {
        return new CaseSla(policyId, calendarId, SlaClock.restore(snapshot, StoredCalendar.businessTime(calendarId)));
    }

    /**
     * Moves the clock as {@code event} says; answers the milestones it met. A public message from the
     * customer starts a next response; one from anybody else but an automation rule replies. Pending stops the clock, and on-hold
     * does when the policy says so; any other status (back to open) starts it again.
     */
    public List<Stopped> follow(CaseEvent event) {
        switch (event) {
            // An automation's reply (an acknowledgement, a template) answers nobody's question: the promise is
            // a person's reply, so it neither meets a response nor starts one.
            case CaseMessageAdded added when added.authorId().startsWith(AutomationRule.ACTOR_PREFIX) -> {
            }
            case CaseMessageAdded added when added.visibility() == Visibility.PUBLIC -> {
                if (added.authorRole() == AuthorRole.CUSTOMER) {
                    clock.customerWrote(added.addedAt());
                    return List.of();
                }
                return clock.replied(added.addedAt());
            }
            case CaseStatusChanged changed -> {
                boolean pauses = changed.to() == CaseStatus.PENDING
                        || changed.to() == CaseStatus.ON_HOLD && clock.targets().pauseOnHold();
                if (pauses) {
                    clock.waiting(changed.changedAt(), changed.to() == CaseStatus.ON_HOLD);
                } else {
                    clock.working(changed.changedAt());
                }
            }
            case CaseResolved resolved -> {
                return clock.resolved(resolved.resolvedAt());
            }
            case CaseReopened reopened -> {
                clock.working(reopened.reopenedAt());
                clock.reopened(reopened.reopenedAt());
            }
            case CaseClosed closed -> clock.closed(closed.closedAt());
            case CaseMerged merged -> clock.closed(merged.mergedAt());
            case CaseSlaWarning warning -> clock.warned(warning.milestone());
            case CaseSlaBreached breached -> clock.breached(breached.milestone());
            default -> {
            }
        }
        return List.of();
    }
}
