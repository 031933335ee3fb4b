package io.caseswarm.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.caseswarm.platform.rest.PersonId;

/** What fixed the case, and who helped: the summary becomes the customer's answer and a draft article. */
public record ResolveRequest(
        @NotBlank @Size(max = 10_000) String summary,
        @Size(max = 20) List<@PersonId String> helpedBy) {
}
