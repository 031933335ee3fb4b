package io.caseswarm.swarms.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /swarms}; team size defaults to 3. */
public record SwarmRequest(
        @NotNull UUID caseId,
        @NotNull @Pattern(regexp = PERSON_ID, message = "must be a person id") String ownerId,
        @NotBlank @Size(max = 2_000) String question,
        @Size(max = 5_000) String stepsTried,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 60) String> skills,
        @Min(1) @Max(10) Integer teamSize) {

    static final String PERSON_ID = "^[a-z0-9][a-z0-9._-]{1,63}$";
}
