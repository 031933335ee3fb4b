package io.caseswarm.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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

/** Everybody decides how they hear from Caseswarm, for themselves only; an admin may help anyone. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PreferenceAccessTest {

    LocalIssuer issuer;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "agent", "expert", "lead", "customer" })
    void aPersonWhoNeverChoseIsNotifiedByEmailAndMaySwitchItOff(String role) {
        String me = someone(role);
        read(me, me).statusCode(200).body("personId", equalTo(me)).body("channel", equalTo("email"));

        choose(me, me, "none").statusCode(200).body("personId", equalTo(me)).body("channel", equalTo("none"));

        read(me, me).statusCode(200).body("channel", equalTo("none"));
    }

    @Test
    void aPersonMaySwitchEmailBackOn() {
        String me = someone("expert");
        choose(me, me, "none").statusCode(200);
        choose(me, me, "email").statusCode(200);
        read(me, me).body("channel", equalTo("email"));
    }

    @Test
    void nobodyChangesSomebodyElsesPreferences() {
        String owner = someone("expert");
        choose(owner, owner, "none").statusCode(200);

        for (String role : new String[] { "expert", "agent", "lead", "customer" }) {
            String other = issuer.issue(someone(role), role);
            given().auth().oauth2(other).contentType("application/json").body("{\"channel\":\"email\"}")
                    .put("/people/" + owner + "/preferences")
                    .then().statusCode(403).contentType("application/problem+json");
        }

        read(owner, owner).body("channel", equalTo("none"));
    }

    @Test
    void nobodyReadsSomebodyElsesPreferences() {
        String owner = someone("customer");
        given().auth().oauth2(issuer.issue(someone("agent"), "agent")).get("/people/" + owner + "/preferences")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void anAdminReadsAndChangesAnybodysPreferences() {
        String owner = someone("expert");
        String admin = issuer.issue("ops.admin", "admin");

        given().auth().oauth2(admin).get("/people/" + owner + "/preferences")
                .then().statusCode(200).body("channel", equalTo("email"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"channel\":\"none\"}")
                .put("/people/" + owner + "/preferences").then().statusCode(200);

        read(owner, owner).body("channel", equalTo("none"));
    }

    @Test
    void anotherSystemHasNoSayInAPersonsPreferences() {
        String owner = someone("expert");
        String crm = issuer.issue("crm", "integration");
        given().auth().oauth2(crm).get("/people/" + owner + "/preferences").then().statusCode(403);
        given().auth().oauth2(crm).contentType("application/json").body("{\"channel\":\"none\"}")
                .put("/people/" + owner + "/preferences").then().statusCode(403);

        read(owner, owner).body("channel", equalTo("email"));
    }

    private ValidatableResponse read(String caller, String personId) {
        return given().auth().oauth2(issuer.issue(caller, roleOf(caller))).get("/people/" + personId + "/preferences")
                .then();
    }

    private ValidatableResponse choose(String caller, String personId, String channel) {
        return given().auth().oauth2(issuer.issue(caller, roleOf(caller))).contentType("application/json")
                .body("{\"channel\":\"" + channel + "\"}").put("/people/" + personId + "/preferences").then();
    }

    /** A fresh id that says its role, so that tests never share a person. */
    private static String someone(String role) {
        return role + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String roleOf(String person) {
        return person.substring(0, person.indexOf('.'));
    }
}
