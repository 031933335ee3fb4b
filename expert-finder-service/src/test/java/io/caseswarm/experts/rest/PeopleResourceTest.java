package io.caseswarm.experts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
public class PeopleResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRegisteredPersonIsPublishedAndFoundWithTheirLoad() {
        String id = newId();
        given().contentType(ContentType.JSON).body(person(id, "billing", 4, "available"))
                .when().post("/people")
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("skills.name", contains("billing"))
                .body("load", equalTo(0));

        given().contentType(ContentType.JSON).body("{\"presence\": \"busy\"}")
                .when().put("/people/" + id + "/presence")
                .then().statusCode(200).body("presence", equalTo("busy"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            org.assertj.core.api.Assertions.assertThat(reader.readForKey(id, 2, Duration.ofSeconds(60)))
                    .extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("expert-registered", "expert-updated");
        }
    }

    @Test
    void registeringAnIdTwiceIsAConflictAndBadProfilesAreNamed() {
        String id = newId();
        given().contentType(ContentType.JSON).body(person(id, "billing", 4, "available")).post("/people")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(person(id, "billing", 4, "available")).post("/people")
                .then().statusCode(409).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(person("Not An Id", "billing", 9, "available")
                        .replace("\"UTC\"", "\"Mars/Olympus\""))
                .post("/people")
                .then().statusCode(400)
                .body("errors.field", hasItems("id", "timeZone", "skills[0].level"));
        given().contentType(ContentType.JSON).body(person(newId(), "billing", 3, "sleeping")).post("/people")
                .then().statusCode(400).body("errors.field", hasItem("presence"));
        given().get("/people/nobody-here").then().statusCode(404);
    }

    @Test
    void candidatesAreRankedWithThePartsOfTheirScore() {
        String strong = newId();
        String weak = newId();
        String offline = newId();
        given().contentType(ContentType.JSON).body(person(strong, "kafka-streams", 5, "available")).post("/people");
        given().contentType(ContentType.JSON).body(person(weak, "kafka-streams", 2, "available")).post("/people");
        given().contentType(ContentType.JSON).body(person(offline, "kafka-streams", 5, "offline")).post("/people");

        given().when().get("/candidates?skills=Kafka-Streams")
                .then().statusCode(200)
                .body("personId", contains(strong, weak))
                .body("[0].skillMatch", equalTo(1.0f))
                .body("[0].availability", equalTo(1.0f))
                .body("[0].capacity", equalTo(1.0f))
                .body("[0].matchedSkills", contains("kafka-streams"));
        given().when().get("/candidates?skills=kafka-streams&exclude=" + strong)
                .then().body("personId", contains(weak));
        given().when().get("/candidates").then().statusCode(400);
    }

    public static String person(String id, String skill, int level, String presence) {
        return """
                {"id": "%s", "name": "Person %s", "email": "%s@example.com", "chatHandle": "@%s", "timeZone": "UTC",
                 "workingHours": {"start": "00:00", "end": "23:59"}, "skills": [{"name": "%s", "level": %d}],
                 "capacity": 2, "presence": "%s"}""".formatted(id, id, id, id, skill, level, presence);
    }

    static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
