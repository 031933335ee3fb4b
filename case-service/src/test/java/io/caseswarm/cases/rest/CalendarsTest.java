package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** An admin keeps the business calendars; staff who work cases read them and ask them for business time. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CalendarsTest extends DeskTest {

    /** Rome's office hours with a lunch break; Monday 18 May 2026 a holiday, and Christmas every year. */
    static final String ROME = """
            {"name": "Roma — ufficio", "timeZone": "Europe/Rome",
             "hours": {"monday": [{"start": "14:00", "end": "18:00"}, {"start": "09:00", "end": "13:00"}],
                       "tuesday": [{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}],
                       "wednesday": [{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}],
                       "thursday": [{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}],
                       "friday": [{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}]},
             "holidays": ["2026-12-08", "2026-05-18"], "yearlyHolidays": ["12-25", "01-01"]}""";

    /** Sunday nights in Rome, across the hour when the clock changes. */
    static final String ROME_NIGHTS = """
            {"name": "Sunday nights", "timeZone": "Europe/Rome",
             "hours": {"saturday": [{"start": "22:00", "end": "24:00"}], "sunday": [{"start": "00:00", "end": "06:00"}]}}""";

    private static final String DEFAULT = """
            {"name": "Default", "timeZone": "UTC",
             "hours": {"monday": [{"start": "09:00", "end": "17:00"}], "tuesday": [{"start": "09:00", "end": "17:00"}],
                       "wednesday": [{"start": "09:00", "end": "17:00"}], "thursday": [{"start": "09:00", "end": "17:00"}],
                       "friday": [{"start": "09:00", "end": "17:00"}]}}""";

    @Test
    void anAdminCreatesACalendarReplacesItLaterAndStaffReadIt() {
        String id = "rome-" + suffix();

        put(desk.admin(), id, ROME).then().statusCode(201).header("Location", endsWith("/calendars/" + id))
                .body("id", equalTo(id)).body("name", equalTo("Roma — ufficio")).body("timeZone", equalTo("Europe/Rome"))
                .body("hours.monday.start", contains("09:00", "14:00")).body("hours.monday.end", contains("13:00", "18:00"))
                .body("hours.saturday", empty()).body("hours.sunday", empty())
                .body("holidays", contains("2026-05-18", "2026-12-08")).body("yearlyHolidays", contains("01-01", "12-25"))
                .body("updatedBy", equalTo("ola.admin"));
        put(desk.admin(), id, ROME_NIGHTS).then().statusCode(200).body("name", equalTo("Sunday nights"))
                .body("hours.monday", empty()).body("hours.saturday.end", contains("24:00"))
                .body("holidays", empty()).body("yearlyHolidays", empty());

        for (RequestSpecification staff : List.of(desk.owner(), desk.lead(), desk.admin(), desk.as("crm", "integration"))) {
            staff.get("/calendars/" + id).then().statusCode(200).body("hours.sunday.start", contains("00:00"));
        }
        desk.owner().get("/calendars/no-such-calendar").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void fourBusinessHoursAfterFriday1600InRomeAreDueOnTuesdayWhenMondayIsAHoliday() {
        String id = "rome-" + suffix();
        put(desk.admin(), id, ROME).then().statusCode(201);

        desk.owner().urlEncodingEnabled(false)
                .get("/calendars/" + id + "/business-time?from=2026-05-15T16:00:00%2B02:00&duration=PT4H").then().statusCode(200)
                .body("from", equalTo("2026-05-15T14:00:00Z")).body("duration", equalTo("PT4H"))
                .body("due", equalTo("2026-05-19T09:00:00Z")).body("$", not(hasKey("to")));
        desk.owner().queryParam("from", "2026-05-22T14:00:00Z").queryParam("duration", "PT4H")
                .get("/calendars/" + id + "/business-time").then().statusCode(200)
                .body("due", equalTo("2026-05-25T09:00:00Z")); // Monday 11:00 in Rome
        desk.owner().queryParam("from", "2026-05-15T00:00:00Z").queryParam("to", "2026-05-20T00:00:00Z")
                .get("/calendars/" + id + "/business-time").then().statusCode(200)
                .body("to", equalTo("2026-05-20T00:00:00Z")).body("duration", equalTo("PT16H")).body("$", not(hasKey("due")));
        desk.owner().queryParam("from", "2026-05-20T00:00:00Z").queryParam("to", "2026-05-15T00:00:00Z")
                .get("/calendars/" + id + "/business-time").then().statusCode(200).body("duration", equalTo("PT0S"));
    }

    /** The night of 28/29 March 2026 is an hour short in Rome, that of 24/25 October an hour long. */
    @Test
    void businessTimeFollowsTheClockChangesInRome() {
        String id = "nights-" + suffix();
        put(desk.admin(), id, ROME_NIGHTS).then().statusCode(201);

        businessTime(id, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z").then().statusCode(200).body("duration", equalTo("PT7H"));
        businessTime(id, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z").then().statusCode(200).body("duration", equalTo("PT9H"));
        // From 01:30 CET (00:30Z), an hour of work ends at 03:30 CEST (01:30Z).
        desk.owner().queryParam("from", "2026-03-29T00:30:00Z").queryParam("duration", "PT1H")
                .get("/calendars/" + id + "/business-time").then().statusCode(200).body("due", equalTo("2026-03-29T01:30:00Z"));
    }

    @Test
    void theDefaultCalendarWorksWeekdaysNineToFiveUtcAndAnAdminMayReplaceIt() {
        desk.owner().get("/calendars/default").then().statusCode(200).body("timeZone", equalTo("UTC"))
                .body("hours.monday.start", contains("09:00")).body("hours.friday.end", contains("17:00"))
                .body("hours.saturday", empty()).body("holidays", empty()).body("yearlyHolidays", empty());
        desk.owner().queryParam("from", "2026-05-15T16:00:00Z").queryParam("duration", "PT4H")
                .get("/calendars/default/business-time").then().statusCode(200).body("due", equalTo("2026-05-18T12:00:00Z"));

        put(desk.admin(), "default", DEFAULT).then().statusCode(200).body("updatedBy", equalTo("ola.admin"));
    }

    @Test
    void calendarsAreListedByIdACursorPageAtATime() {
        String prefix = "page-" + suffix();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(prefix + "-" + i);
            put(desk.admin(), prefix + "-" + i, ROME).then().statusCode(201);
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = desk.owner().get("/calendars?limit=2").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        while (page.getString("nextCursor") != null) {
            page = desk.owner().queryParam("cursor", page.getString("nextCursor")).get("/calendars?limit=2").then()
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
        }

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(created).contains("default");
        desk.owner().queryParam("cursor", "not-a-cursor").get("/calendars").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        desk.owner().get("/calendars?limit=0").then().statusCode(400);
        desk.owner().get("/calendars?limit=51").then().statusCode(400);
    }

    @Test
    void onlyAnAdminChangesCalendarsAndOnlyStaffWhoWorkCasesReadThem() {
        String id = "roles-" + suffix();
        put(desk.admin(), id, ROME).then().statusCode(201);
        String before = desk.admin().get("/calendars/" + id).asString();
        List<String> reads = List.of("/calendars", "/calendars/" + id,
                "/calendars/" + id + "/business-time?from=2026-05-15T14:00:00Z&duration=PT4H");

        for (RequestSpecification notAdmin : List.of(desk.owner(), desk.lead(), desk.as("crm", "integration"),
                desk.as("raj.patel", "expert"), desk.as("cust-1", "customer"))) {
            put(notAdmin, id, ROME_NIGHTS).then().statusCode(403).contentType("application/problem+json");
            put(notAdmin, "new-" + suffix(), ROME).then().statusCode(403);
        }
        for (RequestSpecification notStaff : List.of(desk.as("raj.patel", "expert"), desk.as("cust-1", "customer"))) {
            for (String read : reads) {
                notStaff.get(read).then().statusCode(403).contentType("application/problem+json");
            }
        }
        for (String read : reads) {
            given().get(read).then().statusCode(401).contentType("application/problem+json");
            desk.as("crm", "integration").get(read).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(ROME).put("/calendars/" + id).then().statusCode(401);

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);
    }

    static Response put(RequestSpecification caller, String id, String calendar) {
        return caller.contentType("application/json; charset=UTF-8").body(calendar).put("/calendars/" + id);
    }

    private Response businessTime(String id, String from, String to) {
        return desk.owner().queryParam("from", from).queryParam("to", to).get("/calendars/" + id + "/business-time");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
