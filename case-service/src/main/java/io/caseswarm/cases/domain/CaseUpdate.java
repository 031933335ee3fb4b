package io.caseswarm.cases.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command to change fields of a case: each field the caller names ({@link CaseFields}' names), with
 * its new value; null removes a value (tags: none). A field left out stays as it is.
 */
public record CaseUpdate(Map<String, Object> values) {

    public CaseUpdate {
        // A copy that keeps the nulls (Map.copyOf does not) in the order the caller gave.
        Map<String, Object> checked = new LinkedHashMap<>();
        values.forEach((field, value) -> checked.put(field, checked(field, value)));
        values = Collections.unmodifiableMap(checked);
    }

    public Set<String> fields() {
        return values.keySet();
    }

    private static Object checked(String field, Object value) {
        if (!CaseFields.isField(field)) {
            throw new IllegalArgumentException("A case has no field " + field);
        }
        if (CaseFields.PRIORITY.equals(field)) {
            // A case always has a priority: it is changed, never removed.
            return Priority.ofLabel((String) value).label();
        }
        return CaseFields.TAGS.equals(field) && value == null ? List.of() : FieldValues.normalized(value);
    }
}
