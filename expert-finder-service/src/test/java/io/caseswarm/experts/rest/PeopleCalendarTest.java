package io.caseswarm.experts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.experts.domain.ExpertEvent.ExpertUpdated;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.index.DirectoryTables;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventContract;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A person's calendar (working days, holidays, time off, urgent opt-in) over REST and import: kept by the person
 * themselves, published with their profile, and refused naming the field when it is no calendar.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleCalendarTest {

    private static final String CALENDAR = """
            , "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
             "holidays": ["2026-12-25", "2027-01-01"], "timeOff": [{"from": "2027-02-01", "to": "2027-02-05"}],
             "urgentOnDaysOff": true}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryTables tables;

    LocalIssuer issuer;

    @Test
    void aPersonKeepsTheirOwnCalendarItIsShownAndPublishedWithTheirProfile() throws Exception {
        String id = People.register(issuer, "billing", 3, "available");
        // Without a calendar: every day a working day, nothing off.
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(200)
                .body("workingDays", empty()).body("holidays", empty()).body("timeOff", empty())
                .body("urgentOnDaysOff", equalTo(false));

        People.as(issuer, id, Roles.EXPERT).body(withCalendar(id)).put("/people/" + id).then().statusCode(200)
                .body("workingDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("holidays", contains("2026-12-25", "2027-01-01"))
                .body("timeOff[0].from", equalTo("2027-02-01")).body("timeOff[0].to", equalTo("2027-02-05"))
                .body("urgentOnDaysOff", equalTo(true));
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(200)
                .body("holidays", contains("2026-12-25", "2027-01-01")).body("urgentOnDaysOff", equalTo(true));
        // The ranking's tables read it as stored: off at the weekend, on Christmas and in February's week.
        Map<String, Profile> read = new HashMap<>();
        tables.read(List.of(id), read::put, (person, load) -> {
        });
        Profile stored = read.get(id);
        assertThat(stored.offOn(LocalDate.of(2026, 12, 5), false)).isTrue();
        assertThat(stored.offOn(LocalDate.of(2026, 12, 5), true)).isFalse();
        assertThat(stored.offOn(LocalDate.of(2026, 12, 25), false)).isTrue();
        assertThat(stored.offOn(LocalDate.of(2027, 2, 5), false)).isTrue();
        assertThat(stored.offOn(LocalDate.of(2027, 2, 8), false)).isFalse();
        // The same again changes nothing; without the calendar the person is never off again.
        People.as(issuer, id, Roles.EXPERT).body(withCalendar(id)).put("/people/" + id).then().statusCode(200);
        People.as(issuer, id, Roles.EXPERT).body(People.profile(id, "billing", 3, "available")).put("/people/" + id)
                .then().statusCode(200).body("workingDays", empty()).body("urgentOnDaysOff", equalTo(false));

        List<ConsumerRecord<String, String>> events = People.eventsOf(bootstrapServers, id, 3);
        events.forEach(EventContract.load()::check);
        JsonNode updated = json.readTree(events.get(1).value());
        assertThat(updated.get("workingDays")).extracting(JsonNode::asText)
                .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(updated.get("holidays")).extracting(JsonNode::asText).containsExactly("2026-12-25", "2027-01-01");
        assertThat(updated.get("timeOff").get(0).get("to").asText()).isEqualTo("2027-02-05");
        assertThat(updated.get("urgentOnDaysOff").asBoolean()).isTrue();
        assertThat(json.readTree(events.get(2).value()).get("workingDays").isNull()).isTrue();
        // Someone else may not change it.
        People.as(issuer, "someone.else", Roles.EXPERT).body(withCalendar(id)).put("/people/" + id).then()
                .statusCode(403);
    }

    @Test
    void eventsFromBeforeCalendarsReadAsNeverOff() throws Exception {
        ExpertUpdated old = json.readValue("""
                {"personId": "old.timer", "name": "Old", "email": "o@example.com", "chatHandle": null,
                 "timeZone": "UTC", "workingHours": {"start": "09:00", "end": "17:00"},
                 "skills": [{"name": "sql", "level": 3}], "capacity": 2, "presence": "available",
                 "updatedAt": "2025-01-01T00:00:00Z"}""", ExpertUpdated.class);
        assertThat(old.profile().daysOff()).isNull();
        assertThat(old.profile().offOn(LocalDate.of(2025, 1, 4), false)).isFalse();
    }

    @Test
    void aCalendarThatIsNoneIsRefusedNamingTheFieldAndChangesNothing() {
        String id = People.register(issuer, "billing", 3, "available");
        String good = withCalendar(id);
        refused(update(id, good.replace("\"to\": \"2027-02-05\"", "\"to\": \"2027-01-31\"")), "timeOff[0].to");
        refused(update(id, good.replace("2026-12-25", "1999-12-31")), "holidays[0]");
        refused(update(id, good.replace("2027-02-05", "2201-01-01")), "timeOff[0].to");
        refused(update(id, good.replace("2027-02-01", "1970-01-01")), "timeOff[0].from");
        refused(update(id, good.replace("\"MONDAY\"", "\"FUNDAY\"")), "workingDays[0]");
        refused(update(id, good.replace("\"2026-12-25\"", "\"25/12/2026\"")), "holidays[0]");
        refused(update(id, good.replace("\"2026-12-25\"", "null")), "holidays[0]");
        refused(update(id, good.replace("{\"from\": \"2027-02-01\", \"to\": \"2027-02-05\"}", "{\"from\": \"2027-02-01\"}")),
                "timeOff[0].to");
        refused(update(id, good.replace("\"urgentOnDaysOff\": true", "\"urgentOnDaysOff\": \"yes\"")),
                "urgentOnDaysOff");
        refused(update(id, good.replace("\"to\": \"2027-02-05\"", "\"to\": \"2027-02-05\", \"note\": \"ski\"")),
                "timeOff[0].note");
        String tooMany = String.join(", ", Collections.nCopies(367, "\"2027-03-01\""));
        refused(update(id, good.replace("\"2026-12-25\", \"2027-01-01\"", tooMany)), "holidays");
        String tooMuchTimeOff = String.join(", ", Collections.nCopies(367, "{\"from\": \"2027-03-01\", \"to\": \"2027-03-02\"}"));
        refused(update(id, good.replace("{\"from\": \"2027-02-01\", \"to\": \"2027-02-05\"}", tooMuchTimeOff)),
                "timeOff");

        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(200)
                .body("workingDays", empty()).body("holidays", empty());
        assertThat(People.eventsOf(bootstrapServers, id, 1)).hasSize(1);
    }

    @Test
    void theImportTakesTheCalendarThroughTheSameRules() {
        String good = People.newId();
        String bad = People.newId();
        String body = withCalendar(good).replace("\n", " ") + "\n"
                + withCalendar(bad).replace("\n", " ").replace("\"to\": \"2027-02-05\"", "\"to\": \"2027-01-05\"");
        given().auth().oauth2(issuer.issue(People.HR_SYSTEM, Roles.INTEGRATION))
                .contentType(PeopleImportResource.NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/people/import").then().statusCode(200).body("applied", equalTo(1))
                .body("failed.line", contains(2)).body("failed[0].problems.field", contains("timeOff[0].to"));
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + good).then().statusCode(200)
                .body("holidays", contains("2026-12-25", "2027-01-01")).body("urgentOnDaysOff", equalTo(true));
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + bad).then().statusCode(404);
    }

    private static String withCalendar(String id) {
        String profile = People.profile(id, "billing", 3, "available");
        return profile.substring(0, profile.lastIndexOf('}')) + CALENDAR;
    }

    private Response update(String id, String body) {
        return People.as(issuer, id, Roles.EXPERT).body(body).put("/people/" + id);
    }

    private static ValidatableResponse refused(Response response, String field) {
        return response.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
