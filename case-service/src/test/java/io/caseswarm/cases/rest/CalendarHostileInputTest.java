package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.CalendarsTest.ROME;
import static io.caseswarm.cases.rest.CalendarsTest.put;
import static io.caseswarm.cases.rest.CalendarsTest.suffix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Malformed and hostile calendars and questions get a 4xx problem document naming the field, and change nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CalendarHostileInputTest extends DeskTest {

    private static final String MONDAY = "{\"start\": \"09:00\", \"end\": \"13:00\"}";

    private String id;
    private String before;

    @BeforeEach
    void createCalendar() {
        id = "hostile-" + suffix();
        put(desk.admin(), id, ROME).then().statusCode(201);
        before = desk.admin().get("/calendars/" + id).asString();
    }

    @Test
    void idsNamesAndTimeZonesAreChecked() {
        for (String bad : List.of("Rome", "-rome", "r", "r".repeat(41), "rome_office", "x';drop table events;--", "römа")) {
            put(desk.admin(), bad, ROME).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("id"));
        }
        refused(calendar("\"name\": \"   \""), "name", "blank");
        refused(calendar("\"name\": \"" + "n".repeat(101) + "\""), "name", "size");
        refused(calendar("\"name\": 42"), "name", "wrong type");
        for (String zone : List.of("Europe/Atlantis", "europe/rome", "+01:00", "CET ", "Europe/Rome/../../etc/passwd")) {
            refused(calendar("\"timeZone\": \"" + zone + "\""), "timeZone", "IANA");
        }
        refused(calendar("\"timeZone\": \"\""), "timeZone", "blank");

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);
    }

    @Test
    void hoursAreCheckedSpanBySpan() {
        for (String time : List.of("9:00", "25:00", "09:60", "24:00", "09:00:00", "nine", "")) {
            refused(hours("\"monday\": [{\"start\": \"" + time + "\", \"end\": \"13:00\"}]"), "hours.monday[0].start", "HH:mm");
        }
        for (String time : List.of("24:01", "13", "1:00 PM")) {
            refused(hours("\"monday\": [" + MONDAY + ", {\"start\": \"14:00\", \"end\": \"" + time + "\"}]"),
                    "hours.monday[1].end", "HH:mm");
        }
        refused(hours("\"monday\": [" + MONDAY + ", {\"start\": \"14:00\", \"end\": \"14:00\"}]"), "hours.monday[1].end",
                "after the start");
        refused(hours("\"friday\": [{\"start\": \"18:00\", \"end\": \"09:00\"}]"), "hours.friday[0].end", "after the start");
        refused(hours("\"monday\": [" + MONDAY + ", {\"start\": \"12:00\", \"end\": \"18:00\"}]"), "hours.monday[1]", "overlaps");
        refused(hours("\"sunday\": [{\"start\": \"00:00\", \"end\": \"24:00\"}, " + MONDAY + "]"), "hours.sunday[1]", "overlaps");
        refused(hours("\"monday\": [{\"start\": \"09:00\"}]"), "hours.monday[0].end", "null");
        refused(hours("\"monday\": [null]"), "hours.monday[0]", "null");
        refused(hours("\"monday\": [{\"start\": 900, \"end\": \"13:00\"}]"), "hours.monday[0].start", "wrong type");
        refused(hours("\"monday\": [{\"start\": \"09:00\", \"end\": \"13:00\", \"break\": \"10:00\"}]"),
                "hours.monday[0].break", "unknown field");
        refused(hours("\"funday\": [" + MONDAY + "]"), "hours.funday", "unknown field");
        refused(hours("\"Monday\": [" + MONDAY + "]"), "hours.Monday", "unknown field");
        refused(hours("\"monday\": \"09:00-13:00\""), "hours.monday", "wrong type");
        refused(hours("\"monday\": " + spans(13)), "hours.monday", "size");
        refused(calendar("\"hours\": [\"09:00-17:00\"]"), "hours", "wrong type");
        refused(calendar("\"hours\": null"), "hours", "null");

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRefused() {
        refused(hours(""), "hours", "working hours");
        refused(hours("\"monday\": [], \"saturday\": []"), "hours", "working hours");
        refused(calendar("\"yearlyHolidays\": " + quoted(everyDayOfTheYear())), "yearlyHolidays", "every day");

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);
    }

    @Test
    void holidaysAreCheckedDateByDate() {
        refused(calendar("\"holidays\": [\"2026-02-30\"]"), "holidays[0]", "no day");
        refused(calendar("\"holidays\": [\"2026-12-08\", \"26-12-08\"]"), "holidays[1]", "2026-12-08");
        refused(calendar("\"holidays\": [\"2026-12-08\", \"2026-12-08\"]"), "holidays[1]", "repeats");
        refused(calendar("\"holidays\": [\"2026-12-08T00:00:00Z\"]"), "holidays[0]", "2026-12-08");
        refused(calendar("\"holidays\": [null]"), "holidays[0]", "null");
        refused(calendar("\"holidays\": \"2026-12-08\""), "holidays", "wrong type");
        refused(calendar("\"yearlyHolidays\": [\"02-30\"]"), "yearlyHolidays[0]", "no day");
        refused(calendar("\"yearlyHolidays\": [\"13-01\"]"), "yearlyHolidays[0]", "no day");
        refused(calendar("\"yearlyHolidays\": [\"12/25\"]"), "yearlyHolidays[0]", "12-25");
        refused(calendar("\"yearlyHolidays\": [\"12-25\", \"12-25\"]"), "yearlyHolidays[1]", "repeats");
        refused(calendar("\"yearlyHolidays\": " + quoted(everyDayOfTheYear()).replace("]", ", \"01-01\"]")),
                "yearlyHolidays", "size");

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);
    }

    /** A thousand holidays are kept; 2 001 are refused by name; 100 000 do not fit in a request body at all. */
    @Test
    void aThousandHolidaysAreFineButNotAHundredThousand() {
        put(desk.admin(), id, calendar("\"holidays\": " + quoted(days(1_000)))).then().statusCode(200)
                .body("holidays", hasSize(1_000));
        String kept = desk.admin().get("/calendars/" + id).asString();

        refused(calendar("\"holidays\": " + quoted(days(2_001))), "holidays", "size");
        put(desk.admin(), id, calendar("\"holidays\": " + quoted(days(100_000)))).then().statusCode(413)
                .contentType("application/problem+json");

        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(kept);
    }

    @Test
    void unknownFieldsBadJsonAndScriptTextAreHandled() {
        refused(calendar("\"owner\": \"ana.lima\""), "owner", "unknown field");
        desk.admin().contentType("application/json").body("{\"name\": ").put("/calendars/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        desk.admin().contentType("application/json").body("[" + ROME + "]").put("/calendars/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        desk.admin().contentType("application/json").body("").put("/calendars/" + id).then().statusCode(400);
        assertThat(desk.admin().get("/calendars/" + id).asString()).isEqualTo(before);

        String script = "<script>alert(1)</script>'; drop table business_calendar; --";
        put(desk.admin(), id, calendar("\"name\": \"" + script + "\"")).then().statusCode(200).body("name", equalTo(script));
        desk.owner().get("/calendars/" + id).then().statusCode(200).body("name", equalTo(script));
    }

    @Test
    void businessTimeQuestionsAreCheckedByParameter() {
        String path = "/calendars/" + id + "/business-time";

        asked(path, "duration=PT4H", "from", "required");
        asked(path, "from=2026-05-15T14:00:00Z", "duration", "either");
        asked(path, "from=2026-05-15T14:00:00Z&duration=PT4H&to=2026-05-16T00:00:00Z", "duration", "either");
        asked(path, "from=yesterday&duration=PT4H", "from", "instant");
        asked(path, "from=2026-05-15&duration=PT4H", "from", "instant");
        asked(path, "from=+10000-01-01T00:00:00Z&duration=PT4H", "from", "2999");
        asked(path, "from=10000-01-01T00:00:00Z&duration=PT4H", "from", "instant");
        asked(path, "from=1899-12-31T23:59:59Z&duration=PT4H", "from", "1900");
        asked(path, "from=2026-05-15T14:00:00Z&to=3000-01-01T00:00:00Z", "to", "2999");
        asked(path, "from=2026-05-15T14:00:00Z&duration=4h", "duration", "ISO 8601");
        asked(path, "from=2026-05-15T14:00:00Z&duration=-PT1H", "duration", "PT0S");
        asked(path, "from=2026-05-15T14:00:00Z&duration=P367D", "duration", "366 days");
        desk.owner().get(path + "?from=2026-05-15T14:00:00Z&duration=P366D").then().statusCode(200);
        desk.owner().get(path + "?from=2026-05-15T14:00:00Z&duration=PT0S").then().statusCode(200)
                .body("due", equalTo("2026-05-15T14:00:00Z"));
        desk.owner().get("/calendars/no-such-calendar/business-time?from=2026-05-15T14:00:00Z&duration=PT4H").then()
                .statusCode(404).contentType("application/problem+json");
    }

    private void refused(String calendar, String field, String message) {
        put(desk.admin(), id, calendar).then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    private void asked(String path, String query, String parameter, String message) {
        desk.owner().urlEncodingEnabled(false).get(path + "?" + query.replace("+", "%2B")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + parameter + "' }.message", containsString(message));
    }

    /** A valid calendar with {@code field} ("key": value) put in place of the same key, or added. */
    private static String calendar(String field) {
        String key = field.substring(0, field.indexOf(':'));
        StringBuilder body = new StringBuilder("{").append(field);
        for (String other : List.of("\"name\": \"Hostile\"", "\"timeZone\": \"Europe/Rome\"",
                "\"hours\": {\"monday\": [" + MONDAY + "]}")) {
            if (!other.startsWith(key)) {
                body.append(", ").append(other);
            }
        }
        return body.append('}').toString();
    }

    private static String hours(String days) {
        return calendar("\"hours\": {" + days + "}");
    }

    private static String spans(int count) {
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spans.add("{\"start\": \"%02d:00\", \"end\": \"%02d:30\"}".formatted(i, i));
        }
        return spans.toString();
    }

    private static List<String> days(int count) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2000-01-01"); days.size() < count; day = day.plusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    private static List<String> everyDayOfTheYear() {
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2028-01-01"); day.getYear() == 2028; day = day.plusDays(1)) {
            days.add(MonthDay.from(day).toString().substring(2));
        }
        return days;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString();
    }
}
