package io.caseswarm.cases.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /calendars/{id}/business-time}: with a duration asked, when it is {@code due};
 * with {@code to} asked, the business time {@code duration} until then (ISO 8601; {@code PT0S} when
 * {@code to} is not after {@code from}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BusinessTimeResponse(Instant from, Instant to, String duration, Instant due) {
}
