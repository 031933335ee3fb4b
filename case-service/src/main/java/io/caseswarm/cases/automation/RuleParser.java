package io.caseswarm.cases.automation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.domain.Tags;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.PersonIds;

/**
 * Reads a rule as the API takes it (JSON) into what runs ({@link RuleDefinition}), refusing anything it
 * does not know with {@link InvalidFieldException} naming the place: {@code conditions[2].op},
 * {@code actions[0].priority}, {@code trigger.event}. Every key, operator, action and value is checked,
 * so a rule that saves is one that runs.
 *
 * <p>A {@linkplain #strict strict} reader checks what a rule names against the desk as it is (custom
 * fields declared, groups that exist): for saving. A {@linkplain #lenient lenient} one reads what was
 * saved, when declarations may have changed since: a custom field no longer declared is compared as its
 * value was given.
 */
public final class RuleParser {

    /** The events a rule may wait for: what happens to a case, not what automation itself records. */
    public static final Set<String> TRIGGER_EVENTS = Set.of("case-opened", "case-assigned", "case-updated",
            "case-status-changed", "case-resolved", "case-reopened", "case-closed", "case-message-added",
            "case-group-changed", "case-linked", "case-merged", "case-sla-warning", "case-sla-breached",
            "case-sla-met");
    public static final Set<String> SLA_EVENTS = Set.of("case-sla-warning", "case-sla-breached", "case-sla-met");
    public static final List<String> MILESTONES = List.of("first-response", "next-response", "resolution");
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_ACTIONS = 10;
    public static final int MAX_VALUES = 100;
    public static final int MAX_TEAM_SIZE = 10;
    /** As many skills as a swarm request takes. */
    public static final int MAX_SKILLS = 10;
    public static final int DEFAULT_TEAM_SIZE = 3;
    /** The swarm types a request-swarm action may ask for (swarm-service's). */
    public static final Set<String> SWARM_TYPES = new java.util.TreeSet<>(List.of("standard", "urgent", "backlog"));
    public static final String DEFAULT_QUESTION = "Help wanted on {{case.number}}: {{case.subject}}";
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);
    private static final int MAX_TEXT = 500;
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_REPLY = 20_000;
    private static final Set<String> SETTABLE_STATUSES = Set.of("open", "pending", "on-hold", "closed");
    private static final List<String> ACTIONS = List.of("set-priority", "set-status", "add-tags", "assign",
            "request-swarm", "notify", "post-to-swarm", "reply", "require-approval");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> DEFINITIONS = new TypeReference<>() {
    };

    private final Function<String, CustomFieldDefinition> declarations;
    private final Predicate<String> groupExists;
    private final boolean strict;

    private RuleParser(Function<String, CustomFieldDefinition> declarations, Predicate<String> groupExists,
            boolean strict) {
        this.declarations = declarations;
        this.groupExists = groupExists;
        this.strict = strict;
    }

    /** For saving: custom fields must be declared ({@code declarations} gives null for one that is not), groups exist. */
    public static RuleParser strict(Function<String, CustomFieldDefinition> declarations, Predicate<String> groupExists) {
        return new RuleParser(declarations, groupExists, true);
    }

    /** For reading what was saved. */
    public static RuleParser lenient() {
        return new RuleParser(name -> null, id -> true, false);
    }

    /** A whole rule as {@code PUT /automation-rules/{id}} takes it. */
    public ParsedRule rule(JsonNode body) {
        requireObject(body, "");
        allowOnly(body, "", "name", "enabled", "trigger", "conditions", "actions");
        String name = text(body, "", "name", true, 100);
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw new InvalidFieldException("enabled", "must be true or false");
        }
        return new ParsedRule(name, enabled == null || enabled.isNull() ? null : enabled.booleanValue(),
                definition(body));
    }

    /** The trigger, conditions and actions of a rule (the other keys of its body are not looked at). */
    public RuleDefinition definition(JsonNode body) {
        return new RuleDefinition(trigger(required(body, "", "trigger")), conditions(body.get("conditions")),
                actions(required(body, "", "actions"), "actions", false));
    }

    private Trigger trigger(JsonNode node) {
        requireObject(node, "trigger");
        allowOnly(node, "trigger", "event", "milestone", "after", "time");
        String event = text(node, "trigger", "event", true, 50);
        if (!TRIGGER_EVENTS.contains(event)) {
            throw new InvalidFieldException("trigger.event", "must be one of " + sorted(TRIGGER_EVENTS));
        }
        String milestone = text(node, "trigger", "milestone", false, 50);
        if (milestone != null && !SLA_EVENTS.contains(event)) {
            throw new InvalidFieldException("trigger.milestone", "only SLA events (" + sorted(SLA_EVENTS) + ") have one");
        }
        if (milestone != null && !MILESTONES.contains(milestone)) {
            throw new InvalidFieldException("trigger.milestone", "must be one of " + MILESTONES);
        }
        String afterText = text(node, "trigger", "after", false, 40);
        Duration after = null;
        if (afterText != null) {
            try {
                after = Duration.parse(afterText);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("trigger.after", "must be an ISO 8601 duration, e.g. PT2H or P7D");
            }
            if (!after.isPositive() || after.compareTo(LONGEST_WAIT) > 0) {
                throw new InvalidFieldException("trigger.after", "must be more than zero and at most 365 days");
            }
        }
        String time = text(node, "trigger", "time", false, 20);
        if (time != null && after == null) {
            throw new InvalidFieldException("trigger.time", "counts the time of 'after'; give 'after' too");
        }
        if (time != null && !time.equals("business") && !time.equals("calendar")) {
            throw new InvalidFieldException("trigger.time", "must be business or calendar");
        }
        return new Trigger(event, milestone, after, !"calendar".equals(time));
    }

    private List<Condition> conditions(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        requireArray(node, "conditions", 0, MAX_CONDITIONS);
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            conditions.add(condition(node.get(i), "conditions[" + i + "]"));
        }
        return conditions;
    }

    private Condition condition(JsonNode node, String path) {
        requireObject(node, path);
        allowOnly(node, path, "field", "op", "value", "zone");
        String name = text(node, path, "field", true, 100);
        RuleField field = RuleField.named(name, declarations).orElse(null);
        if (field == null && (strict || !name.startsWith(RuleField.CUSTOM_PREFIX))) {
            throw new InvalidFieldException(path + ".field", name.startsWith(RuleField.CUSTOM_PREFIX)
                    ? "no such custom field; GET /case-fields lists them"
                    : "must be one of " + RuleField.standardNames() + " or customFields.<name>");
        }
        String opName = text(node, path, "op", true, 40);
        Operator op = Operator.ofLabel(opName).orElseThrow(() -> new InvalidFieldException(path + ".op",
                "must be one of " + Arrays.stream(Operator.values()).map(Operator::label).toList()));
        if (field != null && !field.kind().operators().contains(op)) {
            throw new InvalidFieldException(path + ".op", name + " takes "
                    + field.kind().operators().stream().map(Operator::label).toList());
        }
        ZoneId zone = zone(node, path, field != null && field.kind().needsZone());
        JsonNode value = node.get("value");
        if (!op.takesValue()) {
            if (value != null && !value.isNull()) {
                throw new InvalidFieldException(path + ".value", op.label() + " takes no value");
            }
            return new Condition(name, op, null, zone);
        }
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(path + ".value", op.label() + " needs a value");
        }
        if (op.takesList()) {
            requireArray(value, path + ".value", 1, MAX_VALUES);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                values.add(value(value.get(i), field, path + ".value[" + i + "]"));
            }
            return new Condition(name, op, List.copyOf(values), zone);
        }
        return new Condition(name, op, value(value, field, path + ".value"), zone);
    }

    private static ZoneId zone(JsonNode node, String path, boolean needed) {
        JsonNode zone = node.get("zone");
        if (zone == null || zone.isNull()) {
            if (needed) {
                throw new InvalidFieldException(path + ".zone", "needs the time zone the clock is read in, e.g. Europe/Rome");
            }
            return null;
        }
        if (!needed) {
            throw new InvalidFieldException(path + ".zone", "only timeOfDay and weekday are read in a zone");
        }
        try {
            return ZoneId.of(zone.asText());
        } catch (DateTimeException e) {
            throw new InvalidFieldException(path + ".zone", "must be a time zone, e.g. Europe/Rome");
        }
    }

    /** One value as the field's kind reads it. */
    private static Object value(JsonNode value, RuleField field, String path) {
        if (field == null) {
            return generic(value, path);
        }
        return switch (field.kind()) {
            case TEXT -> {
                requireText(value, path, MAX_TEXT);
                yield value.asText().strip();
            }
            case CHOICE -> {
                if (!value.isTextual() || !field.choices().contains(value.asText())) {
                    throw new InvalidFieldException(path, "must be one of " + field.choices());
                }
                yield value.asText();
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw new InvalidFieldException(path, "must be a number");
                }
                yield value.decimalValue();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new InvalidFieldException(path, "must be true or false");
                }
                yield value.booleanValue();
            }
            case TAGS -> {
                if (!value.isTextual() || !value.asText().strip().matches(Tags.PATTERN)) {
                    throw new InvalidFieldException(path, Tags.MESSAGE);
                }
                yield Tags.composed(value.asText().strip());
            }
            case TIME_OF_DAY -> {
                if (!value.isTextual() || !value.asText().matches("^([01][0-9]|2[0-3]):[0-5][0-9]$")) {
                    throw new InvalidFieldException(path, "must be a time of day, HH:mm (00:00 to 23:59)");
                }
                yield LocalTime.parse(value.asText());
            }
            case WEEKDAY -> {
                List<String> days = Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
                if (!value.isTextual() || !days.contains(value.asText())) {
                    throw new InvalidFieldException(path, "must be one of " + days);
                }
                yield DayOfWeek.valueOf(value.asText().toUpperCase(Locale.ROOT));
            }
        };
    }

    /** A value of a field whose kind is no longer known: compared as JSON gave it. */
    private static Object generic(JsonNode value, String path) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.asText();
        }
        throw new InvalidFieldException(path, "must be text, a number or true or false");
    }

    /** The actions of a rule, or those an approval holds ({@code held}), which may not ask for another. */
    public List<RuleAction> actions(JsonNode node, String path, boolean held) {
        requireArray(node, path, 1, MAX_ACTIONS);
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            actions.add(action(node.get(i), path + "[" + i + "]", held));
        }
        return actions;
    }

    private RuleAction action(JsonNode node, String path, boolean held) {
        requireObject(node, path);
        String type = text(node, path, "type", true, 40);
        return switch (type) {
            case "set-priority" -> {
                allowOnly(node, path, "type", "priority");
                String priority = text(node, path, "priority", true, 20);
                List<String> labels = Arrays.stream(Priority.values()).map(Priority::label).toList();
                if (!labels.contains(priority)) {
                    throw new InvalidFieldException(path + ".priority", "must be one of " + labels);
                }
                yield new RuleAction.SetPriority(Priority.ofLabel(priority));
            }
            case "set-status" -> {
                allowOnly(node, path, "type", "status", "reason");
                String status = text(node, path, "status", true, 20);
                if (!SETTABLE_STATUSES.contains(status)) {
                    throw new InvalidFieldException(path + ".status", "must be one of " + sorted(SETTABLE_STATUSES)
                            + " (resolving takes a person's fix)");
                }
                CaseStatus to = Arrays.stream(CaseStatus.values()).filter(s -> s.label().equals(status)).findFirst()
                        .orElseThrow();
                yield new RuleAction.SetStatus(to, text(node, path, "reason", false, 1000));
            }
            case "add-tags" -> {
                allowOnly(node, path, "type", "tags");
                JsonNode tags = required(node, path, "tags");
                requireArray(tags, path + ".tags", 1, Tags.MAX);
                List<String> read = new ArrayList<>();
                for (int i = 0; i < tags.size(); i++) {
                    JsonNode tag = tags.get(i);
                    if (!tag.isTextual() || !tag.asText().strip().matches(Tags.PATTERN)) {
                        throw new InvalidFieldException(path + ".tags[" + i + "]", Tags.MESSAGE);
                    }
                    read.add(tag.asText());
                }
                yield new RuleAction.AddTags(Tags.normalized(read));
            }
            case "assign" -> {
                allowOnly(node, path, "type", "agentId", "groupId", "coveringGroup");
                String agentId = personId(node, path, "agentId", false);
                String groupId = groupId(node, path, "groupId", false);
                JsonNode covering = node.get("coveringGroup");
                if (covering != null && !covering.isNull() && !covering.isBoolean()) {
                    throw new InvalidFieldException(path + ".coveringGroup", "must be true or false");
                }
                boolean coveringGroup = covering != null && covering.asBoolean(false);
                int named = (agentId == null ? 0 : 1) + (groupId == null ? 0 : 1) + (coveringGroup ? 1 : 0);
                if (named != 1) {
                    throw new InvalidFieldException(path, "names one of agentId, groupId or coveringGroup: true");
                }
                yield new RuleAction.Assign(agentId, groupId, coveringGroup);
            }
            case "request-swarm" -> {
                allowOnly(node, path, "type", "skills", "teamSize", "question", "swarmType");
                List<String> skills = List.of();
                JsonNode given = node.get("skills");
                if (given != null && !given.isNull()) {
                    requireArray(given, path + ".skills", 1, MAX_SKILLS);
                    List<String> read = new ArrayList<>();
                    for (int i = 0; i < given.size(); i++) {
                        requireText(given.get(i), path + ".skills[" + i + "]", 100);
                        read.add(given.get(i).asText().strip());
                    }
                    skills = read.stream().distinct().toList();
                }
                int teamSize = DEFAULT_TEAM_SIZE;
                JsonNode size = node.get("teamSize");
                if (size != null && !size.isNull()) {
                    if (!size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() < 1
                            || size.intValue() > MAX_TEAM_SIZE) {
                        throw new InvalidFieldException(path + ".teamSize", "must be a whole number from 1 to " + MAX_TEAM_SIZE);
                    }
                    teamSize = size.intValue();
                }
                String question = template(node, path, "question", false, MAX_MESSAGE);
                // The swarm's type (swarm-service's standard, urgent, backlog); none lets swarm-service decide.
                JsonNode swarmType = node.get("swarmType");
                if (swarmType != null && !swarmType.isNull()
                        && !(swarmType.isTextual() && SWARM_TYPES.contains(swarmType.asText()))) {
                    throw new InvalidFieldException(path + ".swarmType", "must be one of " + SWARM_TYPES);
                }
                yield new RuleAction.RequestSwarm(skills, teamSize, question == null ? DEFAULT_QUESTION : question,
                        swarmType == null || swarmType.isNull() ? null : swarmType.asText());
            }
            case "notify" -> {
                allowOnly(node, path, "type", "recipients", "subject", "text");
                JsonNode recipients = required(node, path, "recipients");
                String at = path + ".recipients";
                requireObject(recipients, at);
                allowOnly(recipients, at, "owner", "leads", "personIds", "groupIds");
                boolean owner = flag(recipients, at, "owner");
                boolean leads = flag(recipients, at, "leads");
                List<String> personIds = list(recipients, at, "personIds", 50, this::checkPersonId);
                List<String> groupIds = list(recipients, at, "groupIds", 20, this::checkGroupId);
                if (!owner && !leads && personIds.isEmpty() && groupIds.isEmpty()) {
                    throw new InvalidFieldException(at, "names nobody: give owner, leads, personIds or groupIds");
                }
                yield new RuleAction.Notify(owner, leads, personIds, groupIds, template(node, path, "subject", true, 200),
                        template(node, path, "text", true, MAX_MESSAGE));
            }
            case "post-to-swarm" -> {
                allowOnly(node, path, "type", "text");
                yield new RuleAction.PostToSwarm(template(node, path, "text", true, MAX_MESSAGE));
            }
            case "reply" -> {
                allowOnly(node, path, "type", "template");
                yield new RuleAction.Reply(template(node, path, "template", true, MAX_REPLY));
            }
            case "require-approval" -> {
                if (held) {
                    throw new InvalidFieldException(path + ".type", "an approval does not hold another approval");
                }
                allowOnly(node, path, "type", "approverId", "reason", "actions");
                JsonNode heldNode = required(node, path, "actions");
                yield new RuleAction.RequireApproval(personId(node, path, "approverId", true),
                        text(node, path, "reason", false, 1000), actions(heldNode, path + ".actions", true),
                        JSON.convertValue(heldNode, DEFINITIONS));
            }
            default -> throw new InvalidFieldException(path + ".type", "must be one of " + ACTIONS);
        };
    }

    private String personId(JsonNode node, String path, String key, boolean required) {
        String id = text(node, path, key, required, 64);
        if (id != null) {
            checkPersonId(id, path + "." + key);
        }
        return id;
    }

    private void checkPersonId(String id, String place) {
        if (!id.matches(PersonIds.PATTERN)) {
            throw new InvalidFieldException(place, PersonIds.MESSAGE);
        }
    }

    private String groupId(JsonNode node, String path, String key, boolean required) {
        String id = text(node, path, key, required, 40);
        if (id != null) {
            checkGroupId(id, path + "." + key);
        }
        return id;
    }

    private void checkGroupId(String id, String place) {
        if (!id.matches(AgentGroup.ID_PATTERN)) {
            throw new InvalidFieldException(place, AgentGroup.ID_MESSAGE);
        }
        if (strict && !groupExists.test(id)) {
            throw new InvalidFieldException(place, "no such group; GET /groups lists them");
        }
    }

    private static boolean flag(JsonNode node, String path, String key) {
        JsonNode flag = node.get(key);
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new InvalidFieldException(path + "." + key, "must be true or false");
        }
        return flag.booleanValue();
    }

    private static List<String> list(JsonNode node, String path, String key, int max, Checker check) {
        JsonNode values = node.get(key);
        if (values == null || values.isNull()) {
            return List.of();
        }
        requireArray(values, path + "." + key, 0, max);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String place = path + "." + key + "[" + i + "]";
            requireText(values.get(i), place, 64);
            String value = values.get(i).asText().strip();
            check.check(value, place);
            if (!read.contains(value)) {
                read.add(value);
            }
        }
        return List.copyOf(read);
    }

    private static String template(JsonNode node, String path, String key, boolean required, int max) {
        String template = text(node, path, key, required, max);
        if (template != null) {
            Templates.unknownPlaceholder(template).ifPresent(placeholder -> {
                throw new InvalidFieldException(path + "." + key, "has " + placeholder + ", which is none of "
                        + Templates.PLACEHOLDERS.keySet().stream().sorted().map(p -> "{{" + p + "}}").toList());
            });
        }
        return template;
    }

    private static String text(JsonNode node, String path, String key, boolean required, int max) {
        JsonNode value = node.get(key);
        String place = path.isEmpty() ? key : path + "." + key;
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(place, "is required");
            }
            return null;
        }
        requireText(value, place, max);
        return value.asText().strip();
    }

    private static void requireText(JsonNode value, String place, int max) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidFieldException(place, "must be text, not blank");
        }
        if (value.asText().strip().length() > max) {
            throw new InvalidFieldException(place, "must be at most " + max + " characters");
        }
    }

    private static JsonNode required(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(path.isEmpty() ? key : path + "." + key, "is required");
        }
        return value;
    }

    private static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
    }

    private static void requireArray(JsonNode node, String path, int min, int max) {
        if (!node.isArray()) {
            throw new InvalidFieldException(path, "must be a list");
        }
        if (node.size() < min || node.size() > max) {
            throw new InvalidFieldException(path, "must have " + (min == 0 ? "at most " + max : min + " to " + max)
                    + " entries");
        }
    }

    private static void allowOnly(JsonNode node, String path, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(path.isEmpty() ? name : path + "." + name, "unknown field");
            }
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }

    @FunctionalInterface
    private interface Checker {
        void check(String value, String place);
    }

    /** A rule's name, whether it is on (null: as it was, or on for a new rule), and what it does. */
    public record ParsedRule(String name, Boolean enabled, RuleDefinition definition) {
    }

}
