package io.caseswarm.cases.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The desk now: its unresolved cases (new, open, pending, on hold) counted by each of their attributes, the
 * unassigned ones, the customers waiting longest for a reply, and the SLA milestones at risk and breached. A case's
 * pod is the one that covers its product, as swarms are routed (none: no pod covers it).
 */
public record NowReport(Instant asOf, long unresolved, long unassigned, List<Count> byStatus, List<Count> byPriority,
        List<Count> byChannel, List<Count> byProduct, List<Count> byOwner, List<Count> byGroup, List<Count> byPod,
        List<WaitingCase> oldestWaiting, SlaNow slaAtRisk, SlaNow slaBreached) {

    /** At most this many cases in each list. */
    public static final int LISTED = 100;

    /** How many cases have {@code value} (null: none set, such as no owner). */
    public record Count(String value, long cases) {
    }

    /** A customer waiting for a person's public reply since {@code waitingSince}. */
    public record WaitingCase(UUID caseId, String number, String status, String priority, String ownerId,
            Instant waitingSince, long waitingSeconds) {
    }

    /**
     * Milestones of unresolved cases warned about and neither met nor breached yet ({@code slaAtRisk}), or breached
     * and not met: how many, and the first {@link #LISTED} by when they were (or are) due.
     */
    public record SlaNow(long milestones, List<SlaCase> cases) {
    }

    /** One milestone of a case, at risk or breached. */
    public record SlaCase(UUID caseId, String number, String milestone, String policyId, Instant dueAt,
            String ownerId) {
    }
}
