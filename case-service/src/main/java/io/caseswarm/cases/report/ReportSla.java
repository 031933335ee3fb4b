package io.caseswarm.cases.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An SLA milestone of a case: its first response and its resolution come due once (a reopened case's resolution goes
 * on counting, as the SLA does), a next response each time the customer writes again, each time a new row.
 */
@Entity
@Table(name = "report_sla")
public class ReportSla extends PanacheEntityBase {

    private static final String RECURRING = "next-response";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID caseId;
    public String milestone;
    public String policyId;
    public Instant dueAt;
    public Instant warnedAt;
    public Instant breachedAt;
    public Instant metAt;
    public Boolean inTime;

    /** A milestone's warning, its breach and its being met, in the order they can happen. */
    enum Step {
        WARNED, BREACHED, MET
    }

    /**
     * Records {@code step} of the milestone at {@code at}. A warning or a breach of a milestone met before (a
     * reopened case's resolution) makes it unmet again. A next response past the step already (warned again,
     * breached again) is the next time it came due.
     */
    static void record(UUID caseId, String milestone, String policyId, Instant dueAt, Step step, Instant at,
            boolean inTime, ReportEffects effects) {
        boolean recurs = RECURRING.equals(milestone);
        ReportSla sla = effects.slaOf(caseId).reversed().stream()
                .filter(due -> due.milestone.equals(milestone) && (!recurs || due.metAt == null)).findFirst()
                .orElse(null);
        boolean isNew = sla == null || recurs && (step == Step.WARNED && (sla.warnedAt != null || sla.breachedAt != null)
                || step == Step.BREACHED && sla.breachedAt != null);
        if (isNew) {
            sla = new ReportSla();
            sla.caseId = caseId;
            sla.milestone = milestone;
        }
        sla.policyId = policyId;
        sla.dueAt = dueAt;
        switch (step) {
            case WARNED -> {
                sla.warnedAt = at;
                sla.metAt = null;
                sla.inTime = null;
            }
            case BREACHED -> {
                sla.breachedAt = at;
                sla.metAt = null;
                sla.inTime = false;
            }
            case MET -> {
                sla.metAt = at;
                sla.inTime = inTime && sla.breachedAt == null;
            }
        }
        if (isNew) {
            sla.persist();
            effects.slaAdded(sla);
        }
    }
}
