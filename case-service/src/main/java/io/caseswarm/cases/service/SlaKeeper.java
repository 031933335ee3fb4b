package io.caseswarm.cases.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.customer.CustomerRecord;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaApplied;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaMet;
import io.caseswarm.cases.sla.SlaClock;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.cases.sla.SlaPolicy;
import io.caseswarm.cases.sla.SlaSubject;
import io.caseswarm.cases.sla.SlaTerms;
import io.caseswarm.platform.deadline.Deadlines;

/**
 * Keeps each case's SLA in step with what happens to it, in the transaction of every decision on a case:
 * a new case gets the policy that covers it ({@code case-sla-applied}), a reply or resolution that meets a
 * milestone is recorded ({@code case-sla-met}), and the deadlines for each milestone's warning and breach
 * are moved to where the clock now puts them, or cancelled when it stops (a pause, a reply, the end).
 */
@ApplicationScoped
class SlaKeeper {

    static final String WARNING = "sla-warning";
    static final String BREACH = "sla-breach";

    private final Deadlines deadlines;

    SlaKeeper(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The events to append after {@code decided} for the case's SLA, with its deadlines moved to match. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<CaseEvent> follow(UUID caseId, List<CaseEvent> history, List<CaseEvent> decided) {
        CaseSla sla = CaseSla.replay(history).orElse(null);
        Map<Due, Instant> before = sla == null ? Map.of() : dues(sla.clock());
        List<CaseEvent> more = new ArrayList<>();
        for (CaseEvent event : decided) {
            if (event instanceof CaseOpened opened) {
                Optional<CaseSlaApplied> applied = policyFor(opened);
                if (applied.isPresent()) {
                    more.add(applied.get());
                    sla = CaseSla.start(applied.get());
                }
            } else if (sla != null) {
                String policyId = sla.policyId();
                sla.follow(event).forEach(met -> more.add(new CaseSlaMet(caseId, event.number(), met.milestone(),
                        policyId, met.dueAt(), met.metAt(), met.inTime())));
            }
        }
        if (sla != null) {
            move(caseId, before, dues(sla.clock()));
        }
        return more;
    }

    /**
     * Schedules every deadline the clock has now, whatever was scheduled before: for a deadline that came
     * due without anything to tell (the calendar changed since it was scheduled), so it is not lost.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void reschedule(UUID caseId, SlaClock clock) {
        move(caseId, Map.of(), dues(clock));
    }

    private void move(UUID caseId, Map<Due, Instant> before, Map<Due, Instant> after) {
        Set<Due> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (Due due : all) {
            Instant at = after.get(due);
            if (at == null) {
                deadlines.cancel(due.kind(), caseId.toString(), due.milestone().label());
            } else if (!Objects.equals(at, before.get(due))) {
                deadlines.schedule(due.kind(), caseId.toString(), due.milestone().label(), at, null);
            }
        }
    }

    private static Map<Due, Instant> dues(SlaClock clock) {
        Map<Due, Instant> dues = new HashMap<>();
        for (SlaMilestone milestone : SlaMilestone.values()) {
            clock.warningAt(milestone).ifPresent(at -> dues.put(new Due(WARNING, milestone), at));
            clock.breachAt(milestone).ifPresent(at -> dues.put(new Due(BREACH, milestone), at));
        }
        return dues;
    }

    private static Optional<CaseSlaApplied> policyFor(CaseOpened opened) {
        String tier = CustomerRecord.<CustomerRecord>findByIdOptional(opened.customer().id())
                .map(customer -> customer.tier).orElse(null);
        SlaSubject subject = new SlaSubject(opened.priority().label(), opened.product(), tier,
                opened.channel().label());
        return SlaPolicy.forCase(subject).map(policy -> new CaseSlaApplied(opened.caseId(), opened.number(),
                SlaTerms.of(policy), opened.openedAt()));
    }

    private record Due(String kind, SlaMilestone milestone) {
    }
}
