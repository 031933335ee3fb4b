package io.caseswarm.cases.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.customfield.CustomFieldType;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * The body of {@code PUT /case-fields/{name}}: what the field holds, the values a choice allows, and
 * an optional label for people.
 */
public record CustomFieldRequest(
        @NotNull CustomFieldType type,
        @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> allowedValues,
        @Size(max = 100) String label) {

    /** The allowed values, stripped; null for a type that has none. Refuses them where they do not belong, or twice. */
    List<String> checkedAllowedValues() {
        if (!type.hasAllowedValues()) {
            if (allowedValues != null) {
                throw new InvalidFieldException("allowedValues", "only a choice has allowed values");
            }
            return null;
        }
        if (allowedValues == null) {
            throw new InvalidFieldException("allowedValues", "a choice needs its allowed values");
        }
        return DistinctValues.of("allowedValues", allowedValues);
    }

    String strippedLabel() {
        return label == null || label.isBlank() ? null : label.strip();
    }
}
