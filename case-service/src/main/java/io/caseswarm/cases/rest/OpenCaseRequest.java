package io.caseswarm.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.customer.CustomerIds;
import io.caseswarm.cases.customer.CustomerRef;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.platform.rest.PersonId;

/**
 * The body of {@code POST /cases}. Channel defaults to {@code api}, priority to {@code normal}; the owner
 * is optional. Staff name the customer by directory id or e-mail address; a customer opening their own
 * case may leave {@code customer} out. The owner and the group are optional.
 */
public record OpenCaseRequest(
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 20_000) String description,
        @Valid CustomerRequest customer,
        Channel channel,
        @Size(max = 100) String product,
        Priority priority,
        @PersonId String ownerId,
        @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String groupId) {

    public record CustomerRequest(
            @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE) String id,
            @Size(min = 1, max = 200) String name,
            @Email @Size(min = 3, max = 320) String email) {

        CustomerRef ref() {
            return new CustomerRef(id, name == null || name.isBlank() ? null : name, email);
        }
    }
}
