package io.caseswarm.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.cases.report.ReportRebuild;
import io.caseswarm.cases.report.ReportingConsumer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.platform.deadline.DeadlinesConfig;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The reports of a known history, worked by the desk through the API at moments the test sets, figure by figure
 * against what was worked out by hand. Every case is of this test's own product, and every report asks for it, so
 * other tests' cases in the same database count nowhere here.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReportsTest extends DeskTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    SettableClock clock;

    @Inject
    DeadlinePoller poller;

    @Inject
    DeadlinesConfig deadlines;

    @Inject
    DataSource dataSource;

    private String product;
    private String policy;

    /** A policy of this test's own on a calendar where every hour counts: first response in 1 hour, resolution in 60. */
    @BeforeEach
    void aRoundTheClockPolicyForThisTestsProduct() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        product = "Report Product " + suffix;
        policy = "report-test-" + suffix;
        desk.everyHourCalendar("report-hours-" + suffix);
        Desk.put(desk.admin(), "/sla-policies/" + policy, """
                {"name": "Reports", "rank": 1, "calendarId": "report-hours-%s", "conditions": {"products": ["%s"]},
                 "targets": {"firstResponse": "PT1H", "nextResponse": "PT2H", "resolution": "PT60H"}, "warnAt": 0.75}"""
                .formatted(suffix, product)).then().statusCode(201);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /**
     * Four cases over a week. A: opened Monday 09:00, answered after 2 hours (late), resolved after a day. B: opened
     * at 10:00, answered after 30 minutes, resolved after 2 days, reopened, resolved again after 4 days in all (its
     * resolution late by then). C: opened Tuesday 12:00, nobody answers, its first response breaches. D: opened
     * Wednesday 23:30 UTC (Thursday in Rome), by phone, high priority, tagged vpn; its first response at risk.
     */
    @Test
    void aWeeksHistoryGivesTheFiguresWorkedOutByHand() {
        String a = at(MONDAY, () -> open("api", "normal", "ana.lima"));
        String b = at(MONDAY.plus(Duration.ofHours(1)), () -> open("api", "normal", "ana.lima"));
        doAt(MONDAY.plus(Duration.ofMinutes(90)), () -> reply(b));
        doAt(MONDAY.plus(Duration.ofHours(2)), () -> reply(a));
        doAt(MONDAY.plus(Duration.ofDays(1)), () -> resolve(a));
        String c = at(MONDAY.plus(Duration.ofHours(27)), () -> open("api", "normal", null));
        doAt(MONDAY.plus(Duration.ofMinutes(28 * 60 + 30)), this::fireDue); // C's first response warned and breached
        doAt(MONDAY.plus(Duration.ofHours(49)), () -> resolve(b));
        String d = at(MONDAY.plus(Duration.ofMinutes(62 * 60 + 30)), () -> {
            String id = open("phone", "high", "ana.lima");
            Desk.patch(desk.owner(), "/cases/" + id, "{\"tags\": [\"vpn\"]}").then().statusCode(200);
            return id;
        });
        doAt(MONDAY.plus(Duration.ofMinutes(63 * 60 + 20)), this::fireDue); // D's first response warned only
        doAt(MONDAY.plus(Duration.ofHours(73)), () -> Desk.post(desk.lead(), "/cases/" + b + "/reopen",
                "{\"reason\": \"The sync stopped again\"}").then().statusCode(200));
        doAt(MONDAY.plus(Duration.ofHours(97)), () -> resolve(b));
        clock.set(MONDAY.plus(Duration.ofHours(99))); // Friday 2026-03-06 12:00

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> period("from=2026-03-02&to=2026-03-06")
                .body("total.resolved", equalTo(3)));
        String nowReport = nowAsString();
        String periodReport = period("from=2026-03-02&to=2026-03-06").extract().asString();

        now().body("unresolved", equalTo(2)).body("unassigned", equalTo(1))
                .body("byStatus.value", contains("new", "open")).body("byStatus.cases", contains(1, 1))
                .body("byPriority.value", contains("high", "normal"))
                .body("byChannel.value", contains("api", "phone"))
                .body("byOwner.value", contains(nullValue(), equalTo("ana.lima")))
                .body("byProduct.value", contains(product)).body("byProduct.cases", contains(2))
                .body("oldestWaiting.caseId", contains(c, d))
                .body("oldestWaiting.waitingSince", contains("2026-03-03T12:00:00Z", "2026-03-04T23:30:00Z"))
                .body("oldestWaiting.waitingSeconds", contains(72 * 3600, 36 * 3600 + 1800))
                .body("slaBreached.milestones", equalTo(1))
                .body("slaBreached.cases.caseId", contains(c))
                .body("slaBreached.cases.milestone", contains("first-response"))
                .body("slaBreached.cases.dueAt", contains("2026-03-03T13:00:00Z"))
                .body("slaAtRisk.milestones", equalTo(1))
                .body("slaAtRisk.cases.caseId", contains(d))
                .body("slaAtRisk.cases.policyId", contains(policy))
                .body("slaAtRisk.cases.dueAt", contains("2026-03-05T00:30:00Z"));

        // Prometheus reads the same model: C's breach and D's risk are among the desk's, D among its high cases.
        String scrape = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(PrometheusText.sum(scrape, "caseswarm_report_sla_breached", "milestone=\"first-response\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(PrometheusText.sum(scrape, "caseswarm_report_sla_at_risk", "milestone=\"first-response\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(PrometheusText.sum(scrape, "caseswarm_report_cases_unresolved", "priority=\"high\""))
                .isGreaterThanOrEqualTo(1);

        ValidatableResponse week = period("from=2026-03-02&to=2026-03-06")
                .body("from", equalTo("2026-03-02")).body("to", equalTo("2026-03-06"))
                .body("bucket", equalTo("day")).body("timeZone", equalTo("UTC"))
                .body("buckets.start", contains("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"))
                .body("buckets.figures.opened", contains(2, 1, 1, 0, 0))
                .body("buckets.figures.resolved", contains(0, 1, 1, 0, 1))
                .body("buckets.figures.reopened", contains(0, 0, 0, 1, 0))
                .body("buckets.figures.closed", contains(0, 0, 0, 0, 0))
                .body("buckets.figures.backlog", contains(2, 2, 2, 3, 2))
                .body("buckets[0].figures.firstResponseSeconds.count", equalTo(2))
                .body("buckets[0].figures.firstResponseSeconds.median", equalTo(4500.0f))
                .body("buckets[0].figures.firstResponseSeconds.p90", equalTo(6660.0f))
                .body("buckets[1].figures.resolutionSeconds.median", equalTo(86400.0f))
                .body("buckets[1].figures.daysToClose.count", equalTo(1))
                .body("buckets[1].figures.daysToClose.median", equalTo(1.0f))
                // B's first resolution: it was reopened after it, so it is no case's close.
                .body("buckets[2].figures.resolutionSeconds.median", equalTo(172800.0f))
                .body("buckets[2].figures.daysToClose.count", equalTo(0))
                .body("buckets[2].figures.daysToClose.median", nullValue())
                .body("buckets[4].figures.daysToClose.median", equalTo(4.0f));
        week.body("total.opened", equalTo(4)).body("total.resolved", equalTo(3)).body("total.reopened", equalTo(1))
                .body("total.backlog", equalTo(2))
                .body("total.firstResponseSeconds.count", equalTo(2))
                .body("total.firstResponseSeconds.median", equalTo(4500.0f))
                .body("total.resolutionSeconds.count", equalTo(3))
                .body("total.resolutionSeconds.median", equalTo(172800.0f))
                .body("total.resolutionSeconds.p90", equalTo(311040.0f))
                .body("total.daysToClose.count", equalTo(2))
                .body("total.daysToClose.median", equalTo(2.5f))
                .body("total.daysToClose.p90", equalTo(3.7f))
                .body("openedByChannel.value", contains("api", "phone")).body("openedByChannel.cases", contains(3, 1))
                .body("topProducts.value", contains(product)).body("topProducts.cases", contains(4))
                .body("topTags.value", contains("vpn")).body("topTags.cases", contains(1))
                // First responses: A late, B in time, C breached. Resolutions: A in time, B late after its reopening.
                .body("sla.milestone", contains("first-response", "resolution"))
                .body("sla.policyId", contains(policy, policy))
                .body("sla.due", contains(3, 2)).body("sla.metInTime", contains(1, 1))
                .body("sla.metInTimePercent", contains(33.3f, 50.0f));

        // In Rome (UTC+1), D was opened on Thursday; the backlog before Wednesday is A, B and C less A's resolution.
        period("from=2026-03-04&to=2026-03-05&timeZone=Europe/Rome")
                .body("buckets.figures.opened", contains(0, 1)).body("buckets.figures.resolved", contains(1, 0))
                .body("buckets.figures.reopened", contains(0, 1)).body("buckets.figures.backlog", contains(1, 3));
        // Weeks start on Monday: the first and last are cut to the period.
        period("from=2026-03-01&to=2026-03-10&bucket=week")
                .body("buckets.start", contains("2026-03-01", "2026-03-02", "2026-03-09"))
                .body("buckets.end", contains("2026-03-01", "2026-03-08", "2026-03-10"))
                .body("buckets.figures.opened", contains(0, 4, 0)).body("buckets.figures.backlog", contains(0, 2, 2));
        // Filters narrow every figure: D alone is high.
        period("from=2026-03-02&to=2026-03-06&priority=high").body("total.opened", equalTo(1))
                .body("total.backlog", equalTo(1)).body("total.firstResponseSeconds.count", equalTo(0));

        replayTheCaseEvents(List.of(a, b, c, d));
        assertThat(nowAsString()).isEqualTo(nowReport);
        assertThat(period("from=2026-03-02&to=2026-03-06").extract().asString()).isEqualTo(periodReport);

        // The model loses these cases' history (as a botched migration might); rebuilt from the topics' beginning
        // into an empty model, the reports are the same again.
        forgetInTheReports(List.of(a, b, c, d));
        assertThat(period("from=2026-03-02&to=2026-03-06").extract().asString()).isNotEqualTo(periodReport);
        desk.lead().post("/admin/projections/reports/rebuild").then().statusCode(403);
        desk.lead().get("/admin/projections/reports/rebuild").then().statusCode(403);
        assertThat(desk.rebuildReports().getLong("eventsReplayed")).isGreaterThan(30);
        assertThat(nowAsString()).isEqualTo(nowReport);
        assertThat(period("from=2026-03-02&to=2026-03-06").extract().asString()).isEqualTo(periodReport);
    }

    /**
     * A case on an office calendar (weekdays 09:00–17:00 UTC), opened Friday 16:00, answered Monday 10:00 and
     * resolved Tuesday 13:00: 66 hours to its first answer, of which 2 were working hours; 3.875 days to close, of
     * which 13 working hours, 1.625 working days of 8 hours. A second case stays open: the desk of now counts it by
     * the pod that covers its product, once a pod does, and by none again once the pod gives the product up.
     */
    @Test
    void businessTimeCountsOnlyTheWorkingHoursOfTheCasesCalendarAndPodsCountTheirProducts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        product = "Office Product " + suffix;
        String day = "[{\"start\": \"09:00\", \"end\": \"17:00\"}]";
        Desk.put(desk.admin(), "/calendars/office-" + suffix, """
                {"name": "Office", "timeZone": "UTC", "hours": {"monday": %1$s, "tuesday": %1$s,
                 "wednesday": %1$s, "thursday": %1$s, "friday": %1$s}}""".formatted(day)).then().statusCode(201);
        Desk.put(desk.admin(), "/sla-policies/office-" + suffix, """
                {"name": "Office", "rank": 1, "calendarId": "office-%s", "conditions": {"products": ["%s"]},
                 "targets": {"firstResponse": "PT40H", "resolution": "PT80H"}}""".formatted(suffix, product))
                .then().statusCode(201);
        Instant friday = Instant.parse("2026-03-06T16:00:00Z");
        String answered = at(friday, () -> open("email", "normal", "ana.lima"));
        at(friday, () -> open("web", "low", "ana.lima"));
        doAt(Instant.parse("2026-03-09T10:00:00Z"), () -> reply(answered));
        doAt(Instant.parse("2026-03-10T13:00:00Z"), () -> resolve(answered));

        String query = "from=2026-03-06&to=2026-03-10";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> period(query).body("total.resolved", equalTo(1)));
        period(query)
                .body("buckets[3].figures.firstResponseSeconds.median", equalTo(237600.0f))
                .body("buckets[3].figures.businessFirstResponseSeconds.count", equalTo(1))
                .body("buckets[3].figures.businessFirstResponseSeconds.median", equalTo(7200.0f))
                .body("buckets[4].figures.resolutionSeconds.median", equalTo(334800.0f))
                .body("buckets[4].figures.businessResolutionSeconds.median", equalTo(46800.0f))
                .body("total.daysToClose.median", equalTo(3.875f))
                .body("total.businessDaysToClose.count", equalTo(1))
                .body("total.businessDaysToClose.median", equalTo(1.625f))
                .body("total.businessDaysToClose.p90", equalTo(1.625f));
        assertThat(desk.lead().accept("text/csv").queryParam("product", product).get("/reports/period?" + query)
                .then().statusCode(200).extract().asString().split("\r\n")).contains(
                        "total,2026-03-06,2026-03-10,2,1,0,0,1,1,237600.0,237600.0,1,334800.0,334800.0,1,3.875,3.875,"
                                + "1,7200.0,7200.0,1,46800.0,46800.0,1,1.625,1.625");

        now().body("byPod.value", contains(nullValue())).body("byPod.cases", contains(1));
        String pod = "office-pod-" + suffix;
        try (EventSender events = new EventSender(bootstrapServers)) {
            events.send("expert-events", pod, "pod-defined", """
                    {"podId": "%s", "name": "Office", "products": ["%s", "Other"], "skills": [], "members": [],
                     "leads": [], "definedBy": "ola.admin", "definedAt": "2026-03-10T13:00:00Z"}"""
                    .formatted(pod, product.toUpperCase(java.util.Locale.ROOT)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> now().body("byPod.value", contains(pod))
                    .body("byPod.cases", contains(1)));
            String podsNow = nowAsString();
            String businessNow = period(query).extract().asString();

            // A rebuild gives the same: the business time, and the pod of the case's product.
            assertThat(desk.rebuildReports().getLong("eventsReplayed")).isGreaterThan(10);
            assertThat(nowAsString()).isEqualTo(podsNow);
            assertThat(period(query).extract().asString()).isEqualTo(businessNow);

            events.send("expert-events", pod, "pod-defined", """
                    {"podId": "%s", "name": "Office", "products": ["Other"], "skills": [], "members": [],
                     "leads": [], "definedBy": "ola.admin", "definedAt": "2026-03-10T14:00:00Z"}""".formatted(pod));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> now().body("byPod.value",
                    contains(nullValue())));
        }
    }

    /**
     * A rebuild waits for the reports' consumers in flight (here, a transaction holding the reports' lock as one
     * does), runs in the background meanwhile, and a second one is refused until it ends; what happened meanwhile
     * counts once when it has.
     */
    @Test
    void aSecondRebuildIsRefusedWhileOneRuns() throws SQLException {
        String path = "/admin/projections/reports/rebuild";
        open("api", "normal", "ana.lima"); // something to replay, whichever test ran before
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> now().body("unresolved", equalTo(1)));
        try (Connection inFlight = dataSource.getConnection()) {
            inFlight.setAutoCommit(false);
            try (PreparedStatement hold = inFlight.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
                hold.setLong(1, ReportRebuild.LOCK);
                hold.execute();
            }
            desk.admin().post(path).then().statusCode(202).body("state", equalTo("running"))
                    .body("eventsReplayed", equalTo(0));
            desk.admin().post(path).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("running already"));
            desk.admin().get(path).then().statusCode(200).body("state", equalTo("running"))
                    .body("finishedAt", nullValue());
            // A case opened meanwhile: the reports' consumers wait for the rebuild, which may or may not reach it.
            open("web", "high", null);
            inFlight.rollback();
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> desk.admin().get(path).then().statusCode(200)
                .body("state", equalTo("done")).body("eventsReplayed", org.hamcrest.Matchers.greaterThan(0)));
        // Either way it counts once, as does the case before.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> now().body("unresolved", equalTo(2))
                .body("unassigned", equalTo(1)).body("byPriority.value", contains("high", "normal")));
        desk.owner().get(path).then().statusCode(403);
        desk.owner().post(path).then().statusCode(403);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
        io.restassured.RestAssured.given().post(path).then().statusCode(401);
    }

    @Test
    void aSpreadsheetGetsTheSameFiguresAsCsv() {
        String a = at(MONDAY, () -> open("api", "normal", "ana.lima"));
        doAt(MONDAY.plus(Duration.ofHours(2)), () -> reply(a));
        doAt(MONDAY.plus(Duration.ofDays(1)), () -> resolve(a));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> period("from=2026-03-02&to=2026-03-03")
                .body("total.resolved", equalTo(1)));

        String csv = desk.lead().accept("text/csv").queryParam("product", product)
                .get("/reports/period?from=2026-03-02&to=2026-03-03").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "bucket,first_day,last_day,opened,resolved,reopened,closed,backlog,first_responses,"
                        + "first_response_median_seconds,first_response_p90_seconds,resolutions,resolution_median_seconds,"
                        + "resolution_p90_seconds,closed_for_good,days_to_close_median,days_to_close_p90,"
                        + "business_first_responses,business_first_response_median_seconds,"
                        + "business_first_response_p90_seconds,business_resolutions,business_resolution_median_seconds,"
                        + "business_resolution_p90_seconds,business_closed_for_good,business_days_to_close_median,"
                        + "business_days_to_close_p90",
                // On a calendar where every hour counts, business time is calendar time, and a working day a day.
                "day,2026-03-02,2026-03-02,1,0,0,0,1,1,7200.0,7200.0,0,,,0,,,1,7200.0,7200.0,0,,,0,,",
                "day,2026-03-03,2026-03-03,0,1,0,0,0,0,,,1,86400.0,86400.0,1,1.0,1.0,0,,,1,86400.0,86400.0,1,1.0,1.0",
                "total,2026-03-02,2026-03-03,1,1,0,0,0,1,7200.0,7200.0,1,86400.0,86400.0,1,1.0,1.0,"
                        + "1,7200.0,7200.0,1,86400.0,86400.0,1,1.0,1.0");
        clock.set(MONDAY.plus(Duration.ofDays(2)));
        String now = desk.lead().accept("text/csv").queryParam("product", product).get("/reports/now").then()
                .statusCode(200).extract().asString();
        assertThat(now).startsWith("section,value,cases\r\nunresolved,,0\r\nunassigned,,0\r\n")
                .contains("sla-at-risk,,0\r\nsla-breached,,0\r\n");
    }

    /** Without parameters: the last 30 days up to today, by day, in UTC. */
    @Test
    void aReportWithoutParametersCoversTheLastThirtyDaysByDayInUtc() {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        desk.as("bi.tool", "integration").get("/reports/period").then().statusCode(200)
                .body("from", equalTo("2026-11-02")).body("to", equalTo("2026-12-01"))
                .body("bucket", equalTo("day")).body("timeZone", equalTo("UTC")).body("buckets.size()", equalTo(30));
        desk.admin().get("/reports/now").then().statusCode(200).body("asOf", equalTo("2026-12-01T10:00:00Z"));
    }

    @Test
    void onlyLeadsAdminsAndOtherSystemsReadTheReports() {
        for (String path : List.of("/reports/now", "/reports/period")) {
            desk.owner().get(path).then().statusCode(403);
            desk.as("raj.patel", "expert").get(path).then().statusCode(403);
            desk.as("cust-1", "customer").get(path).then().statusCode(403);
            io.restassured.RestAssured.given().get(path).then().statusCode(401);
            desk.lead().get(path).then().statusCode(200);
        }
    }

    @Test
    void badParametersAreRefusedByName() {
        Map<String, String> refused = Map.of(
                "bucket=hour", "bucket",
                "timeZone=Mars/Olympus_Mons", "timeZone",
                "from=2026-13-01", "from",
                "to=yesterday", "to",
                "from=2026-03-10&to=2026-03-01", "from",
                "from=2025-01-01&to=2026-03-01", "bucket",
                "priority=extreme", "priority",
                "channel=fax", "channel",
                "group=../../etc", "group",
                "product=" + "p".repeat(101), "product");
        refused.forEach((query, field) -> desk.lead().get("/reports/period?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains(field)));
        // A product is a value, never SQL: this one simply names no case.
        desk.lead().queryParam("product", "x' or '1'='1").get("/reports/now").then().statusCode(200)
                .body("unresolved", equalTo(0));
        desk.lead().get("/reports/period?from=2025-01-01&to=2026-03-01&bucket=week").then().statusCode(200);
    }

    private void forgetInTheReports(List<String> caseIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(
                        "delete from report_happening where case_id = any(?::uuid[]) and kind <> 'opened'")) {
            forget.setArray(1, connection.createArrayOf("text", caseIds.toArray()));
            assertThat(forget.executeUpdate()).isGreaterThan(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidatableResponse now() {
        return desk.lead().queryParam("product", product).get("/reports/now").then().statusCode(200);
    }

    private String nowAsString() {
        return now().extract().asString();
    }

    private ValidatableResponse period(String query) {
        return desk.lead().queryParam("product", product).get("/reports/period?" + query).then().statusCode(200);
    }

    private <T> T at(Instant moment, java.util.function.Supplier<T> work) {
        clock.set(moment);
        return work.get();
    }

    private void doAt(Instant moment, Runnable work) {
        clock.set(moment);
        work.run();
    }

    private String open(String channel, String priority, String ownerId) {
        String owner = ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"";
        return Desk.post(desk.lead(), "/cases", """
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "channel": "%s", "priority": "%s", "product": "%s"%s}"""
                .formatted(Desk.newCustomer(), channel, priority, product, owner)).then().statusCode(201)
                .extract().path("id");
    }

    private void reply(String caseId) {
        Desk.post(desk.owner(), "/cases/" + caseId + "/messages",
                "{\"body\": \"We are looking into it.\", \"visibility\": \"public\"}").then().statusCode(201);
    }

    private void resolve(String caseId) {
        Desk.post(desk.owner(), "/cases/" + caseId + "/resolve", "{\"summary\": \"Renewed the sync token\"}")
                .then().statusCode(200);
    }

    private void fireDue() {
        Desk.fireDue(clock, poller, deadlines);
    }

    /**
     * Sends every event of the cases to case-events again, as a broker redelivers them, and waits until the reports'
     * consumer group has read past them: each was applied once already, so nothing may change.
     */
    private void replayTheCaseEvents(List<String> caseIds) {
        Set<String> keys = Set.copyOf(caseIds);
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events");
                EventSender sender = new EventSender(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(read -> read.stream()
                    .filter(record -> keys.contains(record.key())).map(ConsumerRecord::key).distinct().count() == keys.size(),
                    Duration.ofSeconds(30)).stream().filter(record -> keys.contains(record.key())).toList();
            assertThat(records).hasSizeGreaterThan(10);
            records.forEach(record -> sender.sendRaw(new ProducerRecord<>(record.topic(), null, record.key(),
                    record.value(), record.headers())));
        }
        await().atMost(Duration.ofSeconds(60)).until(this::reportsHaveReadTheWholeTopic);
    }

    private boolean reportsHaveReadTheWholeTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ReportingConsumer.CONSUMER)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .filter(partition -> partition.topic().equals("case-events"))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return !latest.isEmpty() && admin.listOffsets(latest).all().get().entrySet().stream()
                    .allMatch(end -> committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }
}
