package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.HR_SYSTEM;
import static io.caseswarm.experts.People.newId;
import static io.caseswarm.experts.People.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

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

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    LocalIssuer issuer;

    @Test
    void aRegisteredPersonIsPublishedAndFoundWithTheirLoad() {
        String id = newId();
        as(HR_SYSTEM, Roles.INTEGRATION).body(profile(id, "billing", 4, "available"))
                .when().post("/people")
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("skills.name", contains("billing"))
                .body("load", equalTo(0));

        as(id, Roles.EXPERT).body("{\"presence\": \"busy\"}")
                .when().put("/people/" + id + "/presence")
                .then().statusCode(200).body("presence", equalTo("busy"));
        as("ana.lima", Roles.AGENT).get("/people/" + id).then().statusCode(200).body("presence", equalTo("busy"));

        assertThat(People.eventsOf(bootstrapServers, id, 2))
                .extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("expert-registered", "expert-updated");
    }

    @Test
    void registeringAnIdTwiceIsAConflictAndBadProfilesAreNamed() {
        String id = newId();
        as("root", Roles.ADMIN).body(profile(id, "billing", 4, "available")).post("/people")
                .then().statusCode(201);
        as("root", Roles.ADMIN).body(profile(id, "billing", 4, "available")).post("/people")
                .then().statusCode(409).contentType("application/problem+json");

        as("root", Roles.ADMIN).body(profile("Not An Id", "billing", 9, "available")
                        .replace("\"UTC\"", "\"Mars/Olympus\""))
                .post("/people")
                .then().statusCode(400)
                .body("errors.field", hasItems("id", "timeZone", "skills[0].level"));
        as("root", Roles.ADMIN).body(profile(newId(), "billing", 3, "sleeping")).post("/people")
                .then().statusCode(400).body("errors.field", hasItem("presence"));
        as("ana.lima", Roles.AGENT).get("/people/nobody-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void candidatesAreRankedWithThePartsOfTheirScore() {
        String strong = People.register(issuer, "kafka-streams", 5, "available");
        String weak = People.register(issuer, "kafka-streams", 2, "available");
        People.register(issuer, "kafka-streams", 5, "offline");

        as("ana.lima", Roles.AGENT).when().get("/candidates?skills=Kafka-Streams")
                .then().statusCode(200)
                .body("personId", contains(strong, weak))
                .body("[0].skillMatch", equalTo(1.0f))
                .body("[0].availability", equalTo(1.0f))
                .body("[0].capacity", equalTo(1.0f))
                .body("[0].matchedSkills", contains("kafka-streams"));
        as("ana.lima", Roles.AGENT).when().get("/candidates?skills=kafka-streams&exclude=" + strong)
                .then().body("personId", contains(weak));
        as("ana.lima", Roles.AGENT).when().get("/candidates").then().statusCode(400)
                .body("errors.field", contains("skills"));
    }

    private RequestSpecification as(String user, String... roles) {
        return People.as(issuer, user, roles);
    }
}
