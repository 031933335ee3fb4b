package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * What a careless or hostile client sends: every bad request gets a 4xx problem document (never a 500)
 * naming the offending field where there is one, and leaves the swarms, their feed and the event store
 * as they were.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmHostileInputTest {

    private static final String DROP_TABLE = "'; drop table swarm_view; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String HUGE = "x".repeat(5_000);

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;
    private String caseId;
    private String swarmId;
    private Snapshot before;

    @BeforeEach
    void aSwarmWithAPostInItsFeed() {
        world = new SwarmFixture(events, issuer, database);
        caseId = world.knownCase(OWNER);
        swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        world.owner().body("{\"text\": \"First findings.\"}").post(posts()).then().statusCode(201);
        before = snapshot();
    }

    @Test
    void malformedJsonIsRefusedAsUnreadable() {
        for (String body : List.of("{\"caseId\": ", "not json at all", "{\"caseId\": \"" + caseId + "\",}", "[]",
                "\"a string\"", "{\"question\": \"unterminated}")) {
            problem(world.owner().body(body).post("/swarms"), 400);
            problem(world.owner().body(body).post(posts()), 400);
            problem(world.expert(RAJ).body(body).post(member(RAJ, "decline")), 400);
        }
        problem(world.owner().contentType(ContentType.TEXT).body("hello").post(posts()), 415);
        problem(world.expert(RAJ).contentType(ContentType.TEXT).body("busy").post(member(RAJ, "decline")), 415);
        problem(world.owner().contentType(ContentType.XML).body("<swarm/>").post("/swarms"), 415);
        assertNothingChanged();
    }

    @Test
    void personIdsInThePathFollowTheEventContractsRuleWithOneMessage() {
        for (String bad : List.of("Raj.Patel", "-raj", "r", "raj patel", "r".repeat(65))) {
            for (String answer : List.of("join", "decline", "leave")) {
                problem(world.expert(RAJ).post("/swarms/" + swarmId + "/members/" + bad + "/" + answer), 400)
                        .body("errors.message", contains(PersonIds.MESSAGE));
            }
        }
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("invited"));
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        fieldError(world.owner().body(requestWith("caseId", "not-a-uuid")).post("/swarms"), "caseId");
        fieldError(world.owner().body(requestWith("caseId", List.of(caseId))).post("/swarms"), "caseId");
        fieldError(world.owner().body(requestWith("teamSize", "three")).post("/swarms"), "teamSize");
        fieldError(world.owner().body(requestWith("skills", "billing")).post("/swarms"), "skills");
        fieldError(world.owner().body(requestWith("skills", List.of("billing", Map.of("name", "sql"))))
                .post("/swarms"), "skills[1]");
        fieldError(world.owner().body(requestWith("question", Map.of("text", "why?"))).post("/swarms"), "question");
        fieldError(world.owner().body(Map.of("text", List.of("a", "b"))).post(posts()), "text");
        fieldError(world.expert(RAJ).body(Map.of("reason", Map.of("why", "busy"))).post(member(RAJ, "decline")),
                "reason");
        assertNothingChanged();
    }

    @Test
    void unknownFieldsAreRefusedNamingThemEvenTheOwnerAndAuthorTheTokenNowSays() {
        fieldError(world.owner().body(requestWith("ownerId", OWNER)).post("/swarms"), "ownerId")
                .body("errors.message", hasItem("unknown field"));
        fieldError(world.owner().body(Map.of("authorId", "raj.patel", "text", "Posing as Raj")).post(posts()),
                "authorId");
        fieldError(world.expert(RAJ).body(Map.of("reason", "busy", "personId", "mei.chen"))
                .post(member(RAJ, "decline")), "personId");
        assertNothingChanged();
    }

    @Test
    void missingFieldsAreNamed() {
        problem(world.owner().body("{}").post("/swarms"), 400)
                .body("errors.field", hasItems("caseId", "question", "skills"));
        fieldError(world.owner().body(requestWith("skills", null)).post("/swarms"), "skills");
        fieldError(world.owner().body("{}").post(posts()), "text");
        fieldError(world.owner().post("/swarms"), "body");
        fieldError(world.owner().post(posts()), "body");
        assertNothingChanged();
    }

    @Test
    void tooLongTooManyAndOutOfRangeValuesAreRefusedNamingTheField() {
        fieldError(world.owner().body(requestWith("question", HUGE)).post("/swarms"), "question");
        fieldError(world.owner().body(requestWith("question", "   ")).post("/swarms"), "question");
        fieldError(world.owner().body(requestWith("stepsTried", HUGE)).post("/swarms"), "stepsTried");
        fieldError(world.owner().body(requestWith("skills", List.of("billing", "s".repeat(51)))).post("/swarms"),
                "skills[1]");
        fieldError(world.owner().body(requestWith("skills", Collections.nCopies(11, "billing"))).post("/swarms"),
                "skills");
        fieldError(world.owner().body(requestWith("skills", List.of())).post("/swarms"), "skills");
        fieldError(world.owner().body(requestWith("teamSize", 11)).post("/swarms"), "teamSize");
        fieldError(world.owner().body(requestWith("teamSize", 0)).post("/swarms"), "teamSize");
        fieldError(world.owner().body(Map.of("text", HUGE)).post(posts()), "text");
        fieldError(world.owner().body(Map.of("text", " ")).post(posts()), "text");
        fieldError(world.expert(RAJ).body(Map.of("reason", HUGE)).post(member(RAJ, "decline")), "reason");
        fieldError(world.owner().queryParam("caseId", "c".repeat(3_000)).get("/swarms"), "caseId");
        // A URL over 4 KB is refused by the HTTP layer before any API code runs, so without a problem document.
        world.owner().queryParam("caseId", HUGE).get("/swarms").then().statusCode(414);
        fieldError(world.owner().queryParam("limit", 100_000).get("/swarms"), "limit");
        assertNothingChanged();
    }

    @Test
    void aBodyOver64KilobytesIsRefusedWith413() {
        String tooBig = "y".repeat(70 * 1024);
        problem(world.owner().body(requestWith("question", tooBig)).post("/swarms"), 413);
        problem(world.owner().body(Map.of("text", tooBig)).post(posts()), 413);
        assertNothingChanged();
    }

    @Test
    void sqlAndScriptFragmentsWhereIdsBelongAreRefusedAndTheTablesSurvive() {
        for (String fragment : List.of(DROP_TABLE, SCRIPT)) {
            fieldError(world.owner().queryParam("caseId", fragment).get("/swarms"), "caseId");
            fieldError(world.owner().body(requestWith("caseId", fragment)).post("/swarms"), "caseId");
            problem(world.owner().get("/swarms/{id}", fragment), 404);
            // Not a person id at all: refused at the edge, before anyone asks whose invitation it is.
            problem(world.expert(RAJ).post("/swarms/{id}/members/{person}/join", swarmId, fragment), 400)
                    .body("errors.message", contains(PersonIds.MESSAGE));
        }
        world.owner().get("/swarms?caseId=" + caseId).then().statusCode(200).body("id", containsInAnyOrder(swarmId));
        assertNothingChanged();
    }

    @Test
    void sqlAndScriptFragmentsInTextComeBackVerbatimAsJson() {
        String text = SCRIPT + " " + DROP_TABLE + " \"quoted\" & \\ ümlaut";
        world.owner().body(Map.of("text", text)).post(posts()).then().statusCode(201)
                .contentType(ContentType.JSON).body("text", equalTo(text));
        world.owner().get(posts()).then().statusCode(200).contentType(ContentType.JSON)
                .body("text", equalTo(List.of("First findings.", text)));

        String second = world.owner().body(requestWith("question", text, "skills", List.of(SCRIPT, DROP_TABLE)))
                .post("/swarms").then().statusCode(201).extract().path("id");
        world.owner().get("/swarms/" + second).then().statusCode(200).contentType(ContentType.JSON)
                .body("question", equalTo(text)).body("skills", equalTo(List.of(SCRIPT, DROP_TABLE)));
        world.owner().get("/swarms?caseId=" + caseId).then().statusCode(200)
                .body("id", containsInAnyOrder(swarmId, second));
    }

    @Test
    void steeringBodiesAreRefusedNamingTheFieldAndChangeNothing() {
        String members = "/swarms/" + swarmId + "/members";
        String more = "/swarms/" + swarmId + "/more-experts";
        String skills = "/swarms/" + swarmId + "/skills";
        String cancel = "/swarms/" + swarmId + "/cancel";
        for (String bad : List.of("Kim.Berg", "-kim", "k", "kim berg", "k".repeat(65), DROP_TABLE, SCRIPT)) {
            fieldError(world.owner().body(Map.of("personId", bad)).post(members), "personId")
                    .body("errors.message", hasItem(PersonIds.MESSAGE));
        }
        fieldError(world.owner().body(Map.of("personId", List.of("kim.berg"))).post(members), "personId");
        fieldError(world.owner().body(Map.of("personId", "kim.berg", "reason", HUGE)).post(members), "reason");
        fieldError(world.owner().body(Map.of("personId", "kim.berg", "status", "joined")).post(members), "status");
        fieldError(world.owner().body("{}").post(members), "personId");
        fieldError(world.owner().post(members), "body");
        for (Object count : List.of(0, 6, -1, 1_000_000)) {
            fieldError(world.owner().body(Map.of("count", count)).post(more), "count");
        }
        fieldError(world.owner().body(Map.of("count", "two")).post(more), "count");
        fieldError(world.owner().body(Map.of("count", 2, "skills", List.of("sso"))).post(more), "skills");
        fieldError(world.owner().body("{}").post(more), "count");
        fieldError(world.owner().body(Map.of("skills", List.of())).put(skills), "skills");
        fieldError(world.owner().body(Map.of("skills", Collections.nCopies(11, "sso"))).put(skills), "skills");
        fieldError(world.owner().body(Map.of("skills", List.of("sso", "s".repeat(51)))).put(skills), "skills[1]");
        fieldError(world.owner().body(Map.of("skills", "sso")).put(skills), "skills");
        fieldError(world.owner().body(Map.of("skills", List.of("sso"), "teamSize", 9)).put(skills), "teamSize");
        fieldError(world.owner().body(Map.of("reason", HUGE)).post(cancel), "reason");
        fieldError(world.owner().body(Map.of("reason", " ")).post(cancel), "reason");
        fieldError(world.owner().body(Map.of("reason", "done", "status", "closed")).post(cancel), "status");
        fieldError(world.owner().post(cancel), "body");
        for (String body : List.of("{\"count\": ", "not json", "[]")) {
            problem(world.owner().body(body).post(members), 400);
            problem(world.owner().body(body).post(more), 400);
            problem(world.owner().body(body).put(skills), 400);
            problem(world.owner().body(body).post(cancel), 400);
        }
        problem(world.owner().contentType(ContentType.TEXT).body("kim.berg").post(members), 415);
        problem(world.owner().contentType(ContentType.TEXT).body("done").post(cancel), 415);
        problem(world.owner().body(Map.of("reason", "y".repeat(70 * 1024))).post(cancel), 413);
        problem(world.owner().body(Map.of("personId", "kim.berg")).post("/swarms/{id}/members", DROP_TABLE), 404);
        assertNothingChanged();
    }

    /** A valid swarm request for the test's case with some fields replaced (a null value removes the field). */
    private Map<String, Object> requestWith(Object... replacements) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("caseId", caseId, "question",
                "Why does the sync stop?", "stepsTried", "Restarted it", "skills", List.of("billing"), "teamSize", 2));
        for (int i = 0; i < replacements.length; i += 2) {
            if (replacements[i + 1] == null) {
                request.remove((String) replacements[i]);
            } else {
                request.put((String) replacements[i], replacements[i + 1]);
            }
        }
        return request;
    }

    private String posts() {
        return "/swarms/" + swarmId + "/posts";
    }

    private String member(String personId, String action) {
        return "/swarms/" + swarmId + "/members/" + personId + "/" + action;
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status));
    }

    private static ValidatableResponse fieldError(Response response, String field) {
        return problem(response, 400).body("errors.field", hasItem(field));
    }

    /** What a user of the API and a subscriber of the topic see of the test's case. */
    private record Snapshot(String swarms, String feed, List<String> storedEvents) {
    }

    private Snapshot snapshot() {
        return new Snapshot(world.owner().get("/swarms?caseId=" + caseId).then().statusCode(200).extract().asString(),
                world.owner().get(posts()).then().statusCode(200).extract().asString(),
                world.storedEventsAbout(caseId));
    }

    private void assertNothingChanged() {
        assertThat(snapshot()).isEqualTo(before);
    }
}
