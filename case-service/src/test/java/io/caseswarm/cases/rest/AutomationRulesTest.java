package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.patch;
import static io.caseswarm.cases.rest.Desk.post;
import static io.caseswarm.cases.rest.Desk.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Automation rules on the real broker and database: rules fire on the case events the service publishes,
 * act through ordinary case events signed by the rule, and say so in the history. Every rule here tests a
 * product of its own, so that it acts only on its test's cases (rules are shared by the whole run).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AutomationRulesTest extends DeskTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller poller;

    TestDatabase database;

    EventSender events;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anAdminSavesARuleVersionByVersionAndLeadsReadIt() {
        String id = "rule-" + suffix();
        String rule = """
                {"name": "Tag refunds", "trigger": {"event": "case-opened"},
                 "conditions": [{"field": "product", "op": "contains", "value": "refund-%s"}],
                 "actions": [{"type": "add-tags", "tags": ["refund"]}]}""".formatted(suffix());

        put(desk.admin(), "/automation-rules/" + id, rule).then().statusCode(201)
                .body("version", equalTo(1)).body("enabled", equalTo(true)).body("updatedBy", equalTo("ola.admin"))
                .body("trigger.event", equalTo("case-opened")).body("conditions[0].op", equalTo("contains"));
        put(desk.admin(), "/automation-rules/" + id, rule.replace("\"Tag refunds\"", "\"Tag refunds\", \"enabled\": false"))
                .then().statusCode(200).body("version", equalTo(2)).body("enabled", equalTo(false));
        put(desk.admin(), "/automation-rules/" + id, rule).then().statusCode(200).body("version", equalTo(3))
                .body("enabled", equalTo(false)); // left out: kept as it was

        desk.lead().get("/automation-rules/" + id).then().statusCode(200).body("name", equalTo("Tag refunds"));
        JsonPath page = desk.lead().get("/automation-rules?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("nextCursor")).isNotNull();
        desk.lead().queryParam("cursor", page.getString("nextCursor")).get("/automation-rules?limit=200").then()
                .statusCode(200).body("items.id", hasItem(id));
        desk.owner().get("/automation-rules").then().statusCode(403);
        put(desk.lead(), "/automation-rules/" + id, rule).then().statusCode(403);
        desk.admin().get("/automation-rules/no-such-rule").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRuleIsCheckedWholeBeforeAnythingIsSaved() {
        String id = "checked-" + suffix();
        put(desk.admin(), "/automation-rules/" + id, """
                {"name": "r", "enabled": false, "trigger": {"event": "case-opened"},
                 "actions": [{"type": "add-tags", "tags": ["x"]}]}""").then().statusCode(201);
        String before = desk.admin().get("/automation-rules/" + id).asString();
        String[][] refusals = {
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}, \"actions\": [{\"type\": \"add-tags\", \"tags\": [\"x\"]}],"
                        + " \"conditions\": [{\"field\": \"status\", \"op\": \"equals\", \"value\": \"open\"},"
                        + " {\"field\": \"priority\", \"op\": \"equals\", \"value\": \"high\"},"
                        + " {\"field\": \"tags\", \"op\": \"greater-than\", \"value\": 3}]}", "conditions[2].op" },
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}, \"actions\": [{\"type\": \"assign\", \"groupId\": \"nope-"
                        + suffix() + "\"}]}", "actions[0].groupId" },
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}, \"actions\": [{\"type\": \"reply\","
                        + " \"template\": \"{{customer.creditCard}}\"}]}", "actions[0].template" },
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}, \"conditions\": [{\"field\": \"customFields.nope_"
                        + suffix().replace('-', '_') + "\", \"op\": \"exists\"}], \"actions\": [{\"type\": \"add-tags\", \"tags\": [\"x\"]}]}",
                        "conditions[0].field" },
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\", \"after\": \"soon\"}, \"actions\": []}", "trigger.after" },
                { "{\"name\": \"r\", \"trigger\": \"case-opened\", \"actions\": []}", "trigger" },
                { "{\"name\": \"x';drop table automation_rule;--\", \"trigger\": {\"event\": \"case-opened\"},"
                        + " \"actions\": [{\"type\": \"delete-everything\"}]}", "actions[0].type" },
                { "{\"name\": \"r\", \"trigger\": {\"event\": \"case-opened\"}, \"actions\": [{\"type\": \"add-tags\", \"tags\": [\"x\"]}],"
                        + " \"__proto__\": {}}", "__proto__" },
                { "[]", "body" } };
        for (String[] refusal : refusals) {
            put(desk.admin(), "/automation-rules/" + id, refusal[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains(refusal[1]));
        }
        for (String bad : List.of("Rule", "-rule", "r", "r".repeat(41), "rule_1", "règle")) {
            put(desk.admin(), "/automation-rules/" + bad, "{}").then().statusCode(400).body("errors.field", contains("id"));
        }
        desk.admin().contentType(ContentType.JSON).body("{\"name\": ").put("/automation-rules/" + id).then()
                .statusCode(400);
        desk.admin().contentType(ContentType.JSON).body("{\"name\": \"" + "n".repeat(70_000) + "\"}")
                .put("/automation-rules/" + id).then().statusCode(413);

        assertThat(desk.admin().get("/automation-rules/" + id).asString()).isEqualTo(before);
    }

    @Test
    void aRuleFiresOnAnEventAndTheCaseShowsWhatItDidAndWhy() {
        String product = "Payroll " + suffix();
        String busy = "busy-" + suffix();
        String idle = "idle-" + suffix();
        String group = "payroll-" + suffix();
        put(desk.admin(), "/groups/" + group, """
                {"name": "Payroll", "memberIds": ["%s", "%s"], "leadIds": ["lea.park"], "products": ["%s"]}"""
                .formatted(busy, idle, product)).then().statusCode(201).body("leadIds", contains("lea.park"));
        openCase(product, busy, null); // busy owns an active case already
        String ruleId = "payroll-" + suffix();
        put(desk.admin(), "/automation-rules/" + ruleId, """
                {"name": "Payroll intake", "trigger": {"event": "case-opened"},
                 "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                {"field": "ownerId", "op": "is-empty"}],
                 "actions": [{"type": "set-priority", "priority": "urgent"},
                             {"type": "add-tags", "tags": ["payroll", "auto"]},
                             {"type": "assign", "coveringGroup": true},
                             {"type": "notify", "recipients": {"owner": true, "groupIds": ["%s"]},
                              "subject": "{{case.number}} is yours", "text": "{{case.subject}}"},
                             {"type": "reply", "template": "Dear {{customer.name}}, {{case.number}} is with our payroll team."}]}"""
                .formatted(product, group)).then().statusCode(201);

        String caseId = openCase(product, null, group);

        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + caseId + "/history").then()
                .body("type", hasItem("automation-rule-fired")).body("type", hasItem("case-message-added")));
        JsonPath history = desk.owner().get("/cases/" + caseId + "/history").then().extract().jsonPath();
        List<String> types = history.getList("type");
        // The reply is public: it meets the case's first response (case-sla-met), which this test leaves aside.
        assertThat(types.subList(types.indexOf("automation-rule-fired"), types.size()))
                .filteredOn(type -> !type.startsWith("case-sla")).containsExactly(
                "automation-rule-fired", "case-updated", "case-updated", "case-assigned", "case-notice-requested",
                "case-message-added");
        String fired = "find { it.type == 'automation-rule-fired' }.data";
        assertThat(history.getString(fired + ".ruleId")).isEqualTo(ruleId);
        assertThat(history.getInt(fired + ".ruleVersion")).isEqualTo(1);
        assertThat(history.getString(fired + ".trigger.event")).isEqualTo("case-opened");
        assertThat(history.getList(fired + ".actions.result")).containsOnly("done");
        assertThat(history.getString(fired + ".actions[2].detail")).contains(idle).contains(group);
        assertThat(history.getString("find { it.type == 'case-assigned' }.data.ownerId")).isEqualTo(idle);
        assertThat(history.getString("find { it.type == 'case-assigned' }.data.assignedBy"))
                .isEqualTo("automation:" + ruleId);
        assertThat(history.getList("find { it.type == 'case-notice-requested' }.data.personIds"))
                .containsExactly(idle, busy);
        assertThat(history.getString("find { it.type == 'case-message-added' }.data.body"))
                .startsWith("Dear Ada Lovelace, CS-").endsWith("is with our payroll team.");
        desk.owner().get("/cases/" + caseId).then().body("priority", equalTo("urgent"))
                .body("tags", contains("payroll", "auto")).body("ownerId", equalTo(idle));
    }

    @Test
    void aTimedRuleFiresWhenItsTimeIsUpAndChecksItsConditionsThen() throws SQLException {
        String product = "Timed " + suffix();
        String ruleId = "unanswered-" + suffix();
        put(desk.admin(), "/automation-rules/" + ruleId, """
                {"name": "Unanswered after 2 hours", "trigger": {"event": "case-opened", "after": "PT2H", "time": "calendar"},
                 "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                {"field": "publicReplies", "op": "equals", "value": 0}],
                 "actions": [{"type": "add-tags", "tags": ["unanswered"]}]}""".formatted(product)).then().statusCode(201);
        String unanswered = openCase(product, "ana.lima", null);
        String answered = openCase(product, "ana.lima", null);
        post(desk.owner(), "/cases/" + answered + "/messages", "{\"body\": \"On it.\", \"visibility\": \"public\"}")
                .then().statusCode(201);
        Instant opened = Instant.parse(desk.owner().get("/cases/" + unanswered).then().extract().path("openedAt"));

        await().atMost(PATIENCE).until(() -> due(unanswered, ruleId).isPresent() && due(answered, ruleId).isPresent());
        Instant due = due(unanswered, ruleId).orElseThrow();
        // Counted from the event as published (ce_time), a moment after the case's own openedAt.
        assertThat(due).isBetween(opened.plus(Duration.ofHours(2)), opened.plus(Duration.ofHours(2)).plusSeconds(5));

        clock.set(due.minusSeconds(1));
        poller.pollOnce();
        assertThat(due(unanswered, ruleId)).isPresent();
        clock.set(due(answered, ruleId).orElseThrow());
        poller.pollOnce();

        assertThat(due(unanswered, ruleId)).isEmpty();
        assertThat(due(answered, ruleId)).isEmpty();
        JsonPath history = desk.owner().get("/cases/" + unanswered + "/history").then().extract().jsonPath();
        assertThat(history.getString("find { it.type == 'automation-rule-fired' }.data.trigger.after")).isEqualTo("PT2H");
        assertThat(history.getString("find { it.type == 'automation-rule-fired' }.data.trigger.time")).isEqualTo("calendar");
        desk.owner().get("/cases/" + unanswered).then().body("tags", contains("unanswered"));
        desk.owner().get("/cases/" + answered + "/history").then().body("type", not(hasItem("automation-rule-fired")));
        desk.owner().get("/cases/" + answered).then().body("tags", not(hasItem("unanswered")));
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndChangesNothing() {
        String product = "Dry " + suffix();
        String ruleId = "dry-" + suffix();
        put(desk.admin(), "/automation-rules/" + ruleId, """
                {"name": "Escalate VIPs", "enabled": false, "trigger": {"event": "case-updated"},
                 "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                {"field": "priority", "op": "in", "value": ["high", "urgent"]},
                                {"field": "publicReplies", "op": "less-than", "value": 1}],
                 "actions": [{"type": "set-priority", "priority": "urgent"},
                             {"type": "post-to-swarm", "text": "Please hurry"},
                             {"type": "reply", "template": "We are on {{case.number}}."}]}""".formatted(product))
                .then().statusCode(201);
        String caseId = openCase(product, "ana.lima", null);
        String before = desk.snapshot(caseId);
        List<String> historyBefore = desk.owner().get("/cases/" + caseId + "/history").then().extract().path("eventId");

        post(desk.admin(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"" + caseId + "\"}").then()
                .statusCode(200).body("wouldFire", equalTo(false)).body("conditionsHold", equalTo(false))
                .body("conditions.holds", contains(true, false, true))
                .body("conditions[0].actual", equalTo(product)).body("conditions[1].actual", equalTo("normal"))
                .body("conditions[1].value", contains("high", "urgent")).body("conditions[2].actual", equalTo(0))
                .body("actions.result", contains("done", "skipped", "done"))
                .body("actions[0].detail", equalTo("priority normal → urgent"))
                .body("actions[1].detail", containsString("no open swarm"));
        post(desk.lead(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"" + caseId + "\"}").then()
                .statusCode(200);
        post(desk.owner(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"" + caseId + "\"}").then()
                .statusCode(403);
        post(desk.admin(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"" + UUID.randomUUID() + "\"}")
                .then().statusCode(404);
        post(desk.admin(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"CS-000001\"}").then()
                .statusCode(400).body("errors.field", contains("caseId"));

        assertThat(desk.snapshot(caseId)).isEqualTo(before);
        assertThat(desk.owner().get("/cases/" + caseId + "/history").then().extract().<List<String>>path("eventId"))
                .isEqualTo(historyBefore);
    }

    @Test
    void rulesSettingEachOtherOffStopAtTheFiringLimit() {
        String product = "Loop " + suffix();
        String up = "up-" + suffix();
        String down = "down-" + suffix();
        for (String[] rule : new String[][] { { up, "low", "high" }, { down, "high", "low" } }) {
            put(desk.admin(), "/automation-rules/" + rule[0], """
                    {"name": "flip", "trigger": {"event": "case-updated"},
                     "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                    {"field": "priority", "op": "equals", "value": "%s"}],
                     "actions": [{"type": "set-priority", "priority": "%s"}]}""".formatted(product, rule[1], rule[2]))
                    .then().statusCode(201);
        }
        String caseId = openCase(product, "ana.lima", null);

        patch(desk.owner(), "/cases/" + caseId, "{\"priority\": \"low\"}").then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + caseId + "/history").then()
                .body("type", hasItem("automation-limit-reached")));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() -> {
            List<String> types = desk.owner().get("/cases/" + caseId + "/history").then().extract().path("type");
            assertThat(types).filteredOn("automation-rule-fired"::equals).hasSize(20);
            assertThat(types).filteredOn("automation-limit-reached"::equals).hasSize(1);
        });
        JsonPath history = desk.owner().get("/cases/" + caseId + "/history").then().extract().jsonPath();
        assertThat(history.getList("findAll { it.type == 'automation-rule-fired' }.data.ruleId"))
                .as("each rule fires on the other's change, never on its own").containsOnly(up, down);
        assertThat(history.getInt("find { it.type == 'automation-limit-reached' }.data.limit")).isEqualTo(20);
        assertThat(history.getString("find { it.type == 'automation-limit-reached' }.data.window")).isEqualTo("PT1H");
    }

    @Test
    void heldActionsRunWhenTheirApproverGrantsThemAndNeverWhenDenied() {
        String product = "Refunds " + suffix();
        String amount = desk.declareField("refund", "{\"type\": \"number\"}");
        String ruleId = "refund-" + suffix();
        put(desk.admin(), "/automation-rules/" + ruleId, """
                {"name": "Large refunds", "trigger": {"event": "case-updated"},
                 "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                {"field": "customFields.%s", "op": "greater-than", "value": 500}],
                 "actions": [{"type": "require-approval", "approverId": "lea.park", "reason": "refund over 500",
                              "actions": [{"type": "add-tags", "tags": ["refund-approved"]},
                                          {"type": "reply", "template": "Your refund on {{case.number}} is approved."}]}]}"""
                .formatted(product, amount)).then().statusCode(201);
        String granted = openCase(product, "ana.lima", null);
        String denied = openCase(product, "ana.lima", null);
        patch(desk.owner(), "/cases/" + granted, "{\"customFields\": {\"%s\": 900}}".formatted(amount)).then().statusCode(200);
        patch(desk.owner(), "/cases/" + denied, "{\"customFields\": {\"%s\": 800}}".formatted(amount)).then().statusCode(200);

        String grantedApproval = approvalOf(granted);
        String deniedApproval = approvalOf(denied);
        patch(desk.owner(), "/cases/" + granted, "{\"customFields\": {\"%s\": 950}}".formatted(amount)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + granted + "/history").then()
                .body("findAll { it.type == 'automation-rule-fired' }.size()", equalTo(2))
                .body("findAll { it.type == 'case-approval-requested' }.size()", equalTo(1))
                .body("findAll { it.type == 'automation-rule-fired' }[1].data.actions[0].result", equalTo("skipped")));
        desk.owner().get("/cases/" + granted + "/history").then()
                .body("find { it.type == 'case-notice-requested' }.data.personIds", contains("lea.park"))
                .body("find { it.type == 'case-notice-requested' }.data.text", containsString(grantedApproval));
        desk.lead().get("/approvals?state=pending&limit=200").then().statusCode(200)
                .body("items.approvalId", hasItem(grantedApproval)).body("items.approvalId", hasItem(deniedApproval));
        desk.owner().get("/approvals?state=pending").then().statusCode(200)
                .body("items.approvalId", not(hasItem(grantedApproval)));
        desk.admin().get("/approvals?state=pending&limit=200").then().statusCode(200)
                .body("items.approvalId", hasItem(grantedApproval));
        desk.owner().get("/approvals?state=maybe").then().statusCode(400).body("errors.field", contains("state"));
        for (RequestSpecification other : List.of(desk.owner(), desk.admin(), desk.as("raj.lead", "lead"))) {
            other.post("/approvals/" + grantedApproval + "/approve").then().statusCode(403);
        }
        desk.lead().post("/approvals/" + UUID.randomUUID() + "/approve").then().statusCode(404);
        desk.owner().get("/cases/" + granted).then().body("tags", not(hasItem("refund-approved")));

        desk.lead().post("/approvals/" + grantedApproval + "/approve").then().statusCode(200)
                .body("state", equalTo("granted")).body("decidedBy", equalTo("lea.park"));
        post(desk.lead(), "/approvals/" + deniedApproval + "/deny", "{\"reason\": \"not without a receipt\"}").then()
                .statusCode(200).body("state", equalTo("denied"));
        post(desk.lead(), "/approvals/" + grantedApproval + "/deny", "{}").then().statusCode(409);
        desk.lead().post("/approvals/" + deniedApproval + "/approve").then().statusCode(409);

        List<String> types = desk.owner().get("/cases/" + granted + "/history").then().extract().path("type");
        assertThat(types.subList(types.indexOf("case-approval-granted"), types.size()))
                .filteredOn(type -> !type.startsWith("case-sla")).containsExactly("case-approval-granted", "case-updated", "case-message-added");
        desk.owner().get("/cases/" + granted).then().body("tags", contains("refund-approved"));
        desk.owner().get("/cases/" + granted + "/history").then()
                .body("find { it.type == 'case-updated' && it.data.by != 'ana.lima' }.data.by",
                        equalTo("automation:" + ruleId))
                .body("find { it.type == 'case-approval-granted' }.data.actions.result", contains("done", "done"));
        desk.owner().get("/cases/" + denied + "/history").then()
                .body("type", hasItem("case-approval-denied")).body("type", not(hasItem("case-message-added")))
                .body("find { it.type == 'case-approval-denied' }.data.reason", equalTo("not without a receipt"));
        desk.owner().get("/cases/" + denied).then().body("tags", not(hasItem("refund-approved")));
        desk.lead().get("/approvals?state=pending&limit=200").then()
                .body("items.approvalId", not(hasItem(grantedApproval)));
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            publishedAsDocumented(reader, granted);
            publishedAsDocumented(reader, denied);
        }
    }

    @Test
    void theDefaultRulesShipEnabledAndAnAdminSwitchesThemOff() throws SQLException {
        String id = "close-resolved-after-7-days";
        desk.admin().get("/automation-rules/" + id).then().statusCode(200).body("enabled", equalTo(true))
                .body("trigger.after", equalTo("P7D")).body("actions[0].status", equalTo("closed"));
        String caseId = desk.openCase(Desk.newCustomer());
        post(desk.owner(), "/cases/" + caseId + "/resolve", "{\"summary\": \"Token renewed\"}").then().statusCode(200);
        Instant resolved = Instant.parse(desk.owner().get("/cases/" + caseId).then().extract().path("resolvedAt"));

        await().atMost(PATIENCE).until(() -> due(caseId, id).isPresent());
        assertThat(due(caseId, id).orElseThrow()).isBetween(resolved.plus(Duration.ofDays(7)),
                resolved.plus(Duration.ofDays(7)).plusSeconds(5));
        post(desk.admin(), "/automation-rules/" + id + "/dry-run", "{\"caseId\": \"" + caseId + "\"}").then()
                .statusCode(200).body("wouldFire", equalTo(true)).body("actions[0].detail", equalTo("status resolved → closed"));

        JsonPath rule = desk.admin().get("/automation-rules/" + id).then().extract().jsonPath();
        String off = "{\"name\": \"%s\", \"enabled\": false, \"trigger\": %s, \"conditions\": %s, \"actions\": %s}"
                .formatted(rule.getString("name"), json(rule.get("trigger")), json(rule.get("conditions")),
                        json(rule.get("actions")));
        put(desk.admin(), "/automation-rules/" + id, off).then().statusCode(200).body("enabled", equalTo(false));
        put(desk.admin(), "/automation-rules/" + id, off.replace("\"enabled\": false", "\"enabled\": true")).then()
                .statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void atAFirstResponseWarningTheDefaultsTellTheOwnerAndLeadsAndAskForASwarm() {
        String suffix = suffix();
        String product = "Sla Auto " + suffix;
        desk.everyHourCalendar("always-" + suffix);
        put(desk.admin(), "/sla-policies/auto-" + suffix, """
                {"name": "Auto", "rank": 1, "calendarId": "always-%s", "conditions": {"products": ["%s"]},
                 "targets": {"firstResponse": "PT1H"}}""".formatted(suffix, product)).then().statusCode(201);
        String group = "sla-auto-" + suffix;
        put(desk.admin(), "/groups/" + group, """
                {"name": "Sla", "memberIds": ["ana.lima"], "leadIds": ["lea.park"], "skills": ["sepa", "ledger"],
                 "products": ["%s"]}""".formatted(product)).then().statusCode(201);
        String ruleId = "at-risk-" + suffix;
        put(desk.admin(), "/automation-rules/" + ruleId, """
                {"name": "At risk", "enabled": false, "trigger": {"event": "case-sla-warning", "milestone": "first-response"},
                 "conditions": [{"field": "sla.first-response.state", "op": "equals", "value": "warning"},
                                {"field": "sla.policyId", "op": "equals", "value": "auto-%s"}],
                 "actions": [{"type": "add-tags", "tags": ["at-risk"]}]}""".formatted(suffix)).then().statusCode(201);
        String caseId = post(desk.lead(), "/cases", """
                {"subject": "Ledger is off", "description": "By a cent.", "product": "%s", "priority": "high",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "ownerId": "ana.lima", "groupId": "%s"}""".formatted(product, Desk.newCustomer(), group))
                .then().statusCode(201).extract().path("id");
        Instant opened = Instant.parse(desk.owner().get("/cases/" + caseId).then().extract().path("openedAt"));

        clock.set(opened.plus(Duration.ofMinutes(46)));
        poller.pollOnce();

        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + caseId + "/history").then()
                .body("type", hasItem("case-notice-requested")).body("type", hasItem("case-swarm-wanted")));
        JsonPath history = desk.owner().get("/cases/" + caseId + "/history").then().extract().jsonPath();
        assertThat(history.getList("findAll { it.type == 'automation-rule-fired' }.data.ruleId")).containsExactlyInAnyOrder(
                "first-response-at-risk", "swarm-high-priority-at-risk");
        assertThat(history.getList("find { it.type == 'case-notice-requested' }.data.personIds"))
                .containsExactly("ana.lima", "lea.park");
        assertThat(history.getString("find { it.type == 'case-notice-requested' }.data.subject")).endsWith(
                ": first response at risk");
        assertThat(history.getList("find { it.type == 'case-swarm-wanted' }.data.skills")).containsExactly("sepa", "ledger");
        assertThat(history.getString("find { it.type == 'case-swarm-wanted' }.data.ownerId")).isEqualTo("ana.lima");
        assertThat(history.getString("find { it.type == 'case-swarm-wanted' }.data.requestedBy"))
                .isEqualTo("automation:swarm-high-priority-at-risk");
        post(desk.admin(), "/automation-rules/" + ruleId + "/dry-run", "{\"caseId\": \"" + caseId + "\"}").then()
                .statusCode(200).body("conditions.actual", contains("warning", "auto-" + suffix))
                .body("wouldFire", equalTo(true));
        // A swarm is at work now: a rule posts in it.
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000001","ownerId":"ana.lima","question":"Why?",
                 "skills":["sepa"],"teamSize":3}""".formatted(swarmId, caseId));
        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + caseId).then()
                .body("swarms.size()", equalTo(1)));
        String postId = "post-" + suffix;
        put(desk.admin(), "/automation-rules/" + postId, """
                {"name": "Tell the swarm", "trigger": {"event": "case-updated"},
                 "conditions": [{"field": "product", "op": "equals", "value": "%s"},
                                {"field": "hasActiveSwarm", "op": "equals", "value": true}],
                 "actions": [{"type": "post-to-swarm", "text": "{{case.number}} is now {{case.priority}}"}]}"""
                .formatted(product)).then().statusCode(201);
        patch(desk.owner(), "/cases/" + caseId, "{\"priority\": \"urgent\"}").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> desk.owner().get("/cases/" + caseId + "/history").then()
                .body("find { it.type == 'case-swarm-post-wanted' }.data.text", endsWith("is now urgent"))
                .body("find { it.type == 'case-swarm-post-wanted' }.data.by", equalTo("automation:" + postId)));
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            publishedAsDocumented(reader, caseId);
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event of the case as published, read from the topic: each is held to its schema in
     * docs/asyncapi.yaml on the way (as is every other record read before it).
     */
    private void publishedAsDocumented(TopicReader reader, String caseId) {
        int count = desk.owner().get("/cases/" + caseId + "/history").then().extract().<List<?>>path("type").size();
        assertThat(reader.readForKey(caseId, count, PATIENCE)).hasSize(count);
    }

    /** The approval a case's rule asked for, once the rule has fired. */
    private String approvalOf(String caseId) {
        return await().atMost(PATIENCE).until(() -> desk.owner().get("/cases/" + caseId + "/history").then().extract()
                .<String>path("find { it.type == 'case-approval-requested' }.data.approvalId"), id -> id != null);
    }

    /** A case of {@code product} opened by a lead, with an owner and a group if given; answers its id. */
    private String openCase(String product, String ownerId, String groupId) {
        return post(desk.lead(), "/cases", """
                {"subject": "Payslips are wrong", "description": "Since the update.", "product": "%s",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"}%s%s}""".formatted(product,
                Desk.newCustomer(), ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"",
                groupId == null ? "" : ", \"groupId\": \"" + groupId + "\""))
                .then().statusCode(201).extract().path("id");
    }

    /** When the timed rule's deadline on the case is due; empty when it has none (fired, or never scheduled). */
    private Optional<Instant> due(String caseId, String ruleId) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select due_at from deadlines where kind = 'automation-rule' and aggregate_id = ? and key = ?")) {
            query.setString(1, caseId);
            query.setString(2, ruleId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
