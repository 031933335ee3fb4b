package io.caseswarm.cases.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaBreached;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaWarning;
import io.caseswarm.cases.sla.SlaClock;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/**
 * Tells the desk when a case's SLA milestone reaches its warning or its breach, when the deadline the
 * {@link SlaKeeper} scheduled for it comes due. Decided on the case as it is then, like any command: a
 * milestone met or paused meanwhile tells nothing, and one told already is not told again.
 */
@ApplicationScoped
class SlaCommands {

    private final CaseStreams streams;
    private final SlaKeeper keeper;
    private final PlatformClock clock;

    SlaCommands(CaseStreams streams, SlaKeeper keeper, PlatformClock clock) {
        this.streams = streams;
        this.keeper = keeper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void due(Deadline deadline, boolean breach) {
        UUID caseId = UUID.fromString(deadline.aggregateId());
        SlaMilestone milestone = SlaMilestone.fromLabel(deadline.key());
        streams.decideOnHistory(caseId, history -> CaseSla.replay(history)
                .map(sla -> tell(caseId, history.getFirst().number(), sla, milestone, breach))
                .orElse(List.of()));
    }

    private List<CaseEvent> tell(UUID caseId, String number, CaseSla sla, SlaMilestone milestone, boolean breach) {
        Instant now = clock.now();
        SlaClock slaClock = sla.clock();
        Instant dueAt = slaClock.dueAt(milestone).orElse(null);
        if (breach && slaClock.breachDue(milestone, now)) {
            return List.of(new CaseSlaBreached(caseId, number, milestone, sla.policyId(), dueAt, now));
        }
        if (!breach && slaClock.warningDue(milestone, now)) {
            return List.of(new CaseSlaWarning(caseId, number, milestone, sla.policyId(), dueAt, now));
        }
        keeper.reschedule(caseId, slaClock);
        return List.of();
    }

    /** The deadline of a milestone's warning. */
    @ApplicationScoped
    static class Warning implements DeadlineHandler {

        private final SlaCommands commands;

        Warning(SlaCommands commands) {
            this.commands = commands;
        }

        @Override
        public String kind() {
            return SlaKeeper.WARNING;
        }

        @Override
        public void fire(Deadline deadline) {
            commands.due(deadline, false);
        }
    }

    /** The deadline of a milestone's breach. */
    @ApplicationScoped
    static class Breach implements DeadlineHandler {

        private final SlaCommands commands;

        Breach(SlaCommands commands) {
            this.commands = commands;
        }

        @Override
        public String kind() {
            return SlaKeeper.BREACH;
        }

        @Override
        public void fire(Deadline deadline) {
            commands.due(deadline, true);
        }
    }
}
