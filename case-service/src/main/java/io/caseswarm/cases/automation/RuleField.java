package io.caseswarm.cases.automation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.cases.sla.SlaState;

/**
 * A field a condition may test, by the name rules use, with what it holds ({@link FieldKind}) and, for a
 * choice, the values it takes. Custom fields are as an admin declared them when the rule is saved.
 */
public record RuleField(String name, FieldKind kind, List<String> choices) {

    public static final String STATUS = "status";
    public static final String PRIORITY = "priority";
    public static final String CHANNEL = "channel";
    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final String TAGS = "tags";
    public static final String OWNER_ID = "ownerId";
    public static final String GROUP_ID = "groupId";
    public static final String CUSTOMER_TIER = "customer.tier";
    public static final String HAS_ACTIVE_SWARM = "hasActiveSwarm";
    public static final String PUBLIC_REPLIES = "publicReplies";
    public static final String TIME_OF_DAY = "timeOfDay";
    public static final String WEEKDAY = "weekday";
    public static final String CUSTOM_PREFIX = "customFields.";
    public static final String SLA_POLICY_ID = "sla.policyId";
    private static final List<String> SLA_STATES = Arrays.stream(SlaState.values()).map(RuleField::label).toList();

    private static final Map<String, RuleField> STANDARD = Map.ofEntries(
            choice(STATUS, Arrays.stream(CaseStatus.values()).map(CaseStatus::label).toList()),
            choice(PRIORITY, Arrays.stream(Priority.values()).map(Priority::label).toList()),
            choice(CHANNEL, Arrays.stream(Channel.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()),
            of(PRODUCT, FieldKind.TEXT), of(CATEGORY, FieldKind.TEXT), of(TAGS, FieldKind.TAGS),
            of(OWNER_ID, FieldKind.TEXT), of(GROUP_ID, FieldKind.TEXT), of(CUSTOMER_TIER, FieldKind.TEXT),
            of(HAS_ACTIVE_SWARM, FieldKind.BOOLEAN), of(PUBLIC_REPLIES, FieldKind.NUMBER),
            of(TIME_OF_DAY, FieldKind.TIME_OF_DAY), of(WEEKDAY, FieldKind.WEEKDAY), of(SLA_POLICY_ID, FieldKind.TEXT),
            choice(slaState(SlaMilestone.FIRST_RESPONSE.label()), SLA_STATES),
            choice(slaState(SlaMilestone.NEXT_RESPONSE.label()), SLA_STATES),
            choice(slaState(SlaMilestone.RESOLUTION.label()), SLA_STATES));

    /** A milestone's state as rules name it: {@code met-late}. */
    public static String label(SlaState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code sla.first-response.state}: where the case's milestone stands now (running, warning, breached, …). */
    public static String slaState(String milestone) {
        return "sla." + milestone + ".state";
    }

    /** The names of the fields every case has, for an error that lists them. */
    public static List<String> standardNames() {
        return STANDARD.keySet().stream().sorted().toList();
    }

    /**
     * The field {@code name} names: a standard one, or {@code customFields.<name>} as {@code declarations}
     * finds it (null: not declared); empty when there is no such field.
     */
    public static Optional<RuleField> named(String name, Function<String, CustomFieldDefinition> declarations) {
        RuleField standard = STANDARD.get(name);
        if (standard != null) {
            return Optional.of(standard);
        }
        if (name.startsWith(CUSTOM_PREFIX)) {
            CustomFieldDefinition declared = declarations.apply(name.substring(CUSTOM_PREFIX.length()));
            if (declared != null) {
                return Optional.of(custom(name, declared));
            }
        }
        return Optional.empty();
    }

    private static RuleField custom(String name, CustomFieldDefinition declared) {
        return switch (declared.type) {
            case TEXT -> new RuleField(name, FieldKind.TEXT, List.of());
            case NUMBER -> new RuleField(name, FieldKind.NUMBER, List.of());
            case BOOLEAN -> new RuleField(name, FieldKind.BOOLEAN, List.of());
            case CHOICE -> new RuleField(name, FieldKind.CHOICE, List.copyOf(declared.allowedValues));
        };
    }

    private static Map.Entry<String, RuleField> of(String name, FieldKind kind) {
        return Map.entry(name, new RuleField(name, kind, List.of()));
    }

    private static Map.Entry<String, RuleField> choice(String name, List<String> values) {
        return Map.entry(name, new RuleField(name, FieldKind.CHOICE, values));
    }
}
