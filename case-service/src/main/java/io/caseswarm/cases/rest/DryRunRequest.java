package io.caseswarm.cases.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /automation-rules/{id}/dry-run}: the case to try the rule on. */
public record DryRunRequest(@NotNull UUID caseId) {
}
