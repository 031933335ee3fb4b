package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.domain.CaseStatus;

/** The body of {@code POST /cases/{id}/status}: where the case goes, and why (shown in its history). */
public record StatusRequest(@NotNull CaseStatus status, @Size(max = 1_000) String reason) {
}
