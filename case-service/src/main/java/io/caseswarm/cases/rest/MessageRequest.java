package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.domain.Visibility;

/** The body of {@code POST /cases/{id}/messages}: {@code public} reaches the customer, {@code internal} stays with staff. */
public record MessageRequest(@NotBlank @Size(max = 20_000) String body, @NotNull Visibility visibility) {
}
