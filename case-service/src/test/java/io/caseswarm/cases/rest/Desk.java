package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.deadline.DeadlinePoller;
import io.caseswarm.platform.deadline.DeadlinesConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The people of the tests at the desk: who calls, and the cases they open. */
record Desk(LocalIssuer issuer) {

    RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(issuer.issue(user, roles));
    }

    RequestSpecification owner() {
        return as("ana.lima", "agent");
    }

    RequestSpecification lead() {
        return as("lea.park", "lead");
    }

    RequestSpecification admin() {
        return as("ola.admin", "admin");
    }

    /** A case of {@code customerId}, opened by a lead and owned by ana.lima; answers its id. */
    String openCase(String customerId) {
        return lead().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"}, "ownerId": "ana.lima"}
                """.formatted(customerId))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    /** Creates, as an admin, a calendar {@code id} in UTC where every hour of every day counts. */
    void everyHourCalendar(String id) {
        String day = "[{\"start\": \"00:00\", \"end\": \"24:00\"}]";
        put(admin(), "/calendars/" + id, """
                {"name": "Every hour", "timeZone": "UTC", "hours": {"monday": %1$s, "tuesday": %1$s,
                 "wednesday": %1$s, "thursday": %1$s, "friday": %1$s, "saturday": %1$s, "sunday": %1$s}}"""
                .formatted(day)).then().statusCode(201);
    }

    /**
     * Rebuilds the reports as an admin: starts the job (202, running), follows its status until it ends, and answers
     * the finished status, which must say done.
     */
    io.restassured.path.json.JsonPath rebuildReports() {
        String path = "/admin/projections/reports/rebuild";
        admin().post(path).then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(path))
                .body("state", org.hamcrest.Matchers.equalTo("running"));
        io.restassured.path.json.JsonPath[] status = new io.restassured.path.json.JsonPath[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    status[0] = admin().get(path).then().statusCode(200).extract().jsonPath();
                    return !"running".equals(status[0].getString("state"));
                });
        org.assertj.core.api.Assertions.assertThat(status[0].getString("state")).as(status[0].prettify())
                .isEqualTo("done");
        return status[0];
    }

    /**
     * Fires the deadlines due at the clock's time. The default automation rules act on an SLA warning (they tell the
     * owner, ask for a swarm) as a command on the case, which a deadline firing at the same moment may lose a race
     * to: it is then tried again after its back-off, so look once more then, and come back to the time.
     */
    static void fireDue(SettableClock clock, DeadlinePoller poller, DeadlinesConfig deadlines) {
        Instant now = clock.now();
        poller.pollOnce();
        clock.set(now.plus(deadlines.backoff()));
        poller.pollOnce();
        clock.set(now);
    }

    static String newCustomer() {
        return "cust-" + UUID.randomUUID();
    }

    /**
     * Declares a custom field as an admin; answers its name, {@code prefix} and a suffix of its own, for
     * the declarations are shared by every test of the run.
     */
    String declareField(String prefix, String declaration) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body(declaration).put("/case-fields/" + name).then().statusCode(201);
        return name;
    }

    /**
     * Creates a group as an admin, with ana.lima as a member; answers its id, {@code prefix} and a suffix of
     * its own, for groups are shared by every test of the run.
     */
    String createGroup(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body("{\"name\": \"" + prefix + "\", \"memberIds\": [\"ana.lima\"]}")
                .put("/groups/" + id).then().statusCode(201);
        return id;
    }

    /**
     * The case as its owner reads it: equal before and after a request that must change nothing. Without the
     * SLA's {@code remaining} times, which count down between two snapshots of a case that stays the same.
     */
    String snapshot(String caseId) {
        return withoutRemainingTimes(owner().get("/cases/" + caseId).then().statusCode(200).extract().asString());
    }

    /** Cases as JSON without their SLA's {@code remaining} times, which count down while nothing changes. */
    static String withoutRemainingTimes(String json) {
        return json.replaceAll("\"remaining\"\\s*:\\s*\"[^\"]*\",?", "");
    }

    static Response put(RequestSpecification caller, String path, String json) {
        return caller.contentType(ContentType.JSON).body(json).put(path);
    }

    static Response post(RequestSpecification caller, String path, String json) {
        return caller.contentType(ContentType.JSON).body(json).post(path);
    }

    /** A JSON merge patch, in UTF-8 (RestAssured would send an unknown media type as ISO-8859-1). */
    static Response patch(RequestSpecification caller, String path, String json) {
        return caller.contentType("application/merge-patch+json; charset=UTF-8").body(json).patch(path);
    }
}
