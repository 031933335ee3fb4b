package io.caseswarm.cases.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /cases/{id}/merge}: the case that survives, into which this one is merged. */
public record MergeRequest(@NotNull UUID into) {
}
