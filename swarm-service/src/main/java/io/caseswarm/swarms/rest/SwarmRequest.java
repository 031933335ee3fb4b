package io.caseswarm.swarms.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.swarms.domain.SwarmType;

/**
 * The body of {@code POST /swarms}. {@code type} is standard, urgent or backlog; without one, a swarm on an
 * urgent case is urgent and any other standard. The team size defaults to the type's
 * ({@code caseswarm.swarms.types.<type>.team-size}: 3, 5 and 2). It names no owner: the swarm belongs to the
 * case's owner, and the token says who is asking.
 */
public record SwarmRequest(
        @NotNull UUID caseId,
        @NotBlank @Size(max = 2_000) String question,
        @Size(max = 4_000) String stepsTried,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 50) String> skills,
        @Min(1) @Max(10) Integer teamSize,
        SwarmType type) {
}
