package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.newId;
import static io.caseswarm.experts.People.profile;
import static io.caseswarm.experts.People.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Whatever a client sends, the directory answers with a 4xx problem document (never a 500), names the
 * field it could not take, and changes nothing: after each test the directory lists the same people as
 * before, and the person the bad requests aimed at has published nothing but their own later change.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeopleHostileInputTest {

    private static final String SQL = "'; drop table expert_profile; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String HUGE = "x".repeat(5000);
    private static final String SKILL = "hostile-input";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    LocalIssuer issuer;

    @Inject
    ObjectMapper json;

    /** The registered person the bad updates aim at. */
    private String target;
    /** A well-formed new person's profile that each bad registration spoils in one place. */
    private String newcomer;
    private List<Map<String, Object>> directoryBefore;

    @BeforeEach
    void registerTheTargetAndRememberTheDirectory() {
        target = People.register(issuer, SKILL, 3, "available");
        newcomer = profile(newId(), SKILL, 3, "available");
        directoryBefore = directory();
    }

    @AfterEach
    void nothingChangedAndNothingWasPublished() throws Exception {
        assertThat(directory()).as("the directory after the bad requests").isEqualTo(directoryBefore);

        // Events of one person are published in the order they were written: had a bad request changed the
        // target, its event would arrive before this last, good one.
        People.as(issuer, target, Roles.EXPERT).body("{\"presence\": \"busy\"}")
                .put("/people/" + target + "/presence").then().statusCode(200);
        List<ConsumerRecord<String, String>> events = People.eventsOf(bootstrapServers, target, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("expert-registered", "expert-updated");
        JsonNode update = json.readTree(events.get(1).value());
        assertThat(update.get("presence").asText()).isEqualTo("busy");
        assertThat(update.get("name").asText()).isEqualTo("Person " + target);
        assertThat(update.get("skills").get(0).get("level").asInt()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsABadRequest() {
        for (String body : List.of("{\"id\": \"p-1\", \"name\": ", "not json at all", "[]", "\"a string\"", "42",
                "{\"presence\": \"busy\"} {\"presence\": \"offline\"}",
                "{\"presence\": \"offline\", \"presence\": \"busy\"}")) {
            refused(register(body), 400);
            refused(update(target, body), 400);
            refused(presence(target, body), 400);
        }
    }

    @Test
    void personIdsFollowTheEventContractsRuleWithOneMessage() {
        for (String bad : List.of("Ana.Lima", "-ana", "a", "ana lima")) {
            People.as(issuer, "lena.berg", Roles.LEAD).get("/people/" + bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.message", hasItem(PersonIds.MESSAGE));
        }
        refused(register(spoil(newcomer, "\"id\": \"", "\"id\": \"X")), 400, "id");
    }

    @Test
    void anEmptyOrNullBodyIsABadRequest() {
        for (String body : List.of("", "null")) {
            refused(register(body), 400);
            refused(update(target, body), 400);
            refused(presence(target, body), 400);
        }
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        Map<String, String> spoilers = Map.ofEntries(
                Map.entry("\"capacity\": 2|\"capacity\": \"lots\"", "capacity"),
                Map.entry("\"capacity\": 2|\"capacity\": \"2\"", "capacity"),
                Map.entry("\"capacity\": 2|\"capacity\": 2.5", "capacity"),
                Map.entry("\"name\": \"Person |\"name\": 42, \"x\": \"", "name"),
                Map.entry("\"name\": \"Person |\"name\": {\"first\": \"Ana\"}, \"x\": \"", "name"),
                Map.entry("\"skills\": [|\"skills\": \"billing\", \"x\": [", "skills"),
                Map.entry("\"level\": 3|\"level\": \"expert\"", "skills[0].level"),
                Map.entry("\"level\": 3|\"level\": true", "skills[0].level"),
                Map.entry("\"workingHours\": {|\"workingHours\": \"9 to 5\", \"x\": {", "workingHours"),
                Map.entry("\"start\": \"00:00\"|\"start\": \"25:00\"", "workingHours.start"),
                Map.entry("\"presence\": \"available\"|\"presence\": 1", "presence"));
        spoilers.forEach((spoiler, field) -> {
            String[] fromTo = spoiler.split("\\|");
            refused(register(spoil(newcomer, fromTo[0], fromTo[1])), 400, field);
            refused(update(target, spoil(profile(target, SKILL, 3, "available"), fromTo[0], fromTo[1])), 400, field);
        });
        for (String presence : List.of("1", "true", "[\"busy\"]", "{\"state\": \"busy\"}")) {
            refused(presence(target, "{\"presence\": " + presence + "}"), 400, "presence");
        }
    }

    @Test
    void unknownFieldsAreRefusedNamingThem() {
        // roles is a field now (admins and the HR sync grant them); groups, the token's claim, is not.
        refused(register(spoil(newcomer, "{", "{\"groups\": [\"admin\"], ")), 400, "groups");
        refused(register(spoil(newcomer, "\"start\"", "\"days\": \"mon-fri\", \"start\"")), 400,
                "workingHours.days");
        refused(register(spoil(newcomer, "\"level\"", "\"years\": 9, \"level\"")), 400, "skills[0].years");
        refused(update(target, spoil(profile(target, SKILL, 3, "available"), "{", "{\"load\": 0, ")), 400, "load");
        refused(presence(target, "{\"presence\": \"busy\", \"until\": \"tomorrow\"}"), 400, "until");
    }

    @Test
    void missingFieldsAreNamed() {
        refused(register("{\"id\": \"" + newId() + "\"}"), 400,
                "name", "email", "timeZone", "workingHours", "skills", "capacity");
        refused(register(spoil(newcomer, newcomer.substring(0, newcomer.indexOf("\"name\"")), "{")), 400, "id");
        refused(register(spoil(newcomer, "\"name\": \"" + SKILL + "\", ", "")), 400, "skills[0].name");
        refused(register(spoil(newcomer, ", \"level\": 3", "")), 400, "skills[0].level");
        refused(register(spoil(newcomer, ", \"end\": \"23:59\"", "")), 400, "workingHours.end");
        refused(update(target, "{}"), 400, "name", "email", "timeZone", "workingHours", "skills", "capacity");
        refused(presence(target, "{}"), 400, "presence");
        refused(presence(target, "{\"presence\": null}"), 400, "presence");
    }

    @Test
    void anUnknownPresenceIsRefusedNamingTheValuesThatExist() {
        register(spoil(newcomer, "\"available\"", "\"sleeping\"")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'presence' }.message", containsString("available"));
        refused(presence(target, "{\"presence\": \"sleeping\"}"), 400, "presence");
        refused(presence(target, "{\"presence\": \"AWAY\"}"), 400, "presence");
    }

    @Test
    void hugeStringsAreRefusedNamingTheField() {
        String id = newcomer.substring(newcomer.indexOf(": \"") + 3, newcomer.indexOf("\", "));
        refused(register(spoil(newcomer, "\"id\": \"" + id + "\"", "\"id\": \"" + HUGE + "\"")), 400, "id");
        refused(register(spoil(newcomer, "\"name\": \"Person ", "\"name\": \"" + HUGE)), 400, "name");
        refused(register(spoil(newcomer, "\"email\": \"", "\"email\": \"" + HUGE)), 400, "email");
        refused(register(spoil(newcomer, "\"chatHandle\": \"@", "\"chatHandle\": \"" + HUGE)), 400, "chatHandle");
        refused(register(spoil(newcomer, "\"UTC\"", "\"" + HUGE + "\"")), 400, "timeZone");
        refused(register(spoil(newcomer, "\"name\": \"" + SKILL, "\"name\": \"" + HUGE)), 400, "skills[0].name");
        refused(presence(target, "{\"presence\": \"" + HUGE + "\"}"), 400, "presence");
        refused(candidates(Map.of("skills", "x".repeat(600))), 400, "skills");
    }

    @Test
    void aBodyOver64KilobytesIsRefusedBeforeItIsRead() {
        String tooBig = spoil(newcomer, "\"name\": \"Person ", "\"name\": \"" + "x".repeat(70 * 1024));
        refused(register(tooBig), 413);
        refused(update(target, tooBig), 413);
        refused(presence(target, "{\"presence\": \"busy\", \"note\": \"" + "x".repeat(70 * 1024) + "\"}"), 413);
    }

    @Test
    void sqlAndScriptFragmentsAreRefusedAsIdsNamesAndSkills() {
        for (String fragment : List.of(SQL, SCRIPT)) {
            String id = newcomer.substring(newcomer.indexOf(": \"") + 3, newcomer.indexOf("\", "));
            refused(register(spoil(newcomer, "\"id\": \"" + id + "\"", "\"id\": \"" + fragment + "\"")), 400, "id");
            refused(register(spoil(newcomer, "\"name\": \"Person " + id, "\"name\": \"" + fragment)), 400, "name");
            refused(register(spoil(newcomer, "\"email\": \"" + id, "\"email\": \"" + fragment)), 400, "email");
            refused(register(spoil(newcomer, "\"chatHandle\": \"@" + id, "\"chatHandle\": \"" + fragment)), 400,
                    "chatHandle");
            refused(register(spoil(newcomer, "\"name\": \"" + SKILL, "\"name\": \"" + fragment)), 400,
                    "skills[0].name");
            refused(admin().body(profile(target, SKILL, 3, "available").replace(target, "p-x"))
                    .put("/people/{id}", fragment), 400, "id");
            refused(admin().body("{\"presence\": \"busy\"}").put("/people/{id}/presence", fragment), 400, "id");
            refused(admin().get("/people/{id}", fragment), 400, "id");
            refused(candidates(Map.of("skills", fragment)), 400, "skills");
            refused(candidates(Map.of("skills", SKILL + "," + fragment)), 400, "skills");
            refused(candidates(Map.of("skills", SKILL, "exclude", fragment)), 400, "exclude");
        }
        // The table the fragment names is still there and still answers.
        agent().get("/candidates?skills=" + SKILL).then().statusCode(200).body("personId", hasItem(target));
    }

    @Test
    void valuesOutOfRangeAreNamed() {
        Map<String, String> spoilers = Map.ofEntries(
                Map.entry("\"capacity\": 2|\"capacity\": 21", "capacity"),
                Map.entry("\"capacity\": 2|\"capacity\": -1", "capacity"),
                Map.entry("\"level\": 3|\"level\": 0", "skills[0].level"),
                Map.entry("\"level\": 3|\"level\": 6", "skills[0].level"),
                Map.entry("\"name\": \"Person |\"name\": \"" + "n".repeat(200), "name"),
                Map.entry("@example.com\"|\"", "email"),
                Map.entry("@example.com|@" + "e".repeat(320) + ".com", "email"),
                Map.entry("\"UTC\"|\"Mars/Olympus\"", "timeZone"),
                Map.entry("\"end\": \"23:59\"|\"end\": \"00:00\"", "workingHours.end"),
                Map.entry("\"name\": \"" + SKILL + "|\"name\": \"" + "s".repeat(51), "skills[0].name"));
        spoilers.forEach((spoiler, field) -> {
            String[] fromTo = spoiler.split("\\|");
            refused(register(spoil(newcomer, fromTo[0], fromTo[1])), 400, field);
        });

        String skill = "{\"name\": \"" + SKILL + "\", \"level\": 3}";
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "{\"name\": \"s" + i + "\", \"level\": 3}")
                .collect(Collectors.joining(", "));
        String twice = skill.replace(SKILL, "Billing") + ", " + skill.replace(SKILL, "billing ");
        for (String skills : List.of("", fiftyOne, twice)) {
            refused(register(spoil(newcomer, skill, skills)), 400, "skills");
        }
        refused(register(spoil(newcomer, skill, "null")), 400, "skills[0]");
        refused(update(target, profile("p-someone-else", SKILL, 3, "available")), 400);
    }

    @Test
    void candidateQueriesAreChecked() {
        refused(candidates(Map.of()), 400, "skills");
        refused(candidates(Map.of("skills", " , ,")), 400, "skills");
        refused(candidates(Map.of("skills", IntStream.range(0, 51).mapToObj(i -> "s" + i)
                .collect(Collectors.joining(",")))), 400, "skills");
        refused(candidates(Map.of("skills", SKILL, "limit", "0")), 400, "limit");
        refused(candidates(Map.of("skills", SKILL, "limit", "101")), 400, "limit");
        refused(candidates(Map.of("skills", SKILL, "limit", "lots")), 400)
                .body("detail", containsString("limit"));
        agent().get("/candidates?skills=" + SKILL + "&limit=1").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void bodiesThatAreNotJsonAreRefused() {
        for (ContentType type : List.of(ContentType.TEXT, ContentType.XML, ContentType.URLENC)) {
            refused(admin().contentType(type).body("id=" + newId()).post("/people"), 415);
            refused(admin().contentType(type).body("presence=busy").put("/people/" + target + "/presence"), 415);
        }
    }


    private static String spoil(String json, String from, String to) {
        assertThat(json).as("the part to spoil").contains(from);
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private Response register(String body) {
        return admin().body(body).post("/people");
    }

    private Response update(String id, String body) {
        return admin().body(body).put("/people/" + id);
    }

    private Response presence(String id, String body) {
        return admin().body(body).put("/people/" + id + "/presence");
    }

    private Response candidates(Map<String, String> query) {
        return agent().queryParams(query).get("/candidates");
    }

    /** Every person with everything the directory shows of them, but their load, which swarms change. */
    private List<Map<String, Object>> directory() {
        List<Map<String, Object>> people = admin().get("/people").then().statusCode(200).extract().jsonPath()
                .getList("");
        people.forEach(person -> person.remove("load"));
        return people;
    }

    private RequestSpecification admin() {
        return People.as(issuer, "root", Roles.ADMIN);
    }

    private RequestSpecification agent() {
        return People.as(issuer, "ana.lima", Roles.AGENT);
    }
}
