package io.caseswarm.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What fixed the case, and who helped: the summary becomes the customer's answer and a draft article. */
public record ResolveRequest(
        @NotBlank @Size(max = 10_000) String summary,
        @Size(max = 20) List<@Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String> helpedBy) {
}
