package io.caseswarm.cases.automation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.AutomationLimitReached;
import io.caseswarm.cases.domain.CaseEvent.AutomationRuleFired;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalDenied;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalGranted;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalRequested;

/**
 * What automation has done on one case, read from its history: when rules fired, when the limit was
 * last reached, and the approvals asked for and how they stand. Decides the firing limit and whether an
 * approval may still be decided.
 */
public final class AutomationLog {

    private final List<Instant> firings = new ArrayList<>();
    private Instant limitReachedAt;
    private final Map<UUID, CaseApprovalRequested> pending = new HashMap<>();
    private final Map<UUID, String> decided = new HashMap<>();

    private AutomationLog() {
    }

    public static AutomationLog of(List<? extends CaseEvent> history) {
        AutomationLog log = new AutomationLog();
        for (CaseEvent event : history) {
            switch (event) {
                case AutomationRuleFired fired -> log.firings.add(fired.firedAt());
                case AutomationLimitReached reached -> log.limitReachedAt = reached.reachedAt();
                case CaseApprovalRequested requested -> log.pending.put(requested.approvalId(), requested);
                case CaseApprovalGranted granted -> log.decide(granted.approvalId(), "granted");
                case CaseApprovalDenied denied -> log.decide(denied.approvalId(), "denied");
                default -> {
                }
            }
        }
        return log;
    }

    private void decide(UUID approvalId, String how) {
        pending.remove(approvalId);
        decided.put(approvalId, how);
    }

    /** Firings after {@code since}. */
    public long firingsSince(Instant since) {
        return firings.stream().filter(at -> at.isAfter(since)).count();
    }

    /** Whether the limit was reached after {@code since}: it is recorded once per window. */
    public boolean limitReachedSince(Instant since) {
        return limitReachedAt != null && limitReachedAt.isAfter(since);
    }

    /** The approval, while it waits for a decision. */
    public Optional<CaseApprovalRequested> pendingApproval(UUID approvalId) {
        return Optional.ofNullable(pending.get(approvalId));
    }

    /** The approval {@code ruleId} asked for that still waits, if any. */
    public Optional<CaseApprovalRequested> pendingApprovalOf(String ruleId) {
        return pending.values().stream().filter(requested -> requested.ruleId().equals(ruleId)).findFirst();
    }

    /** {@code granted} or {@code denied} once decided. */
    public Optional<String> decision(UUID approvalId) {
        return Optional.ofNullable(decided.get(approvalId));
    }
}
