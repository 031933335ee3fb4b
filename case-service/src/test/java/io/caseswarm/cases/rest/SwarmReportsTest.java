package io.caseswarm.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The swarm report of a known week: swarms and their people from swarm-service's and the expert finder's events (sent
 * here as those services publish them, the expert finder's sometimes first), and cases worked through the API at
 * moments the test sets, each figure against what was worked out by hand.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmReportsTest extends DeskTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    SettableClock clock;

    EventSender events;

    private String product;

    @BeforeEach
    void aProductOfThisTestsOwn() {
        product = "Swarm Report Product " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /**
     * Normal priority: two swarmed cases closed in 2 and 1 days, two not swarmed in 3 and 4. High: swarmed in 1.5 and
     * 2, not swarmed in 2.5 and 3.5. Low: one case, not swarmed, nothing to compare it with.
     */
    @Test
    void aWeekOfSwarmsGivesTheFiguresWorkedOutByHand() {
        String s1 = caseClosedAfter("normal", Duration.ofDays(2));
        String s2 = caseClosedAfter("normal", Duration.ofDays(1));
        caseClosedAfter("normal", Duration.ofDays(3));
        caseClosedAfter("normal", Duration.ofDays(4));
        String s3 = caseClosedAfter("high", Duration.ofHours(36));
        String s4 = caseClosedAfter("high", Duration.ofDays(2));
        caseClosedAfter("high", Duration.ofHours(60));
        caseClosedAfter("high", Duration.ofHours(84));
        caseClosedAfter("low", Duration.ofDays(1));

        String before = scrape();
        for (String person : new String[] { "raj", "mia", "lee", "tom", "zoe" }) {
            events.send("expert-events", person, "expert-registered",
                    "{\"personId\": \"%s\", \"registeredAt\": \"2026-01-05T09:00:00Z\"}".formatted(person));
        }
        // W1, pod billing: raj and lee join (the first after 20 minutes), mia (from another pod) declines.
        String w1 = swarm(s1, "billing", "2026-03-02T10:00:00Z");
        invited(w1, s1, "raj", false, "2026-03-02T10:05:00Z");
        invited(w1, s1, "mia", true, "2026-03-02T10:05:00Z");
        invited(w1, s1, "lee", false, "2026-03-02T10:05:00Z");
        member(w1, s1, "swarm-member-joined", "raj", "joinedAt", "2026-03-02T10:20:00Z");
        member(w1, s1, "swarm-member-declined", "mia", "declinedAt", "2026-03-02T10:30:00Z");
        member(w1, s1, "swarm-member-joined", "lee", "joinedAt", "2026-03-02T10:40:00Z");
        // W2, pod billing: tom from another pod joins after 6 minutes (the expert finder's word on him comes first);
        // raj lets his invitation expire.
        String w2 = swarm(s2, "billing", "2026-03-02T11:00:00Z");
        expertInvited(w2, s2, "tom", true, "2026-03-02T11:01:00Z");
        member(w2, s2, "swarm-member-invited", "tom", "invitedAt", "2026-03-02T11:01:00Z");
        invited(w2, s2, "raj", false, "2026-03-02T11:01:00Z");
        member(w2, s2, "swarm-member-joined", "tom", "joinedAt", "2026-03-02T11:06:00Z");
        member(w2, s2, "swarm-member-expired", "raj", "expiredAt", "2026-03-02T12:01:00Z");
        // W3, no pod: the owner adds ana.lima (not in the directory) by name; nobody joins by invitation.
        String w3 = swarm(s3, null, "2026-03-02T12:00:00Z");
        member(w3, s3, "swarm-member-added", "ana.lima", "addedAt", "2026-03-02T12:00:00Z");
        // W4, pod network, on Tuesday: raj joins after an hour.
        String w4 = swarm(s4, "network", "2026-03-03T12:00:00Z");
        invited(w4, s4, "raj", false, "2026-03-03T12:01:00Z");
        member(w4, s4, "swarm-member-joined", "raj", "joinedAt", "2026-03-03T13:00:00Z");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> report("").body("total.requested", equalTo(4))
                .body("total.joined", equalTo(5)).body("total.expired", equalTo(1))
                .body("total.crossPodJoined", equalTo(1)).body("load.experts", equalTo(6)));

        ValidatableResponse report = report("")
                .body("buckets.start", contains("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"))
                .body("buckets.requested", contains(3, 1, 0, 0, 0))
                .body("buckets[0].firstJoinSeconds.count", equalTo(2))
                .body("buckets[0].firstJoinSeconds.median", equalTo(780.0f))
                .body("buckets[0].firstJoinSeconds.p90", equalTo(1116.0f))
                .body("buckets[1].firstJoinSeconds.median", equalTo(3600.0f))
                .body("total.firstJoinSeconds.count", equalTo(3))
                .body("total.firstJoinSeconds.median", equalTo(1200.0f))
                .body("total.firstJoinSeconds.p90", equalTo(3120.0f))
                .body("total.teamSize.count", equalTo(4))
                .body("total.teamSize.median", equalTo(1.0f)).body("total.teamSize.p90", equalTo(1.7f))
                .body("total.invited", equalTo(6)).body("total.declined", equalTo(1))
                .body("total.declineRate", equalTo(0.167f)).body("total.expiryRate", equalTo(0.167f))
                .body("total.crossPodShare", equalTo(0.2f))
                .body("load.joins", equalTo(5))
                .body("load.busiest.value", contains("raj", "ana.lima", "lee", "tom"))
                .body("load.busiest.cases", contains(2, 1, 1, 1));
        JsonPath figures = report.extract().jsonPath();
        // Loads 2, 1, 1, 1, 0, 0 (mia and zoe joined nothing).
        assertThat(figures.getDouble("load.gini")).isCloseTo(0.4333333, within(1e-6));
        assertThat(figures.getLong("daysToClose.swarmedCases")).isEqualTo(4);
        assertThat(figures.getLong("daysToClose.comparableCases")).isEqualTo(4);
        assertThat(figures.getLong("daysToClose.leftOut")).isEqualTo(1);
        assertThat(figures.getDouble("daysToClose.swarmedMeanDays")).isCloseTo(1.625, within(1e-9));
        assertThat(figures.getDouble("daysToClose.comparableMeanDays")).isCloseTo(3.25, within(1e-9));
        assertThat(figures.getDouble("daysToClose.differenceDays")).isCloseTo(-1.625, within(1e-9));
        assertThat(figures.getDouble("daysToClose.differencePercent")).isEqualTo(-50.0);
        // Variance: (1/2)²(0.5/2 + 0.5/2) + (1/2)²(0.125/2 + 0.5/2) = 0.203125; 1.959964 × √0.203125 = 0.883343.
        assertThat(figures.getDouble("daysToClose.differenceLow95")).isCloseTo(-2.508343, within(1e-5));
        assertThat(figures.getDouble("daysToClose.differenceHigh95")).isCloseTo(-0.741657, within(1e-5));

        // Prometheus has the three first joins (W3's member was added, not invited): 20 minutes, 6, and an hour.
        String after = scrape();
        String waits = "caseswarm_report_swarm_first_join_seconds";
        assertThat(PrometheusText.sum(after, waits + "_count", "") - PrometheusText.sum(before, waits + "_count", ""))
                .isEqualTo(3);
        assertThat(PrometheusText.sum(after, waits + "_sum", "") - PrometheusText.sum(before, waits + "_sum", ""))
                .isEqualTo(1200 + 360 + 3600);

        report("&pod=billing").body("total.requested", equalTo(2)).body("total.invited", equalTo(5))
                .body("load.busiest.value", contains("lee", "raj", "tom"));
        String csv = desk.admin().accept("text/csv").queryParam("product", product)
                .get("/reports/swarms?from=2026-03-02&to=2026-03-03").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "bucket,first_day,last_day,swarms_requested,first_joins,first_join_median_seconds,first_join_p90_seconds",
                "day,2026-03-02,2026-03-02,3,2,780.0,1116.0", "day,2026-03-03,2026-03-03,1,1,3600.0,3600.0",
                "total,2026-03-02,2026-03-03,4,3,1200.0,3120.0");
        for (String role : new String[] { "agent", "expert", "customer" }) {
            desk.as("someone", role).get("/reports/swarms").then().statusCode(403);
        }
        desk.lead().get("/reports/swarms?pod=" + "p".repeat(101)).then().statusCode(400)
                .body("errors.field", contains("pod"));
    }

    private static String scrape() {
        return io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private ValidatableResponse report(String query) {
        return desk.lead().queryParam("product", product).get("/reports/swarms?from=2026-03-02&to=2026-03-06" + query)
                .then().statusCode(200);
    }

    /** A case of this test's product opened on Monday at 09:00 and resolved {@code after} that. */
    private String caseClosedAfter(String priority, Duration after) {
        clock.set(MONDAY);
        String id = Desk.post(desk.lead(), "/cases", """
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "ownerId": "ana.lima", "priority": "%s", "product": "%s"}"""
                .formatted(Desk.newCustomer(), priority, product)).then().statusCode(201).extract().path("id");
        clock.set(MONDAY.plus(after));
        Desk.post(desk.owner(), "/cases/" + id + "/resolve", "{\"summary\": \"Renewed the sync token\"}")
                .then().statusCode(200);
        return id;
    }

    private String swarm(String caseId, String podId, String at) {
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId": "%s", "caseId": "%s", "ownerId": "ana.lima", "question": "Why does the sync stop?",
                 "skills": ["billing"], "teamSize": 2, "requestedAt": "%s", "podId": %s}"""
                .formatted(swarmId, caseId, at, podId == null ? "null" : "\"" + podId + "\""));
        return swarmId;
    }

    private void invited(String swarmId, String caseId, String person, boolean crossPod, String at) {
        member(swarmId, caseId, "swarm-member-invited", person, "invitedAt", at);
        expertInvited(swarmId, caseId, person, crossPod, at);
    }

    private void expertInvited(String swarmId, String caseId, String person, boolean crossPod, String at) {
        events.send("expert-events", swarmId, "expert-invited", """
                {"swarmId": "%s", "caseId": "%s", "personId": "%s", "invitedAt": "%s", "crossPod": %s}"""
                .formatted(swarmId, caseId, person, at, crossPod));
    }

    private void member(String swarmId, String caseId, String type, String person, String timeField, String at) {
        events.send("swarm-events", swarmId, type, "{\"swarmId\": \"%s\", \"caseId\": \"%s\", \"personId\": \"%s\", \"%s\": \"%s\"}"
                .formatted(swarmId, caseId, person, timeField, at));
    }
}
