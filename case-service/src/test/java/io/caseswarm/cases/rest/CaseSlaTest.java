package io.caseswarm.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.platform.deadline.DeadlinesConfig;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A case's SLA as the desk lives it: the policy that covers it is recorded on opening, its milestones warn
 * and breach on time (the clock moved, not waited for), a reply meets them, waiting on the customer pauses
 * them, and a policy changed later leaves running cases as they started.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseSlaTest extends DeskTest {

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller poller;

    @Inject
    DeadlinesConfig deadlines;

    private String product;
    private String policy;

    /** A policy of this test's own, on a calendar where every hour counts, so the figures do not depend on when the test runs. */
    @BeforeEach
    void aRoundTheClockPolicyForThisTestsProduct() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        product = "Sla Product " + suffix;
        policy = "sla-test-" + suffix;
        desk.everyHourCalendar("all-hours-" + suffix);
        putPolicy(suffix, "PT1H");
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aFirstResponseWarnsThenBreachesOnceEachAndALateReplyMeetsItLate() {
        String id = openCase();
        Instant opened = openedAt(id);
        JsonPath applied = event(id, "case-sla-applied");
        assertThat(applied.getString("data.terms.policyId")).isEqualTo(policy);
        assertThat(applied.getInt("data.terms.policyVersion")).isEqualTo(1);
        assertThat(applied.getString("data.terms.firstResponse")).isEqualTo("PT1H");
        assertThat(milestone(id, "first-response")).containsEntry("state", "running")
                .containsEntry("dueAt", opened.plus(Duration.ofHours(1)).toString());
        assertThat(milestone(id, "resolution")).containsEntry("dueAt", opened.plus(Duration.ofHours(8)).toString());

        clock.set(opened.plus(Duration.ofMinutes(44)));
        poller.pollOnce();
        assertThat(events(id, "case-sla-warning")).isEmpty();

        clock.set(opened.plus(Duration.ofMinutes(46)));
        poller.pollOnce();
        poller.pollOnce();
        assertThat(events(id, "case-sla-warning")).hasSize(1);
        assertThat(event(id, "case-sla-warning").getString("data.milestone")).isEqualTo("first-response");
        assertThat(milestone(id, "first-response")).containsEntry("state", "warning").containsEntry("remaining", "PT14M");

        clock.set(opened.plus(Duration.ofMinutes(61)));
        fireDue();
        assertThat(events(id, "case-sla-breached")).hasSize(1);
        assertThat(milestone(id, "first-response")).containsEntry("state", "breached").containsEntry("remaining", "PT0S");
        assertThat(milestone(id, "resolution")).containsEntry("state", "running");

        Desk.post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"Looking into it now.\", \"visibility\": \"public\"}")
                .then().statusCode(201);
        JsonPath met = event(id, "case-sla-met");
        assertThat(met.getString("data.milestone")).isEqualTo("first-response");
        assertThat(met.getBoolean("data.inTime")).isFalse();
        assertThat(met.getString("data.metAt")).isEqualTo(opened.plus(Duration.ofMinutes(61)).toString());
        assertThat(milestone(id, "first-response")).containsEntry("state", "met-late");
    }

    @Test
    void aReplyInTimeMeetsTheFirstResponseAndItsDeadlinesNeverFire() {
        String id = openCase();
        Instant opened = openedAt(id);
        Desk.post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"On it.\", \"visibility\": \"internal\"}")
                .then().statusCode(201);
        assertThat(events(id, "case-sla-met")).as("an internal note answers nobody").isEmpty();
        Desk.post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"Fixed the sync.\", \"visibility\": \"public\"}")
                .then().statusCode(201);
        assertThat(event(id, "case-sla-met").getBoolean("data.inTime")).isTrue();

        clock.set(opened.plus(Duration.ofHours(2)));
        poller.pollOnce();
        assertThat(events(id, "case-sla-warning")).isEmpty();
        assertThat(events(id, "case-sla-breached")).isEmpty();
        assertThat(milestone(id, "first-response")).containsEntry("state", "met");
    }

    @Test
    void waitingOnTheCustomerPausesTheClockAndNothingFiresMeanwhile() {
        String id = openCase();
        Instant opened = openedAt(id);
        Desk.post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"pending\"}").then().statusCode(200);

        clock.set(opened.plus(Duration.ofHours(3)));
        poller.pollOnce();
        assertThat(events(id, "case-sla-warning")).isEmpty();
        assertThat(events(id, "case-sla-breached")).isEmpty();
        Map<String, Object> paused = milestone(id, "first-response");
        assertThat(paused).containsEntry("state", "paused").doesNotContainKey("dueAt");
        assertThat(Duration.parse((String) paused.get("remaining"))).isBetween(Duration.ofMinutes(58), Duration.ofHours(1));

        clock.reset();
        Desk.post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"open\"}").then().statusCode(200);
        Instant resumed = Instant.now();
        Instant due = Instant.parse((String) milestone(id, "first-response").get("dueAt"));
        assertThat(due).as("due an hour after the time it resumed, less what it used before the pause")
                .isBetween(resumed.plus(Duration.ofMinutes(58)), resumed.plus(Duration.ofHours(1)));
    }

    @Test
    void aChangedPolicyAppliesToNewCasesWhileRunningOnesKeepTheTermsTheyStartedWith() {
        String before = openCase();
        putPolicy(policy.substring("sla-test-".length()), "PT2H");
        String after = openCase();

        assertThat(event(before, "case-sla-applied").getInt("data.terms.policyVersion")).isEqualTo(1);
        assertThat(milestone(before, "first-response").get("dueAt"))
                .isEqualTo(openedAt(before).plus(Duration.ofHours(1)).toString());
        assertThat(event(after, "case-sla-applied").getInt("data.terms.policyVersion")).isEqualTo(2);
        assertThat(milestone(after, "first-response").get("dueAt"))
                .isEqualTo(openedAt(after).plus(Duration.ofHours(2)).toString());
    }

    @Test
    void theCustomerSeesNeitherTheSlaNorItsEvents() {
        String customer = Desk.newCustomer();
        String id = desk.as(customer, "customer").contentType(ContentType.JSON).body("""
                {"subject": "Login loops", "description": "The login page reloads.", "product": "%s",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "%s@example.com"}}"""
                .formatted(product, customer, customer)).post("/cases").then().statusCode(201).extract().path("id");
        desk.owner().get("/cases/" + id).then().statusCode(200).body("sla.size()", equalTo(2));
        desk.as(customer, "customer").get("/cases/" + id).then().statusCode(200).body("sla", nullValue());
        desk.as(customer, "customer").get("/cases/" + id + "/history").then().statusCode(200)
                .body("findAll { it.type.startsWith('case-sla') }.size()", equalTo(0));
    }

    private void fireDue() {
        Desk.fireDue(clock, poller, deadlines);
    }

    private void putPolicy(String suffix, String firstResponse) {
        Desk.put(desk.admin(), "/sla-policies/" + policy, """
                {"name": "Round the clock", "rank": 1, "calendarId": "all-hours-%s",
                 "conditions": {"products": ["%s"]},
                 "targets": {"firstResponse": "%s", "nextResponse": "PT2H", "resolution": "PT8H"}, "warnAt": 0.75}"""
                .formatted(suffix, product, firstResponse)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private String openCase() {
        return Desk.post(desk.lead(), "/cases", """
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "ownerId": "ana.lima", "priority": "urgent", "product": "%s"}"""
                .formatted(Desk.newCustomer(), product)).then().statusCode(201).extract().path("id");
    }

    private Instant openedAt(String id) {
        return Instant.parse(desk.owner().get("/cases/" + id).then().extract().path("openedAt"));
    }

    private Map<String, Object> milestone(String id, String milestone) {
        List<Map<String, Object>> sla = desk.owner().get("/cases/" + id).then().statusCode(200).extract().path("sla");
        return sla.stream().filter(entry -> milestone.equals(entry.get("milestone"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> events(String id, String type) {
        return desk.owner().get("/cases/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == '" + type + "' }");
    }

    private JsonPath event(String id, String type) {
        List<Map<String, Object>> found = events(id, type);
        assertThat(found).as(type).hasSize(1);
        return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found.getFirst()).toString());
    }
}
