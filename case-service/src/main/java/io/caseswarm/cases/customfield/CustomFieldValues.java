package io.caseswarm.cases.customfield;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * Reads the custom field values of a change against their definitions as they are now: a name nobody
 * declared, or a value its definition does not take, is refused naming {@code customFields.<name>}.
 */
public final class CustomFieldValues {

    private CustomFieldValues() {
    }

    /** Each value by its case field name ({@code customFields.<name>}); null (JSON null) removes it. */
    public static Map<String, Object> read(Map<String, JsonNode> values) {
        Map<String, Object> read = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            CustomFieldDefinition definition = definitionOf(name);
            read.put(CaseFields.custom(name), value == null || value.isNull() ? null : valueOf(definition, value));
        });
        return read;
    }

    private static CustomFieldDefinition definitionOf(String name) {
        if (!name.matches(CustomFieldDefinition.NAME_PATTERN)) {
            // Not echoed as a field name: a name that breaks the rule may be anything, of any length.
            throw new InvalidFieldException(CaseFields.CUSTOM, "has a name that no custom field can have (a"
                    + " lower-case letter, then up to 39 lower-case letters, digits or '_')");
        }
        CustomFieldDefinition definition = CustomFieldDefinition.findById(name);
        if (definition == null) {
            throw new InvalidFieldException(CaseFields.custom(name), "no such custom field; GET /case-fields lists them");
        }
        return definition;
    }

    private static Object valueOf(CustomFieldDefinition definition, JsonNode value) {
        try {
            return definition.type.read(value, definition.allowedValues);
        } catch (CustomFieldType.UnfitValueException e) {
            throw new InvalidFieldException(CaseFields.custom(definition.name), e.getMessage());
        }
    }
}
