package io.caseswarm.cases.rest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.customfield.CustomFieldValues;
import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.cases.domain.CaseUpdate;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.domain.Tags;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * The body of {@code PATCH /cases/{id}}, a JSON merge patch (RFC 7396): a field left out stays as it
 * is, null removes its value. A record cannot tell a field left out from one sent as null, so this is a
 * class whose setters note each field the patch names.
 */
public class CasePatchRequest {

    private static final String NOT_BLANK = "(?s).*\\S.*";
    private static final String NOT_BLANK_MESSAGE = "must not be blank (null removes the value)";

    @JsonIgnore
    private final Set<String> named = new LinkedHashSet<>();

    private Priority priority;

    @Size(max = 100)
    @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE)
    private String product;

    @Size(max = 100)
    @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE)
    private String category;

    @Size(max = Tags.MAX)
    private List<@NotNull @Tag String> tags;

    @Size(max = CustomFieldDefinition.MAX_DEFINITIONS)
    private Map<String, JsonNode> customFields;

    public void setPriority(Priority priority) {
        this.priority = priority;
        named.add(CaseFields.PRIORITY);
    }

    public void setProduct(String product) {
        this.product = product;
        named.add(CaseFields.PRODUCT);
    }

    public void setCategory(String category) {
        this.category = category;
        named.add(CaseFields.CATEGORY);
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
        named.add(CaseFields.TAGS);
    }

    public void setCustomFields(Map<String, JsonNode> customFields) {
        this.customFields = customFields;
        named.add(CaseFields.CUSTOM);
    }

    /**
     * The command this patch asks for: tags in their stored form, custom values read against their
     * definitions. Refuses what bean validation cannot see: removing the priority, or all custom fields.
     */
    CaseUpdate toUpdate() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (named.contains(CaseFields.PRIORITY)) {
            if (priority == null) {
                throw new InvalidFieldException(CaseFields.PRIORITY, "a case always has a priority; it is changed, not removed");
            }
            values.put(CaseFields.PRIORITY, priority.label());
        }
        if (named.contains(CaseFields.PRODUCT)) {
            values.put(CaseFields.PRODUCT, product == null ? null : product.strip());
        }
        if (named.contains(CaseFields.CATEGORY)) {
            values.put(CaseFields.CATEGORY, category == null ? null : category.strip());
        }
        if (named.contains(CaseFields.TAGS)) {
            values.put(CaseFields.TAGS, Tags.normalized(tags));
        }
        if (named.contains(CaseFields.CUSTOM)) {
            if (customFields == null) {
                throw new InvalidFieldException(CaseFields.CUSTOM,
                        "remove custom fields one by one, each set to null: {\"customFields\": {\"<name>\": null}}");
            }
            values.putAll(CustomFieldValues.read(customFields));
        }
        return new CaseUpdate(values);
    }
}
