package io.caseswarm.cases.inbound;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of a mail: its outcome, the case it reached (if any), and for a held mail the id an admin
 * retries it by and why it was held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(IntakeOutcome outcome, UUID caseId, String caseNumber, UUID heldId, String detail) {

    static IntakeResult onCase(IntakeOutcome outcome, UUID caseId, String caseNumber) {
        return new IntakeResult(outcome, caseId, caseNumber, null, null);
    }

    static IntakeResult held(UUID heldId, String detail) {
        return new IntakeResult(IntakeOutcome.HELD, null, null, heldId, detail);
    }
}
