package io.caseswarm.cases.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.customfield.CustomFieldType;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.platform.rest.InvalidFieldException;

/** A rule is read whole or refused naming the place of the first thing wrong with it. */
class RuleParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleParser PARSER = RuleParser.strict(RuleParserTest::declared, "billing-l1"::equals);

    private static CustomFieldDefinition declared(String name) {
        CustomFieldDefinition field = new CustomFieldDefinition();
        field.name = name;
        switch (name) {
            case "refund_amount" -> field.type = CustomFieldType.NUMBER;
            case "tier" -> {
                field.type = CustomFieldType.CHOICE;
                field.allowedValues = List.of("gold", "silver");
            }
            case "vip" -> field.type = CustomFieldType.BOOLEAN;
            default -> {
                return null;
            }
        }
        return field;
    }

    @Test
    void aRuleWithEveryKindOfConditionAndActionIsRead() {
        RuleParser.ParsedRule rule = PARSER.rule(json("""
                {"name": " Refunds ", "trigger": {"event": "case-opened", "after": "PT2H"},
                 "conditions": [
                   {"field": "customFields.refund_amount", "op": "greater-than", "value": 500},
                   {"field": "priority", "op": "in", "value": ["high", "urgent"]},
                   {"field": "tags", "op": "contains", "value": "Refund"},
                   {"field": "ownerId", "op": "exists"},
                   {"field": "timeOfDay", "op": "less-than", "value": "18:00", "zone": "Europe/Rome"},
                   {"field": "weekday", "op": "not-in", "value": ["saturday", "sunday"], "zone": "Europe/Rome"},
                   {"field": "hasActiveSwarm", "op": "equals", "value": false},
                   {"field": "customFields.tier", "op": "equals", "value": "gold"},
                   {"field": "sla.first-response.state", "op": "in", "value": ["warning", "met-late"]}],
                 "actions": [
                   {"type": "set-priority", "priority": "urgent"},
                   {"type": "set-status", "status": "on-hold", "reason": "waiting for finance"},
                   {"type": "add-tags", "tags": ["refund", "Refund", "finance"]},
                   {"type": "assign", "groupId": "billing-l1"},
                   {"type": "request-swarm", "teamSize": 2},
                   {"type": "request-swarm", "skills": ["sepa"], "teamSize": 5, "swarmType": "urgent"},
                   {"type": "notify", "recipients": {"owner": true, "leads": true}, "subject": "{{case.number}}",
                    "text": "Refund for {{customer.name}}"},
                   {"type": "post-to-swarm", "text": "Status: {{case.status}}"},
                   {"type": "reply", "template": "Dear {{customer.name}}, about {{case.number}} ..."},
                   {"type": "require-approval", "approverId": "lea.park",
                    "actions": [{"type": "add-tags", "tags": ["refund-approved"]}]}]}"""));

        assertThat(rule.name()).isEqualTo("Refunds");
        assertThat(rule.enabled()).isNull();
        RuleDefinition definition = rule.definition();
        assertThat(definition.trigger()).isEqualTo(new Trigger("case-opened", null, Duration.ofHours(2), true));
        assertThat(definition.conditions()).containsExactly(
                new Condition("customFields.refund_amount", Operator.GREATER_THAN, new BigDecimal("500"), null),
                new Condition("priority", Operator.IN, List.of("high", "urgent"), null),
                new Condition("tags", Operator.CONTAINS, "Refund", null),
                new Condition("ownerId", Operator.EXISTS, null, null),
                new Condition("timeOfDay", Operator.LESS_THAN, LocalTime.of(18, 0), ZoneId.of("Europe/Rome")),
                new Condition("weekday", Operator.NOT_IN, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        ZoneId.of("Europe/Rome")),
                new Condition("hasActiveSwarm", Operator.EQUALS, false, null),
                new Condition("customFields.tier", Operator.EQUALS, "gold", null),
                new Condition("sla.first-response.state", Operator.IN, List.of("warning", "met-late"), null));
        assertThat(definition.actions()).hasSize(10);
        assertThat(definition.actions().get(0)).isEqualTo(new RuleAction.SetPriority(Priority.URGENT));
        assertThat(definition.actions().get(1))
                .isEqualTo(new RuleAction.SetStatus(CaseStatus.ON_HOLD, "waiting for finance"));
        assertThat(definition.actions().get(2)).isEqualTo(new RuleAction.AddTags(List.of("refund", "finance")));
        assertThat(definition.actions().get(3)).isEqualTo(new RuleAction.Assign(null, "billing-l1", false));
        assertThat(definition.actions().get(4))
                .isEqualTo(new RuleAction.RequestSwarm(List.of(), 2, RuleParser.DEFAULT_QUESTION, null));
        assertThat(definition.actions().get(5))
                .isEqualTo(new RuleAction.RequestSwarm(List.of("sepa"), 5, RuleParser.DEFAULT_QUESTION, "urgent"));
        RuleAction.RequireApproval approval = (RuleAction.RequireApproval) definition.actions().get(9);
        assertThat(approval.actions()).containsExactly(new RuleAction.AddTags(List.of("refund-approved")));
        assertThat(approval.definitions()).containsExactly(Map.of("type", "add-tags", "tags", List.of("refund-approved")));
    }

    @Test
    void eachMistakeIsNamedByItsPlace() {
        String ok = "{\"type\": \"add-tags\", \"tags\": [\"x\"]}";
        refused("{\"trigger\": {\"event\": \"case-opened\"}, \"actions\": [" + ok + "]}", "name");
        refused("{\"name\": \"r\", \"actions\": [" + ok + "]}", "trigger");
        refused("{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}}", "actions");
        refused(rule("{\"event\": \"case-opened\"}", "[]", "[]"), "actions");
        refused(rule("{\"event\": \"automation-rule-fired\"}", "[]", "[" + ok + "]"), "trigger.event");
        refused(rule("{\"event\": \"case-opened\", \"milestone\": \"first-response\"}", "[]", "[" + ok + "]"),
                "trigger.milestone");
        refused(rule("{\"event\": \"case-sla-warning\", \"milestone\": \"lunch\"}", "[]", "[" + ok + "]"),
                "trigger.milestone");
        refused(rule("{\"event\": \"case-opened\", \"after\": \"2 hours\"}", "[]", "[" + ok + "]"), "trigger.after");
        refused(rule("{\"event\": \"case-opened\", \"after\": \"-PT1H\"}", "[]", "[" + ok + "]"), "trigger.after");
        refused(rule("{\"event\": \"case-opened\", \"after\": \"P400D\"}", "[]", "[" + ok + "]"), "trigger.after");
        refused(rule("{\"event\": \"case-opened\", \"time\": \"business\"}", "[]", "[" + ok + "]"), "trigger.time");
        refused(rule("{\"event\": \"case-opened\", \"after\": \"PT1H\", \"time\": \"lunar\"}", "[]", "[" + ok + "]"),
                "trigger.time");
        refused(rule("{\"event\": \"case-opened\", \"when\": \"now\"}", "[]", "[" + ok + "]"), "trigger.when");
        String trigger = "{\"event\": \"case-opened\"}";
        String[][] conditions = {
                { "{\"field\": \"colour\", \"op\": \"equals\", \"value\": \"red\"}", "conditions[1].field" },
                { "{\"field\": \"customFields.nope\", \"op\": \"equals\", \"value\": 1}", "conditions[1].field" },
                { "{\"field\": \"priority\", \"op\": \"matches\", \"value\": \"high\"}", "conditions[1].op" },
                { "{\"field\": \"priority\", \"op\": \"greater-than\", \"value\": \"high\"}", "conditions[1].op" },
                { "{\"field\": \"priority\", \"op\": \"equals\", \"value\": \"HIGH\"}", "conditions[1].value" },
                { "{\"field\": \"priority\", \"op\": \"equals\"}", "conditions[1].value" },
                { "{\"field\": \"priority\", \"op\": \"in\", \"value\": \"high\"}", "conditions[1].value" },
                { "{\"field\": \"priority\", \"op\": \"in\", \"value\": []}", "conditions[1].value" },
                { "{\"field\": \"priority\", \"op\": \"in\", \"value\": [\"high\", 3]}", "conditions[1].value[1]" },
                { "{\"field\": \"ownerId\", \"op\": \"exists\", \"value\": true}", "conditions[1].value" },
                { "{\"field\": \"customFields.refund_amount\", \"op\": \"greater-than\", \"value\": \"500\"}",
                        "conditions[1].value" },
                { "{\"field\": \"customFields.tier\", \"op\": \"equals\", \"value\": \"bronze\"}", "conditions[1].value" },
                { "{\"field\": \"customFields.vip\", \"op\": \"equals\", \"value\": \"true\"}", "conditions[1].value" },
                { "{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"<script>\"}", "conditions[1].value" },
                { "{\"field\": \"timeOfDay\", \"op\": \"less-than\", \"value\": \"18:00\"}", "conditions[1].zone" },
                { "{\"field\": \"timeOfDay\", \"op\": \"less-than\", \"value\": \"25:00\", \"zone\": \"UTC\"}",
                        "conditions[1].value" },
                { "{\"field\": \"weekday\", \"op\": \"equals\", \"value\": \"monday\", \"zone\": \"Mars/Olympus\"}",
                        "conditions[1].zone" },
                { "{\"field\": \"status\", \"op\": \"equals\", \"value\": \"open\", \"zone\": \"UTC\"}",
                        "conditions[1].zone" },
                { "{\"field\": \"status\", \"op\": \"equals\", \"value\": \"open\", \"not\": true}", "conditions[1].not" },
                { "{\"field\": \"sla.lunch.state\", \"op\": \"equals\", \"value\": \"met\"}", "conditions[1].field" },
                { "{\"field\": \"sla.resolution.state\", \"op\": \"equals\", \"value\": \"late\"}", "conditions[1].value" },
                { "\"status = open\"", "conditions[1]" } };
        for (String[] condition : conditions) {
            refused(rule(trigger, "[{\"field\": \"status\", \"op\": \"exists\"}, " + condition[0] + "]", "[" + ok + "]"),
                    condition[1]);
        }
        String[][] actions = {
                { "{\"type\": \"explode\"}", "actions[1].type" },
                { "{\"priority\": \"high\"}", "actions[1].type" },
                { "{\"type\": \"set-priority\", \"priority\": \"critical\"}", "actions[1].priority" },
                { "{\"type\": \"set-priority\", \"priority\": \"high\", \"colour\": \"red\"}", "actions[1].colour" },
                { "{\"type\": \"set-status\", \"status\": \"resolved\"}", "actions[1].status" },
                { "{\"type\": \"add-tags\", \"tags\": []}", "actions[1].tags" },
                { "{\"type\": \"add-tags\", \"tags\": [\"ok\", \"-bad\"]}", "actions[1].tags[1]" },
                { "{\"type\": \"assign\"}", "actions[1]" },
                { "{\"type\": \"assign\", \"agentId\": \"ana.lima\", \"groupId\": \"billing-l1\"}", "actions[1]" },
                { "{\"type\": \"assign\", \"agentId\": \"Ana Lima\"}", "actions[1].agentId" },
                { "{\"type\": \"assign\", \"groupId\": \"no-such-group\"}", "actions[1].groupId" },
                { "{\"type\": \"request-swarm\", \"teamSize\": 0}", "actions[1].teamSize" },
                { "{\"type\": \"request-swarm\", \"teamSize\": 2.5}", "actions[1].teamSize" },
                { "{\"type\": \"request-swarm\", \"skills\": [\"\"]}", "actions[1].skills[0]" },
                { "{\"type\": \"request-swarm\", \"swarmType\": \"critical\"}", "actions[1].swarmType" },
                { "{\"type\": \"request-swarm\", \"swarmType\": 1}", "actions[1].swarmType" },
                { "{\"type\": \"request-swarm\", \"skills\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\"]}",
                        "actions[1].skills" },
                { "{\"type\": \"notify\", \"recipients\": {}, \"subject\": \"s\", \"text\": \"t\"}", "actions[1].recipients" },
                { "{\"type\": \"notify\", \"recipients\": {\"owner\": \"yes\"}, \"subject\": \"s\", \"text\": \"t\"}",
                        "actions[1].recipients.owner" },
                { "{\"type\": \"notify\", \"recipients\": {\"personIds\": [\"X\"]}, \"subject\": \"s\", \"text\": \"t\"}",
                        "actions[1].recipients.personIds[0]" },
                { "{\"type\": \"notify\", \"recipients\": {\"owner\": true}, \"text\": \"t\"}", "actions[1].subject" },
                { "{\"type\": \"reply\", \"template\": \"Hi {{customer.password}}\"}", "actions[1].template" },
                { "{\"type\": \"reply\", \"template\": \"" + "x".repeat(20_001) + "\"}", "actions[1].template" },
                { "{\"type\": \"require-approval\", \"actions\": [" + ok + "]}", "actions[1].approverId" },
                { "{\"type\": \"require-approval\", \"approverId\": \"lea.park\", \"actions\": [{\"type\": \"require-approval\"}]}",
                        "actions[1].actions[0].type" },
                { "{\"type\": \"require-approval\", \"approverId\": \"lea.park\", \"actions\": [{\"type\": \"set-priority\"}]}",
                        "actions[1].actions[0].priority" } };
        for (String[] action : actions) {
            refused(rule(trigger, "[]", "[" + ok + ", " + action[0] + "]"), action[1]);
        }
        refused("{\"name\": \"r\", \"enabled\": \"yes\", \"trigger\": " + trigger + ", \"actions\": [" + ok + "]}",
                "enabled");
        refused("{\"name\": \"r\", \"owner\": \"me\", \"trigger\": " + trigger + ", \"actions\": [" + ok + "]}", "owner");
        refused("[1, 2]", "body");
    }

    @Test
    void aSavedRuleIsReadEvenWhenACustomFieldItTestsIsNoLongerDeclared() {
        RuleDefinition definition = RuleParser.lenient().definition(json("""
                {"trigger": {"event": "case-updated"},
                 "conditions": [{"field": "customFields.gone", "op": "greater-than", "value": 5}],
                 "actions": [{"type": "add-tags", "tags": ["x"]}]}"""));

        Condition condition = definition.conditions().getFirst();
        assertThat(condition.test(new CaseFacts(Map.of("customFields.gone", 6), Instant.now())).holds()).isTrue();
        assertThat(condition.test(new CaseFacts(Map.of(), Instant.now())).holds()).isFalse();
    }

    @Test
    void timeOfDayAndWeekdayAreReadInTheConditionsZone() {
        Instant mondayEveningInRome = Instant.parse("2026-12-07T17:30:00Z"); // 18:30 in Rome, still Monday
        CaseFacts facts = new CaseFacts(Map.of(), mondayEveningInRome);
        ZoneId rome = ZoneId.of("Europe/Rome");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        assertThat(new Condition("timeOfDay", Operator.GREATER_THAN, LocalTime.of(18, 0), rome).test(facts).holds())
                .isTrue();
        assertThat(new Condition("timeOfDay", Operator.GREATER_THAN, LocalTime.of(18, 0), ZoneId.of("UTC"))
                .test(facts).holds()).isFalse();
        assertThat(new Condition("weekday", Operator.EQUALS, DayOfWeek.MONDAY, rome).test(facts).holds()).isTrue();
        assertThat(new Condition("weekday", Operator.EQUALS, DayOfWeek.TUESDAY, tokyo).test(facts).holds()).isTrue();
    }

    @Test
    void templatesFillTheirPlaceholdersFromTheCase() {
        CaseFacts facts = new CaseFacts(Map.of(CaseFacts.NUMBER, "CS-000042", CaseFacts.CUSTOMER_NAME, "Ada Lovelace",
                RuleField.STATUS, "open"), Instant.now());

        assertThat(Templates.fill("Dear {{customer.name}}, {{ case.number }} is {{case.status}}; owner: {{owner.id}}.",
                facts)).isEqualTo("Dear Ada Lovelace, CS-000042 is open; owner: .");
        assertThat(Templates.fill("$1 and \\ stay", facts)).isEqualTo("$1 and \\ stay");
        assertThat(Templates.unknownPlaceholder("Hi {{customer.name}} {{case.secret}}")).contains("{{case.secret}}");
        assertThat(Templates.unknownPlaceholder("Hi {{customer.name}}")).isEmpty();
    }

    private static String rule(String trigger, String conditions, String actions) {
        return "{\"name\": \"r\", \"trigger\": " + trigger + ", \"conditions\": " + conditions + ", \"actions\": "
                + actions + "}";
    }

    private static void refused(String body, String place) {
        assertThatThrownBy(() -> PARSER.rule(json(body))).as(body).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.fields().getFirst().field()).as(body).isEqualTo(place));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
