package io.caseswarm.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Whatever a client sends, a bad request gets a 4xx problem document that names the offending field,
 * never a 500 and never an echo of a script, and nothing changes: no preference is stored or altered
 * and the delivery log is still there.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationHostileInputTest {

    /** Never chose, so is notified by email; the attacks in bodies try to make that "none". */
    private static final String OWNER = "hostile.owner";
    private static final String SQL = "'; drop table delivery; --";
    private static final String SCRIPT = "<script>alert(1)</script>";

    LocalIssuer issuer;

    TestDatabase database;

    static Stream<Attempt> attempts() {
        return Stream.of(
                body("malformed JSON", "{\"channel\": \"none\"", 400, null),
                body("not JSON at all", "channel=none", 400, null),
                body("an array instead of an object", "[\"none\"]", 400, null),
                body("an empty body", "", 400, null),
                body("a number for the channel", "{\"channel\": 1}", 400, "channel"),
                body("a number in a string for the channel", "{\"channel\": \"1\"}", 400, "channel"),
                body("a boolean for the channel", "{\"channel\": true}", 400, "channel"),
                body("an object for the channel", "{\"channel\": {\"none\": true}}", 400, "channel"),
                body("an unknown field", "{\"channel\": \"none\", \"sms\": \"+44 20 7946 0000\"}", 400, "sms"),
                body("a missing channel", "{}", 400, "channels"),
                body("a null channel", "{\"channel\": null}", 400, "channels"),
                body("an unknown channel", "{\"channel\": \"pigeon\"}", 400, "channel"),
                body("SQL as the channel", "{\"channel\": \"" + SQL + "\"}", 400, "channel"),
                body("a script as the channel", "{\"channel\": \"" + SCRIPT + "\"}", 400, "channel"),
                body("a body over 64 KB", "{\"channel\": \"none\", \"note\": \"" + "x".repeat(70_000) + "\"}", 413,
                        null),
                new Attempt("a body that is not JSON by its type", "PUT", OWNER, Map.of(), "text/plain", "none",
                        OWNER, "expert", 415, null),
                path("SQL as the person id", "PUT", SQL),
                path("SQL as the person id, reading", "GET", SQL),
                path("a script as the person id", "PUT", SCRIPT),
                path("a script as the person id, reading", "GET", SCRIPT),
                path("a person id over 64 characters", "PUT", "p".repeat(65)),
                path("a person id with a space", "PUT", "raj patel"),
                path("a person id outside ASCII", "PUT", "räj"),
                path("an upper-case person id", "PUT", "Ana.Lima"),
                path("an upper-case person id, reading", "GET", "Ana.Lima"),
                path("a person id of one character", "PUT", "a"),
                path("a person id that starts with a dot", "PUT", ".ana"),
                recipient("SQL as the recipient", Map.of("recipient", SQL), "recipient"),
                recipient("a script as the recipient", Map.of("recipient", SCRIPT), "recipient"),
                recipient("a recipient over 320 characters", Map.of("recipient", "a".repeat(310) + "@example.com"),
                        "recipient"),
                recipient("no recipient", Map.of(), "recipient"),
                new Attempt("a limit that is not a number", "GET", null,
                        Map.of("recipient", "ada@example.com", "limit", "lots"), null, null, "lena.lead", "lead", 400,
                        null),
                recipient("a limit of zero", Map.of("recipient", "ada@example.com", "limit", "0"), "limit"),
                recipient("a limit over 500", Map.of("recipient", "ada@example.com", "limit", "501"), "limit"));
    }

    /** Each attempt starts from the same state, so that one that got through does not hide the next. */
    @BeforeEach
    void theOwnerNeverChose() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement forget = connection.prepareStatement(
                        "delete from notification_preference where person_id = ?")) {
            forget.setString(1, OWNER);
            forget.executeUpdate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void hostileInputIsRefusedWithAProblemAndChangesNothing(Attempt attempt) throws SQLException {
        long preferencesBefore = storedPreferences();

        ValidatableResponse response = attempt.send(issuer).then().log().ifValidationFails()
                .statusCode(attempt.status())
                .contentType("application/problem+json")
                .body("status", equalTo(attempt.status()))
                .body(not(containsString("<script>")));
        if (attempt.field() != null) {
            response.body("errors.field", hasItem(attempt.field()));
        }

        assertThat(storedPreferences()).as("stored preferences").isEqualTo(preferencesBefore);
        given().auth().oauth2(issuer.issue(OWNER, "expert")).get("/people/" + OWNER + "/preferences")
                .then().statusCode(200).body("channel", equalTo("email"));
        given().auth().oauth2(issuer.issue("lena.lead", "lead")).get("/notifications?recipient=ada@example.com")
                .then().statusCode(200);
    }

    @Test
    void aBadPersonIdIsRefusedWithTheEventContractsRuleInEveryServicesWords() {
        for (String bad : List.of("Ana.Lima", "a", ".ana", "ana lima")) {
            given().auth().oauth2(issuer.issue("ops.admin", "admin")).get("/people/" + bad + "/preferences")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.find { it.field == 'personId' }.message", equalTo(PersonIds.MESSAGE));
        }
    }

    private long storedPreferences() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from notification_preference")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The owner changing their own preference: only the body is wrong. */
    private static Attempt body(String what, String body, int status, String field) {
        return new Attempt(what, "PUT", OWNER, Map.of(), "application/json", body, OWNER, "expert", status, field);
    }

    /** An admin, who may change anybody's preference: only the person id is wrong. */
    private static Attempt path(String what, String method, String personId) {
        return new Attempt(what, method, personId, Map.of(), "application/json", "{\"channel\": \"none\"}",
                "ops.admin", "admin", 400, "personId");
    }

    /** A lead, who may read the delivery log: only the query is wrong. */
    private static Attempt recipient(String what, Map<String, String> query, String field) {
        return new Attempt(what, "GET", null, query, null, null, "lena.lead", "lead", 400, field);
    }

    record Attempt(String what, String method, String personId, Map<String, String> query, String contentType,
            String body, String caller, String role, int status, String field) {

        Response send(LocalIssuer issuer) {
            RequestSpecification request = given().auth().oauth2(issuer.issue(caller, role)).queryParams(query);
            if (contentType != null) {
                request.contentType(contentType).body(body);
            }
            return personId == null ? request.request(method, "/notifications")
                    : request.pathParam("personId", personId).request(method, "/people/{personId}/preferences");
        }

        @Override
        public String toString() {
            return what;
        }
    }
}
