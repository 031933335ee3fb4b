package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.HR_SYSTEM;
import static io.caseswarm.experts.People.newId;
import static io.caseswarm.experts.People.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Who may change whose profile and presence, and who may read the directory and the candidates. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleAccessTest {

    private static final String SKILL = "access-rules";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    @Test
    void adminsLeadsAndTheHrSystemRegisterPeople() {
        for (String role : List.of(Roles.ADMIN, Roles.LEAD, Roles.INTEGRATION)) {
            String id = newId();
            as("someone-" + role, role).body(profile(id, SKILL, 3, "available")).post("/people")
                    .then().statusCode(201).body("id", equalTo(id));
            as("ana.lima", Roles.AGENT).get("/people/" + id)
                    .then().statusCode(200).body("name", equalTo("Person " + id));
        }
    }

    @Test
    void expertsAgentsAndCustomersCannotRegisterAnyoneNotEvenThemselves() {
        String id = newId();
        for (String role : List.of(Roles.EXPERT, Roles.AGENT, Roles.CUSTOMER)) {
            as(id, role).body(profile(id, SKILL, 5, "available")).post("/people")
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }

        as("ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(404);
        // Had any refused call registered the id, this would be a conflict.
        as(HR_SYSTEM, Roles.INTEGRATION).body(profile(id, SKILL, 2, "away")).post("/people")
                .then().statusCode(201);
        assertThat(People.eventsOf(bootstrapServers, id, 1)).singleElement()
                .satisfies(record -> assertThat(data(record).get("presence").asText()).isEqualTo("away"));
    }

    @Test
    void expertsAndAgentsUpdateTheirOwnProfile() {
        String expert = People.register(issuer, SKILL, 2, "available");
        String agent = People.register(issuer, SKILL, 1, "available");

        as(expert, Roles.EXPERT).body(profile(expert, SKILL, 4, "available").replace("Person ", "Dr "))
                .put("/people/" + expert)
                .then().statusCode(200).body("name", equalTo("Dr " + expert)).body("skills[0].level", equalTo(4));
        // The id may be left out of the body: the path names the person.
        as(agent, Roles.AGENT).body(profile(agent, "billing", 3, "busy").replace("\"id\": \"" + agent + "\", ", ""))
                .put("/people/" + agent)
                .then().statusCode(200).body("skills.name", contains("billing")).body("presence", equalTo("busy"));

        as("ana.lima", Roles.AGENT).get("/people/" + expert).then().body("skills[0].level", equalTo(4));
    }

    @Test
    void adminsLeadsAndTheHrSystemUpdateAnyonesProfile() {
        String id = People.register(issuer, SKILL, 2, "available");
        Map<String, Integer> levelByRole = Map.of(Roles.ADMIN, 3, Roles.LEAD, 4, Roles.INTEGRATION, 5);

        levelByRole.forEach((role, level) -> as("someone-" + role, role).body(profile(id, SKILL, level, "available"))
                .put("/people/" + id)
                .then().statusCode(200).body("skills[0].level", equalTo(level)));
    }

    @Test
    void nobodyElseUpdatesAProfileAndItStaysAsItWas() {
        String id = People.register(issuer, SKILL, 2, "available");
        String before = as(id, Roles.EXPERT).get("/people/" + id).then().statusCode(200).extract().asString();
        String takeover = profile(id, SKILL, 5, "available").replace(id + "@example.com", "attacker@example.com");

        as(newId(), Roles.EXPERT).body(takeover).put("/people/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        as(newId(), Roles.AGENT).body(takeover).put("/people/" + id).then().statusCode(403);
        // Their own name in the token, but a role that does not keep a profile.
        as(id, Roles.CUSTOMER).body(takeover).put("/people/" + id).then().statusCode(403);

        assertThat(as(id, Roles.EXPERT).get("/people/" + id).then().extract().asString()).isEqualTo(before);
        as(id, Roles.EXPERT).body("{\"presence\": \"busy\"}").put("/people/" + id + "/presence")
                .then().statusCode(200);
        assertOnlyChangeWasTheirOwnPresence(id, "busy");
    }

    @Test
    void expertsAndAgentsSetTheirOwnPresence() {
        String expert = People.register(issuer, SKILL, 2, "available");
        String agent = People.register(issuer, SKILL, 2, "available");

        as(expert, Roles.EXPERT).body("{\"presence\": \"away\"}").put("/people/" + expert + "/presence")
                .then().statusCode(200).body("presence", equalTo("away"));
        as(agent, Roles.AGENT).body("{\"presence\": \"offline\"}").put("/people/" + agent + "/presence")
                .then().statusCode(200).body("presence", equalTo("offline"));
    }

    @Test
    void adminsAndAChatSystemSetAnyonesPresence() {
        String id = People.register(issuer, SKILL, 2, "available");

        as("chat-sync", Roles.INTEGRATION).body("{\"presence\": \"busy\"}").put("/people/" + id + "/presence")
                .then().statusCode(200).body("presence", equalTo("busy"));
        as("root", Roles.ADMIN).body("{\"presence\": \"offline\"}").put("/people/" + id + "/presence")
                .then().statusCode(200).body("presence", equalTo("offline"));
    }

    @Test
    void leadsAndOtherPeopleCannotSetSomeonesPresenceAndItStaysAsItWas() {
        String id = People.register(issuer, SKILL, 2, "available");

        for (RequestSpecification stranger : List.of(as(newId(), Roles.EXPERT), as(newId(), Roles.AGENT),
                as("lena.berg", Roles.LEAD), as(id, Roles.CUSTOMER))) {
            stranger.body("{\"presence\": \"offline\"}").put("/people/" + id + "/presence")
                    .then().statusCode(403).contentType("application/problem+json");
        }

        as("ana.lima", Roles.AGENT).get("/people/" + id).then().body("presence", equalTo("available"));
        as(id, Roles.EXPERT).body("{\"presence\": \"away\"}").put("/people/" + id + "/presence")
                .then().statusCode(200);
        assertOnlyChangeWasTheirOwnPresence(id, "away");
    }

    @Test
    void everyoneWhoWorksCasesReadsTheDirectoryButCustomersDoNot() {
        String id = People.register(issuer, SKILL, 2, "available");

        for (String role : List.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION)) {
            as("reader", role).get("/people/" + id).then().statusCode(200).body("id", equalTo(id));
            as("reader", role).get("/people").then().statusCode(200).body("id", hasItem(id));
        }
        for (RequestSpecification outsider : List.of(as("cust-1", Roles.CUSTOMER), as("nobody"))) {
            outsider.get("/people/" + id).then().statusCode(403).contentType("application/problem+json");
        }
        as(id, Roles.CUSTOMER).get("/people").then().statusCode(403);
    }

    @Test
    void candidatesAreForWhoeverAssemblesASwarm() {
        String id = People.register(issuer, "candidate-rules", 4, "available");

        for (String role : List.of(Roles.AGENT, Roles.LEAD, Roles.ADMIN)) {
            as("asker", role).get("/candidates?skills=candidate-rules")
                    .then().statusCode(200).body("personId", contains(id));
        }
        for (String role : List.of(Roles.EXPERT, Roles.INTEGRATION, Roles.CUSTOMER)) {
            as("asker", role).get("/candidates?skills=candidate-rules")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    /**
     * The person's events are published in the order they were written: if a refused call had changed
     * anything, its event would come before their own presence change, which is the last one here.
     */
    private void assertOnlyChangeWasTheirOwnPresence(String id, String presence) {
        List<ConsumerRecord<String, String>> events = People.eventsOf(bootstrapServers, id, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("expert-registered", "expert-updated");
        JsonNode update = data(events.get(1));
        assertThat(update.get("presence").asText()).isEqualTo(presence);
        assertThat(update.get("email").asText()).isEqualTo(id + "@example.com");
        assertThat(update.get("skills").get(0).get("level").asInt()).isEqualTo(2);
    }

    private JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private RequestSpecification as(String user, String... roles) {
        return People.as(issuer, user, roles);
    }
}
