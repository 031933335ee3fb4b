package io.caseswarm.cases.sla;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What a case was promised when it was opened: the policy and its version, the calendar its time counts
 * on, and the targets as the policy set them then (a target left out is no promise). Copied onto the case
 * so that changing the policy changes no running case.
 */
public record SlaTerms(String policyId, int policyVersion, String calendarId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration firstResponse,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration nextResponse,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration resolution,
        double warnAt, boolean pauseOnHold) {

    public static SlaTerms of(SlaPolicy policy) {
        return new SlaTerms(policy.id, policy.version, policy.calendarId, policy.firstResponse, policy.nextResponse,
                policy.resolution, policy.warnAt.doubleValue(), policy.pauseOnHold);
    }

    public SlaTargets targets() {
        return new SlaTargets(firstResponse, nextResponse, resolution, warnAt, pauseOnHold);
    }
}
