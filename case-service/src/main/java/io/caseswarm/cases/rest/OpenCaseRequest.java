package io.caseswarm.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.platform.rest.PersonId;

/** The body of {@code POST /cases}. Channel defaults to {@code api}, priority to {@code normal}; the owner and group are optional. */
public record OpenCaseRequest(
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 20_000) String description,
        @NotNull @Valid CustomerRequest customer,
        Channel channel,
        @Size(max = 100) String product,
        Priority priority,
        @PersonId String ownerId,
        @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String groupId) {

    public record CustomerRequest(
            @NotBlank @Size(max = 100) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email) {
    }
}
