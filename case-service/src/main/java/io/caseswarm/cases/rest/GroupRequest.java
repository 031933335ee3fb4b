package io.caseswarm.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.platform.rest.PersonId;

/**
 * The body of {@code PUT /groups/{id}}: the group's name for people, in any script, its members, and the
 * skills and products it covers. The lists are optional (none is the empty list); each value counts once.
 */
public record GroupRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) List<@NotNull @PersonId String> memberIds,
        @Size(max = 50) List<@NotNull @PersonId String> leadIds,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> products) {

    String strippedName() {
        return name.strip();
    }

    List<String> distinctMemberIds() {
        return DistinctValues.of("memberIds", memberIds);
    }

    List<String> distinctLeadIds() {
        return DistinctValues.of("leadIds", leadIds);
    }

    List<String> distinctSkills() {
        return DistinctValues.of("skills", skills);
    }

    List<String> distinctProducts() {
        return DistinctValues.of("products", products);
    }
}
