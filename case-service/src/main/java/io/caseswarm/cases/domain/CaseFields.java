package io.caseswarm.cases.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.FieldChange;

/**
 * The fields of a case that are changed after it is opened: priority, product, category, tags and the
 * custom fields an admin declares ({@code customFields.<name>}), each by its name in the API and the
 * events. Values are kept as {@code case-updated} carries them (a priority by its label), so a change
 * is decided, recorded and replayed without translation. A field without a value is not in the map.
 */
public record CaseFields(Map<String, Object> values) {

    public static final String PRIORITY = "priority";
    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final String TAGS = "tags";
    /** The group name of the custom fields: {@code customFields.region} is the custom field {@code region}. */
    public static final String CUSTOM = "customFields";
    private static final String CUSTOM_PREFIX = CUSTOM + ".";
    private static final Set<String> STANDARD = Set.of(PRIORITY, PRODUCT, CATEGORY, TAGS);

    public CaseFields {
        values = Map.copyOf(values);
    }

    /** The fields a case is opened with: its priority and product. */
    public static CaseFields of(CaseOpened opened) {
        return of(opened.priority(), opened.product(), null, List.of(), Map.of());
    }

    /** The fields as a read model keeps them, column by column. */
    public static CaseFields of(Priority priority, String product, String category, List<String> tags,
            Map<String, Object> customFields) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PRIORITY, priority.label());
        putUnlessEmpty(values, PRODUCT, product);
        putUnlessEmpty(values, CATEGORY, category);
        putUnlessEmpty(values, TAGS, tags);
        customFields.forEach((name, value) -> putUnlessEmpty(values, custom(name), value));
        return new CaseFields(values);
    }

    /** The field name of the custom field {@code name}. */
    public static String custom(String name) {
        return CUSTOM_PREFIX + name;
    }

    public static boolean isField(String field) {
        return STANDARD.contains(field) || field.startsWith(CUSTOM_PREFIX) && field.length() > CUSTOM_PREFIX.length();
    }

    /** {@code priority} for itself, {@code customFields} for any custom field: who may change it is ruled by group. */
    public static String groupOf(String field) {
        return field.startsWith(CUSTOM_PREFIX) ? CUSTOM : field;
    }

    /** The field's value, null when it has none; a case without tags has the empty list. */
    public Object valueOf(String field) {
        return values.getOrDefault(field, TAGS.equals(field) ? List.of() : null);
    }

    /** What {@code update} would change, field by field, leaving out what already has the value asked for. */
    List<FieldChange> changesTo(CaseUpdate update) {
        return update.values().entrySet().stream()
                .filter(asked -> !FieldValues.same(valueOf(asked.getKey()), asked.getValue()))
                .map(asked -> new FieldChange(asked.getKey(), valueOf(asked.getKey()), asked.getValue()))
                .toList();
    }

    public CaseFields with(List<FieldChange> changes) {
        Map<String, Object> next = new LinkedHashMap<>(values);
        for (FieldChange change : changes) {
            next.remove(change.field());
            putUnlessEmpty(next, change.field(), change.to());
        }
        return new CaseFields(next);
    }

    public Priority priority() {
        return Priority.ofLabel((String) values.get(PRIORITY));
    }

    public String product() {
        return (String) values.get(PRODUCT);
    }

    public String category() {
        return (String) values.get(CATEGORY);
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        return (List<String>) valueOf(TAGS);
    }

    /** The custom fields that have a value, by their declared names. */
    public Map<String, Object> customFields() {
        Map<String, Object> custom = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (field.startsWith(CUSTOM_PREFIX)) {
                custom.put(field.substring(CUSTOM_PREFIX.length()), value);
            }
        });
        return custom;
    }

    private static void putUnlessEmpty(Map<String, Object> values, String field, Object value) {
        if (!FieldValues.isEmpty(value)) {
            values.put(field, FieldValues.normalized(value));
        }
    }
}
