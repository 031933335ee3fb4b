package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.newId;
import static io.caseswarm.experts.People.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** An HR sync sends the directory as NDJSON: good lines go in as POST /people's would, bad ones are named. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleImportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    LocalIssuer issuer;

    @Test
    void goodLinesAreAppliedAndFoundAndBadLinesAreNamedByNumber() {
        String skill = "import-" + newId();
        String existing = People.register(issuer, "before-import", 2, "available");
        String newcomer = newId();
        String body = String.join("\n",
                profile(newcomer, skill, 5, "available").replace("\n", " "),
                "{\"id\": \"p-broken\", \"name\": ",
                profile(newId(), skill, 4, "available").replace("\n", " ").replace("\"capacity\"", "\"salary\": 1, \"capacity\""),
                profile(newId(), "x".repeat(20_000), 4, "available").replace("\n", " "),
                "",
                profile(existing, skill, 3, "busy").replace("\n", " "),
                profile(newId(), skill, 9, "available").replace("\n", " "));

        importing(People.HR_SYSTEM, Roles.INTEGRATION, body).then().statusCode(200)
                .body("applied", equalTo(2))
                .body("failed.line", contains(2, 3, 4, 7))
                .body("failed[1].problems.field", contains("salary"))
                .body("failed[1].problems.message", contains("unknown field"))
                .body("failed[3].problems.field", contains("skills[0].level"));

        // Found at once by the finder (its index learned of them on commit), the changed person with their new skill.
        People.as(issuer, "ana.lima", Roles.AGENT).queryParam("skills", skill).get("/candidates").then()
                .statusCode(200).body("personId", contains(newcomer, existing));
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + existing).then().statusCode(200)
                .body("presence", equalTo("busy"));
        // Published through the outbox as POST /people would have.
        assertThat(People.eventsOf(bootstrapServers, newcomer, 1)).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("expert-registered");
        assertThat(People.eventsOf(bootstrapServers, existing, 2)).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("expert-registered", "expert-updated");
    }

    @Test
    void onlyAdminsAndTheHrSyncImport() {
        String id = newId();
        for (String role : List.of(Roles.EXPERT, Roles.AGENT, Roles.LEAD)) {
            importing("someone", role, profile(id, "billing", 3, "available").replace("\n", " ")).then()
                    .statusCode(403);
        }
        given().contentType(PeopleImportResource.NDJSON)
                .body(profile(id, "billing", 3, "available").getBytes(StandardCharsets.UTF_8))
                .post("/people/import").then().statusCode(401);
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(404);
    }

    @Test
    void aBodyWithNothingToApplyIsAProblemAndChangesNothing() {
        importing("root", Roles.ADMIN, "").then().statusCode(400).contentType("application/problem+json");
        importing("root", Roles.ADMIN, "\n  \n").then().statusCode(400).contentType("application/problem+json");
        String id = newId();
        importing("root", Roles.ADMIN, "not json\n" + profile(id, "billing", 0, "available").replace("\n", " "))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 1: body"))
                .body("errors.field", hasItem("line 2: skills[0].level"));
        People.as(issuer, "ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(404);
    }

    @Test
    void onlyNdjsonIsTakenAndNotBeyondTheSizeLimit() {
        People.as(issuer, "root", Roles.ADMIN).body(profile(newId(), "billing", 3, "available"))
                .post("/people/import").then().statusCode(415);
        byte[] huge = new byte[64 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        importing("root", Roles.ADMIN, huge).then().statusCode(413).contentType("application/problem+json");
    }

    private io.restassured.response.Response importing(String user, String role, Object body) {
        RequestSpecification request = given().auth().oauth2(issuer.issue(user, role))
                .contentType(PeopleImportResource.NDJSON);
        // As bytes: RestAssured encodes strings only for content types it knows.
        return request.body(body instanceof byte[] bytes ? bytes : ((String) body).getBytes(StandardCharsets.UTF_8))
                .post("/people/import");
    }
}
