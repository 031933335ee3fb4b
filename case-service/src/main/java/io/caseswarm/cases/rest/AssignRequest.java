package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotNull;

import io.caseswarm.platform.rest.PersonId;

public record AssignRequest(@NotNull @PersonId String ownerId) {
}
