package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caseswarm.cases.projection.CaseApproval;

/** An approval as the API shows it: the case, the rule, who decides, what waits on it, and how it stands. */
public record ApprovalResponse(UUID approvalId, UUID caseId, String caseNumber, String ruleId, int ruleVersion,
        String approverId, String reason, List<Map<String, Object>> actions, String state, Instant requestedAt,
        Instant decidedAt, String decidedBy) {

    static ApprovalResponse of(CaseApproval approval) {
        return new ApprovalResponse(approval.approvalId, approval.caseId, approval.caseNumber, approval.ruleId,
                approval.ruleVersion, approval.approverId, approval.reason, approval.actions, approval.state,
                approval.requestedAt, approval.decidedAt, approval.decidedBy);
    }
}
