package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record AssignRequest(@NotNull @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String ownerId) {
}
