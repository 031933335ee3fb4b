package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.customfield.CustomFieldType;

/** A custom field as the API shows it; {@code allowedValues} only for a choice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomFieldResponse(String name, CustomFieldType type, String label, List<String> allowedValues,
        Instant updatedAt, String updatedBy) {

    static CustomFieldResponse of(CustomFieldDefinition definition) {
        return new CustomFieldResponse(definition.name, definition.type, definition.label, definition.allowedValues,
                definition.updatedAt, definition.updatedBy);
    }
}
