package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.HR_SYSTEM;
import static io.caseswarm.experts.People.newId;
import static io.caseswarm.experts.People.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * People linked to their Slack user, with the roles they act with there: the link is part of the profile,
 * the roles are granted by admins and the HR sync only, and both reach subscribers on expert-events.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleSlackLinkTest {

    private static final String SKILL = "slack-links";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    @Test
    void theHrSyncLinksAPersonToSlackWithRolesAndSubscribersReadBoth() throws Exception {
        String id = newId();
        String slackUser = slackUser();
        hr().body(linked(id, slackUser, "[\"expert\", \"agent\", \"expert\"]")).post("/people").then().statusCode(201)
                .body("slackUserId", equalTo(slackUser)).body("roles", contains("agent", "expert"));

        // The person edits their own profile, without roles: the roles stay as the HR sync set them.
        as(id, Roles.EXPERT).body(profile(id, SKILL, 4, "busy").replace("\"capacity\"",
                "\"slackUserId\": \"" + slackUser + "\", \"capacity\"")).put("/people/" + id).then().statusCode(200)
                .body("slackUserId", equalTo(slackUser)).body("roles", contains("agent", "expert"));

        List<ConsumerRecord<String, String>> events = People.eventsOf(bootstrapServers, id, 2);
        JsonNode registered = json.readTree(events.get(0).value());
        JsonNode updated = json.readTree(events.get(1).value());
        assertThat(registered.get("slackUserId").asText()).isEqualTo(slackUser);
        assertThat(registered.get("roles")).hasSize(2);
        assertThat(updated.get("slackUserId").asText()).isEqualTo(slackUser);
        assertThat(updated.get("roles").toString()).isEqualTo("[\"agent\",\"expert\"]");
    }

    @Test
    void aProfileWithoutALinkHasNoneAndNoRoles() {
        String id = newId();
        hr().body(profile(id, SKILL, 3, "available")).post("/people").then().statusCode(201)
                .body("slackUserId", nullValue()).body("roles.size()", equalTo(0));
    }

    @Test
    void onlyAdminsAndTheHrSyncGrantRolesNeverThePersonNorALead() {
        String id = newId();
        hr().body(profile(id, SKILL, 3, "available")).post("/people").then().statusCode(201);

        as(id, Roles.EXPERT).body(linked(id, slackUser(), "[\"admin\"]")).put("/people/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        as("lena.berg", Roles.LEAD).body(linked(id, slackUser(), "[\"lead\"]")).put("/people/" + id)
                .then().statusCode(403);
        as("lena.berg", Roles.LEAD).body(linked(newId(), slackUser(), "[\"lead\"]")).post("/people")
                .then().statusCode(403);
        as("ola", Roles.ADMIN).body(linked(id, slackUser(), "[\"lead\"]")).put("/people/" + id)
                .then().statusCode(200).body("roles", contains("lead"));
        as("ola", Roles.AGENT).get("/people/" + id).then().body("roles", contains("lead"));
    }

    @Test
    void badSlackUsersAndRolesAreRefusedAndASlackUserIsOnePersonsOnly() {
        for (String bad : List.of("u0123abcd", "C0123ABCD", "U", "U0123ABCD<script>", "U" + "A".repeat(30))) {
            hr().body(linked(newId(), bad, "[]")).post("/people").then().statusCode(400)
                    .contentType("application/problem+json").body(containsString("slackUserId"));
        }
        for (String roles : List.of("[\"root\"]", "[null]", "[\"admin\",\"admin\",\"lead\",\"agent\",\"expert\",\"integration\",\"customer\"]")) {
            hr().body(linked(newId(), slackUser(), roles)).post("/people").then().statusCode(400)
                    .contentType("application/problem+json");
        }

        String slackUser = slackUser();
        String first = newId();
        hr().body(linked(first, slackUser, "[]")).post("/people").then().statusCode(201);
        String second = newId();
        hr().body(linked(second, slackUser, "[]")).post("/people").then().statusCode(409)
                .body(containsString("linked to another person"));
        hr().body(profile(second, SKILL, 3, "available")).post("/people").then().statusCode(201);
        hr().body(linked(second, slackUser, "[]")).put("/people/" + second).then().statusCode(409);
        // The first person keeps their own link when their profile is saved again.
        hr().body(linked(first, slackUser, "[\"expert\"]")).put("/people/" + first).then().statusCode(200);
    }

    private static String slackUser() {
        return "U" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    private static String linked(String id, String slackUserId, String roles) {
        return profile(id, SKILL, 3, "available").replace("\"capacity\"",
                "\"slackUserId\": \"" + slackUserId + "\", \"roles\": " + roles + ", \"capacity\"");
    }

    private RequestSpecification hr() {
        return as(HR_SYSTEM, Roles.INTEGRATION);
    }

    private RequestSpecification as(String user, String... roles) {
        return People.as(issuer, user, roles);
    }
}
