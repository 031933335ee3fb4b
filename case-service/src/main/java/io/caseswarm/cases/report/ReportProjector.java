package io.caseswarm.cases.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.cases.automation.AutomationRule;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.CaseEvent.CaseAssigned;
import io.caseswarm.cases.domain.CaseEvent.CaseClosed;
import io.caseswarm.cases.domain.CaseEvent.CaseGroupChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseMerged;
import io.caseswarm.cases.domain.CaseEvent.CaseMessageAdded;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseReopened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaBreached;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaApplied;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaMet;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaWarning;
import io.caseswarm.cases.domain.CaseEvent.CaseStatusChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseUpdated;
import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.report.ReportSla.Step;
import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.inbox.ReceivedEvent;

/**
 * Keeps the reporting read model from the case events, one event at a time in the inbox's transaction: each
 * case as it stands now, what a period counts (openings, first responses, resolutions, reopenings, closings)
 * at the moment it happened, and each SLA milestone's fate. A first response and a resolution count their time
 * since the opening in calendar time and in business time, on the calendar of the case's SLA (the default
 * calendar for a case without one).
 */
@ApplicationScoped
public class ReportProjector {

    /**
     * Applies a live event: a case it changes has its happenings follow at once, and business time counts on the
     * calendars as they are now.
     */
    public void apply(ReceivedEvent event) {
        apply(event, ReportEffects.LIVE);
    }

    /** Applies an event of a rebuild, whose page writes what it does to other rows when it ends. */
    void replay(ReceivedEvent event, RebuildPage page) {
        apply(event, page);
    }

    private void apply(ReceivedEvent event, ReportEffects effects) {
        switch (event.type()) {
            case "case-opened" -> opened(event, event.dataAs(CaseOpened.class));
            case "case-assigned" -> assigned(event.dataAs(CaseAssigned.class), effects);
            case "case-status-changed" -> {
                CaseStatusChanged moved = event.dataAs(CaseStatusChanged.class);
                ReportCase.of(moved.caseId()).status = moved.to().label();
            }
            case "case-resolved" -> resolved(event, event.dataAs(CaseResolved.class), effects);
            case "case-reopened" -> reopened(event, event.dataAs(CaseReopened.class), effects);
            case "case-closed" -> {
                CaseClosed closed = event.dataAs(CaseClosed.class);
                closed(event, ReportCase.of(closed.caseId()), closed.closedAt());
            }
            case "case-merged" -> {
                CaseMerged merged = event.dataAs(CaseMerged.class);
                closed(event, ReportCase.of(merged.caseId()), merged.mergedAt());
            }
            case "case-message-added" -> messageAdded(event, event.dataAs(CaseMessageAdded.class), effects);
            case "case-sla-applied" -> {
                CaseSlaApplied applied = event.dataAs(CaseSlaApplied.class);
                if (applied.terms() != null && applied.terms().calendarId() != null) {
                    ReportCase.of(applied.caseId()).calendarId = applied.terms().calendarId();
                }
            }
            case "case-updated" -> updated(event.dataAs(CaseUpdated.class), effects);
            case "case-group-changed" -> {
                CaseGroupChanged moved = event.dataAs(CaseGroupChanged.class);
                ReportCase reported = ReportCase.of(moved.caseId());
                reported.groupId = moved.to();
                effects.changed(reported);
            }
            case "case-sla-warning" -> {
                CaseSlaWarning warning = event.dataAs(CaseSlaWarning.class);
                ReportSla.record(warning.caseId(), warning.milestone().label(), warning.policyId(), warning.dueAt(),
                        Step.WARNED, warning.warnedAt(), false, effects);
            }
            case "case-sla-breached" -> {
                CaseSlaBreached breached = event.dataAs(CaseSlaBreached.class);
                ReportSla.record(breached.caseId(), breached.milestone().label(), breached.policyId(),
                        breached.dueAt(), Step.BREACHED, breached.breachedAt(), false, effects);
            }
            case "case-sla-met" -> {
                CaseSlaMet met = event.dataAs(CaseSlaMet.class);
                ReportSla.record(met.caseId(), met.milestone().label(), met.policyId(), met.dueAt(), Step.MET,
                        met.metAt(), met.inTime(), effects);
            }
            default -> {
                // Links, approvals, automation's own records and refusals change nothing a report counts.
            }
        }
    }

    private static void opened(ReceivedEvent event, CaseOpened opened) {
        if (opened.caseId() == null || opened.number() == null || opened.channel() == null
                || opened.priority() == null || opened.openedAt() == null) {
            // Dead-lettered live, skipped by a rebuild: before anything is written.
            throw new MalformedEventException("case-opened " + event.id() + " lacks a field the reports need");
        }
        ReportCase reported = new ReportCase();
        reported.caseId = opened.caseId();
        reported.number = opened.number();
        reported.channel = opened.channel().label();
        reported.product = opened.product();
        reported.priority = opened.priority().label();
        reported.status = CaseStatus.NEW.label();
        reported.tags = List.of();
        reported.openedAt = opened.openedAt();
        // Whoever opened it, the customer now waits for the desk's first answer.
        reported.awaitingSince = opened.openedAt();
        reported.persist();
        ReportHappening.record(event.id(), reported, ReportHappening.OPENED, opened.openedAt(), +1, null);
    }

    private static void assigned(CaseAssigned assigned, ReportEffects effects) {
        ReportCase reported = ReportCase.of(assigned.caseId());
        reported.ownerId = assigned.ownerId();
        if (CaseStatus.NEW.label().equals(reported.status)) {
            reported.status = CaseStatus.OPEN.label();
        }
        effects.changed(reported);
    }

    private static void resolved(ReceivedEvent event, CaseResolved resolved, ReportEffects effects) {
        ReportCase reported = ReportCase.of(resolved.caseId());
        int backlog = reported.unresolved() ? -1 : 0;
        reported.status = CaseStatus.RESOLVED.label();
        reported.awaitingSince = null;
        if (!Objects.equals(reported.ownerId, resolved.ownerId())) {
            reported.ownerId = resolved.ownerId();
            effects.changed(reported);
        }
        ReportHappening.record(event.id(), reported, ReportHappening.RESOLVED, resolved.resolvedAt(), backlog,
                effects.calendar(reported.calendarId));
    }

    private static void reopened(ReceivedEvent event, CaseReopened reopened, ReportEffects effects) {
        ReportCase reported = ReportCase.of(reopened.caseId());
        int backlog = reported.unresolved() ? 0 : +1;
        reported.status = CaseStatus.OPEN.label();
        // The customer came back: the fix did not hold, and they wait for the desk again.
        reported.awaitingSince = reopened.reopenedAt();
        ReportHappening.record(event.id(), reported, ReportHappening.REOPENED, reopened.reopenedAt(), backlog, null);
        effects.reopened(reported);
    }

    private static void closed(ReceivedEvent event, ReportCase reported, Instant at) {
        int backlog = reported.unresolved() ? -1 : 0;
        reported.status = CaseStatus.CLOSED.label();
        reported.awaitingSince = null;
        ReportHappening.record(event.id(), reported, ReportHappening.CLOSED, at, backlog, null);
    }

    /**
     * A public message from the customer makes them wait for the desk (from their first unanswered message on); one
     * from a person working the case answers them. An automation's acknowledgement answers nobody, as in the SLA.
     */
    private static void messageAdded(ReceivedEvent event, CaseMessageAdded added, ReportEffects effects) {
        if (added.visibility() != Visibility.PUBLIC || added.authorId().startsWith(AutomationRule.ACTOR_PREFIX)) {
            return;
        }
        ReportCase reported = ReportCase.of(added.caseId());
        if (added.authorRole() == AuthorRole.CUSTOMER) {
            if (reported.awaitingSince == null && reported.unresolved()) {
                reported.awaitingSince = added.addedAt();
            }
            return;
        }
        reported.awaitingSince = null;
        if (reported.firstResponseAt == null) {
            reported.firstResponseAt = added.addedAt();
            ReportHappening.record(event.id(), reported, ReportHappening.FIRST_RESPONSE, added.addedAt(), 0,
                    effects.calendar(reported.calendarId));
        }
    }

    private static void updated(CaseUpdated updated, ReportEffects effects) {
        ReportCase reported = ReportCase.of(updated.caseId());
        CaseFields fields = CaseFields.of(Priority.ofLabel(reported.priority), reported.product, null, reported.tags,
                Map.of()).with(updated.changes());
        reported.priority = fields.priority().label();
        reported.product = fields.product();
        reported.tags = fields.tags();
        effects.changed(reported);
    }
}
