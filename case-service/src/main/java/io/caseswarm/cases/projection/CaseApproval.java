package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.domain.CaseEvent.AutomationEvent;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalDenied;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalGranted;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalRequested;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An approval a rule asked for, as its case's events tell it: who is to decide, what waits on it, and how
 * it was decided. What an approver lists; the case's stream decides whether it is still pending.
 */
@Entity
@Table(name = "case_approval")
public class CaseApproval extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String GRANTED = "granted";
    public static final String DENIED = "denied";

    @Id
    public UUID approvalId;
    public UUID caseId;
    public String caseNumber;
    public String ruleId;
    public int ruleVersion;
    public String approverId;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> actions;
    public String state;
    public Instant requestedAt;
    public Instant decidedAt;
    public String decidedBy;

    /** Follows the approval events; the other automation events leave approvals as they are. */
    static void project(AutomationEvent event) {
        switch (event) {
            case CaseApprovalRequested requested -> {
                CaseApproval approval = new CaseApproval();
                approval.approvalId = requested.approvalId();
                approval.caseId = requested.caseId();
                approval.caseNumber = requested.number();
                approval.ruleId = requested.ruleId();
                approval.ruleVersion = requested.ruleVersion();
                approval.approverId = requested.approverId();
                approval.reason = requested.reason();
                approval.actions = requested.actions();
                approval.state = PENDING;
                approval.requestedAt = requested.requestedAt();
                approval.persist();
            }
            case CaseApprovalGranted granted -> decided(granted.approvalId(), GRANTED, granted.approverId(),
                    granted.grantedAt());
            case CaseApprovalDenied denied -> decided(denied.approvalId(), DENIED, denied.approverId(),
                    denied.deniedAt());
            default -> {
                // Firings, limits and what rules ask of other services are read from the case's history.
            }
        }
    }

    private static void decided(UUID approvalId, String state, String by, Instant at) {
        CaseApproval approval = findById(approvalId);
        approval.state = state;
        approval.decidedBy = by;
        approval.decidedAt = at;
    }

    /**
     * Approvals in {@code state} (any when null) in the order they were asked for, after the cursor
     * ({@code afterAt}, {@code afterId}; null for the first page); only {@code approverId}'s unless null.
     */
    public static List<CaseApproval> page(String approverId, String state, Instant afterAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (approverId != null) {
            query.append(" and approverId = :approver");
            parameters.put("approver", approverId);
        }
        if (state != null) {
            query.append(" and state = :state");
            parameters.put("state", state);
        }
        if (afterAt != null) {
            query.append(" and (requestedAt > :at or requestedAt = :at and approvalId > :id)");
            parameters.put("at", afterAt);
            parameters.put("id", afterId);
        }
        query.append(" order by requestedAt, approvalId");
        return CaseApproval.<CaseApproval>find(query.toString(), parameters).page(0, limit).list();
    }
}
