package io.caseswarm.cases.rest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /sla-policies/{id}}: which cases (conditions; a list left out or empty is any
 * value), the promises in business time on a calendar (ISO 8601 durations, {@code PT4H}; at least one),
 * when a milestone warns (a share of its target, default 0.75) and whether on-hold pauses the clock as
 * pending does (default false).
 */
public record SlaPolicyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(0) @Max(1_000_000) Integer rank,
        @NotBlank @Size(max = 40) String calendarId,
        @Valid Conditions conditions,
        @NotNull @Valid Targets targets,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) BigDecimal warnAt,
        Boolean pauseOnHold) {

    static final BigDecimal DEFAULT_WARN_AT = new BigDecimal("0.75");

    public record Conditions(
            @Size(max = 10) List<@NotBlank String> priorities,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> products,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tiers,
            @Size(max = 10) List<@NotBlank String> channels) {
    }

    public record Targets(Duration firstResponse, Duration nextResponse, Duration resolution) {
    }
}
