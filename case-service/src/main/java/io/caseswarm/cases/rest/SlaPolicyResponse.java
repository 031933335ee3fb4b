package io.caseswarm.cases.rest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.cases.sla.SlaPolicy;

/** An SLA policy as the API shows it; a target without a promise is left out. */
public record SlaPolicyResponse(String id, String name, int rank, String calendarId, Conditions conditions,
        Targets targets, BigDecimal warnAt, boolean pauseOnHold, int version, Instant updatedAt, String updatedBy) {

    static SlaPolicyResponse of(SlaPolicy policy) {
        return new SlaPolicyResponse(policy.id, policy.name, policy.rank, policy.calendarId,
                new Conditions(policy.priorities, policy.products, policy.tiers, policy.channels),
                new Targets(iso(policy.firstResponse), iso(policy.nextResponse), iso(policy.resolution)), policy.warnAt,
                policy.pauseOnHold, policy.version, policy.updatedAt, policy.updatedBy);
    }

    /** ISO 8601, as the policy was written ({@code PT4H}), not a number of seconds. */
    private static String iso(Duration target) {
        return target == null ? null : target.toString();
    }

    public record Conditions(List<String> priorities, List<String> products, List<String> tiers,
            List<String> channels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Targets(String firstResponse, String nextResponse, String resolution) {
    }
}
