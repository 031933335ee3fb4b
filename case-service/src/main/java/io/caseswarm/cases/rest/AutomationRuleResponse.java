package io.caseswarm.cases.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.automation.AutomationRule;

/** A rule as the API shows it: as it was saved, with its version and who saved it when. */
public record AutomationRuleResponse(String id, String name, boolean enabled, JsonNode trigger, JsonNode conditions,
        JsonNode actions, int version, Instant updatedAt, String updatedBy) {

    static AutomationRuleResponse of(AutomationRule rule, ObjectMapper json) {
        JsonNode definition = json.valueToTree(rule.definition);
        JsonNode conditions = definition.hasNonNull("conditions") ? definition.get("conditions")
                : json.createArrayNode();
        return new AutomationRuleResponse(rule.id, rule.name, rule.enabled, definition.get("trigger"), conditions,
                definition.get("actions"), rule.version, rule.updatedAt, rule.updatedBy);
    }
}
