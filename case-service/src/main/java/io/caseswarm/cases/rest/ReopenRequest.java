package io.caseswarm.cases.rest;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /cases/{id}/reopen}: why the fix did not hold. */
public record ReopenRequest(@Size(max = 1_000) String reason) {
}
