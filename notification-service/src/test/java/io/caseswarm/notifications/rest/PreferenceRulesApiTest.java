package io.caseswarm.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A person's rules for being notified: channels in order, quiet hours in their zone, urgent news in quiet
 * hours, a daily digest. Whatever is not a rule a person could mean is refused, and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PreferenceRulesApiTest {

    private static final String FULL = """
            {"channels": ["slack", "email"], "timeZone": "Europe/Rome",
             "quietHours": {"from": "22:00", "until": "07:00"}, "urgentInQuietHours": true, "digestAt": "08:30"}""";

    LocalIssuer issuer;

    @Test
    void aPersonSetsEveryRuleAndReadsThemBack() {
        String me = someone();
        put(me, me, FULL).statusCode(200)
                .body("channels", contains("slack", "email"))
                .body("channel", equalTo("slack"));

        get(me).statusCode(200)
                .body("personId", equalTo(me))
                .body("channels", contains("slack", "email"))
                .body("timeZone", equalTo("Europe/Rome"))
                .body("quietHours.from", equalTo("22:00"))
                .body("quietHours.until", equalTo("07:00"))
                .body("urgentInQuietHours", equalTo(true))
                .body("digestAt", equalTo("08:30"));
    }

    @Test
    void aPutReplacesTheWholePreferenceAndNoneMeansNothing() {
        String me = someone();
        put(me, me, FULL).statusCode(200);
        put(me, me, "{\"channels\": [\"none\"]}").statusCode(200);

        get(me).body("channels", contains("none")).body("channel", equalTo("none"))
                .body("quietHours", nullValue()).body("timeZone", nullValue())
                .body("urgentInQuietHours", equalTo(false)).body("digestAt", nullValue());
    }

    @Test
    void somebodyWhoNeverChoseHearsByEmailAtAnyHour() {
        String me = someone();
        get(me).statusCode(200).body("channels", contains("email")).body("quietHours", nullValue())
                .body("digestAt", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // unknown, repeated or contradictory channels
            "{\"channels\": [\"pager\"]}",
            "{\"channels\": [\"email\", \"email\"]}",
            "{\"channels\": [\"none\", \"email\"]}",
            "{\"channels\": []}",
            "{\"channels\": [\"slack\", \"email\", \"none\"]}",
            "{\"channels\": [null]}",
            "{\"channel\": \"email\", \"channels\": [\"email\"]}",
            "{}",
            // zones that are no IANA region
            "{\"channels\": [\"email\"], \"timeZone\": \"Mars/Olympus\"}",
            "{\"channels\": [\"email\"], \"timeZone\": \"+02:00\"}",
            "{\"channels\": [\"email\"], \"timeZone\": \"../../etc/passwd\"}",
            "{\"channels\": [\"email\"], \"timeZone\": \"\"}",
            // times that are no time of day, or quiet hours that are not a span
            "{\"channels\": [\"email\"], \"quietHours\": {\"from\": \"25:00\", \"until\": \"07:00\"}}",
            "{\"channels\": [\"email\"], \"quietHours\": {\"from\": \"22:00\"}}",
            "{\"channels\": [\"email\"], \"quietHours\": {\"from\": \"7pm\", \"until\": \"07:00\"}}",
            "{\"channels\": [\"email\"], \"quietHours\": {\"from\": \"07:00\", \"until\": \"07:00\"}}",
            "{\"channels\": [\"email\"], \"quietHours\": {\"from\": \"22:00:00\", \"until\": \"07:00\"}}",
            "{\"channels\": [\"email\"], \"digestAt\": \"8\"}",
            "{\"channels\": [\"email\"], \"digestAt\": \"08:60\"}",
            // forged or wrongly typed fields
            "{\"channels\": [\"email\"], \"personId\": \"someone.else\"}",
            "{\"channels\": [\"email\"], \"urgentInQuietHours\": \"yes please\"}",
            "{\"channels\": \"email\"}" })
    void nonsenseIsRefusedAndTheStoredPreferenceStays(String body) {
        String me = someone();
        put(me, me, FULL).statusCode(200);

        put(me, me, body).statusCode(400).contentType("application/problem+json");

        get(me).body("channels", contains("slack", "email")).body("quietHours.from", equalTo("22:00"));
    }

    @Test
    void aRefusalNamesTheField() {
        String me = someone();
        put(me, me, "{\"channels\": [\"email\"], \"timeZone\": \"Mars/Olympus\"}").statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        put(me, me, "{\"channels\": [\"email\", \"email\"]}").statusCode(400).body("errors.field", hasItem("channels"));
    }

    @Test
    void nobodySetsSomebodyElsesRulesButAnAdminMay() {
        String owner = someone();
        put(owner, owner, "{\"channels\": [\"email\"]}").statusCode(200);
        for (String role : new String[] { "expert", "agent", "lead", "customer", "integration" }) {
            given().auth().oauth2(issuer.issue(someone(), role)).contentType("application/json").body(FULL)
                    .put("/people/" + owner + "/preferences").then().statusCode(403);
        }
        get(owner).body("channels", contains("email")).body("quietHours", nullValue());

        given().auth().oauth2(issuer.issue("ops.admin", "admin")).contentType("application/json").body(FULL)
                .put("/people/" + owner + "/preferences").then().statusCode(200);
        get(owner).body("channels", contains("slack", "email"));
    }

    @Test
    void aBadPersonIdIsRefused() {
        given().auth().oauth2(issuer.issue("ops.admin", "admin")).contentType("application/json").body(FULL)
                .put("/people/Not A Person!/preferences").then().statusCode(400);
    }

    private ValidatableResponse get(String personId) {
        return given().auth().oauth2(issuer.issue(personId, "expert")).get("/people/" + personId + "/preferences")
                .then();
    }

    private ValidatableResponse put(String caller, String personId, String body) {
        return given().auth().oauth2(issuer.issue(caller, "expert")).contentType("application/json").body(body)
                .put("/people/" + personId + "/preferences").then();
    }

    private static String someone() {
        return "expert." + UUID.randomUUID().toString().substring(0, 8);
    }
}
