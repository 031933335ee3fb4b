package io.caseswarm.cases.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An automation rule as an admin saved it: its trigger, conditions and actions as the API took them
 * ({@code definition}), whether it is on, and its version, which each save moves on.
 *
 * <p>A plain table, like the SLA policies and groups: configuration, not something that happens to a
 * case. What a rule did to a case is in the case's own events ({@code automation-rule-fired}, naming the
 * rule and the version that acted).
 */
@Entity
@Table(name = "automation_rule")
public class AutomationRule extends PanacheEntityBase {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    public static final String ID_MESSAGE =
            "must be a rule id: 2 to 40 lower-case letters, digits or '-', starting with a letter or digit";
    public static final int MAX_RULES = 500;
    /** How a rule signs what it does: {@code by} of the events its actions cause. */
    public static final String ACTOR_PREFIX = "automation:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public String id;
    public String name;
    public boolean enabled;
    /** The event the rule waits for, or its time counts from. */
    public String triggerEvent;
    /** {@code trigger}, {@code conditions} and {@code actions} as saved. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> definition;
    public int version;
    public Instant updatedAt;
    public String updatedBy;

    /** The enabled rules waiting for events of {@code type}, by id. */
    public static List<AutomationRule> waitingFor(String type) {
        return list("enabled = true and triggerEvent = ?1 order by id", type);
    }

    /** Rules in order of their ids, after {@code afterId} (null for the first page), at most {@code limit}. */
    public static List<AutomationRule> page(String afterId, int limit) {
        return (afterId == null ? find("order by id") : find("id > ?1 order by id", afterId)).page(0, limit).list();
    }

    /** Keeps other writers of rules waiting until this transaction ends, so two admins do not both insert one. */
    public static void lockForWriting() {
        getEntityManager().createNativeQuery("lock table automation_rule in share row exclusive mode").executeUpdate();
    }

    /** Who the rule is in the events its actions cause. */
    public static String actor(String ruleId) {
        return ACTOR_PREFIX + ruleId;
    }

    public String actor() {
        return actor(id);
    }

    public JsonNode definitionJson() {
        return JSON.valueToTree(definition);
    }

    /** What runs: the saved definition, read as saved (custom fields declared since are not checked again). */
    public RuleDefinition rule() {
        return RuleParser.lenient().definition(definitionJson());
    }
}
