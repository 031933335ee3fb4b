package io.caseswarm.cases.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.ActionTaken;
import io.caseswarm.cases.domain.CaseEvent.AutomationLimitReached;
import io.caseswarm.cases.domain.CaseEvent.AutomationRuleFired;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalGranted;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalRequested;
import io.caseswarm.cases.domain.CaseEvent.RuleTriggered;

/** Given what automation did on a case, the limit and the approvals stand as its history says. */
class AutomationLogTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void firingsCountWithinTheWindowAndTheLimitIsRecordedOncePerWindow() {
        AutomationLog log = AutomationLog.of(List.of(fired(T0), fired(T0.plusSeconds(1800)), fired(T0.plusSeconds(3000)),
                new AutomationLimitReached(CASE, "CS-000001", "flip", 3, "PT1H", T0.plusSeconds(3001))));

        assertThat(log.firingsSince(T0.minusSeconds(1))).isEqualTo(3);
        assertThat(log.firingsSince(T0.plusSeconds(1800))).as("strictly after the window's start").isEqualTo(1);
        assertThat(log.limitReachedSince(T0)).isTrue();
        assertThat(log.limitReachedSince(T0.plusSeconds(3001))).as("a new window may record it again").isFalse();
    }

    @Test
    void anApprovalIsPendingUntilItIsDecidedAndThenSaysHow() {
        UUID approval = UUID.randomUUID();
        CaseApprovalRequested requested = new CaseApprovalRequested(CASE, "CS-000001", approval, "refunds", 2,
                "lea.park", "over 500", List.of(Map.of("type", "add-tags", "tags", List.of("ok"))), "automation:refunds",
                T0);

        AutomationLog asked = AutomationLog.of(List.of(requested));
        AutomationLog granted = AutomationLog.of(List.of(requested, new CaseApprovalGranted(CASE, "CS-000001", approval,
                "refunds", "lea.park", List.of(new ActionTaken("add-tags", "done", "added ok")), T0.plusSeconds(60))));

        assertThat(asked.pendingApproval(approval)).contains(requested);
        assertThat(asked.pendingApprovalOf("refunds")).contains(requested);
        assertThat(granted.pendingApprovalOf("refunds")).isEmpty();
        assertThat(asked.decision(approval)).isEmpty();
        assertThat(granted.pendingApproval(approval)).isEmpty();
        assertThat(granted.decision(approval)).contains("granted");
        assertThat(granted.pendingApproval(UUID.randomUUID())).isEmpty();
    }

    private static CaseEvent fired(Instant at) {
        return new AutomationRuleFired(CASE, "CS-000001", "flip", 1, new RuleTriggered("case-updated", UUID.randomUUID(),
                null, null), List.of(), at);
    }
}
