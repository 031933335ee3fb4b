package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.OTHER_AGENT;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Who may open the live streams and mark answers, and what a careless or hostile client gets instead: a
 * problem document before any stream opens, never somebody else's inbox, never a post of another swarm.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmLiveAccessTest {

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;
    private String caseId;
    private String swarmId;
    private String postId;

    @BeforeEach
    void aSwarmWithAPost() {
        world = new SwarmFixture(events, issuer, database);
        caseId = world.knownCase(OWNER);
        swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        world.expert(RAJ).post(path("members/" + RAJ + "/join")).then().statusCode(200);
        postId = world.expert(RAJ).body(Map.of("text", "Renew the OAuth token, @ana.lima"))
                .post(path("posts")).then().statusCode(201).body("mentions", contains(OWNER)).extract().path("id");
    }

    @Test
    void theRoomStreamIsOpenOnlyToWhoMayReadTheFeedAndRefusesBeforeItOpens() {
        problem(given().get(path("stream")), 401);
        problem(world.as(OTHER_AGENT, Roles.AGENT).get(path("stream")), 403);
        problem(world.expert(STRANGER).get(path("stream")), 403);
        problem(world.as("ada.admin", Roles.ADMIN).get(path("stream")), 403);
        problem(world.owner().get("/swarms/" + UUID.randomUUID() + "/stream"), 404);
        problem(world.as("cust-1", Roles.CUSTOMER).get("/inbox/stream"), 403);
        problem(given().get("/inbox/stream"), 401);
    }

    @Test
    void aLastEventIdThatIsNoIdOfTheStreamIs400() {
        for (String bad : new String[] { "abc", "-1", "1.5", "99999999999999999999", "0x10", " " + "9".repeat(19) }) {
            fieldError(world.owner().header("Last-Event-ID", bad).get(path("stream")), "Last-Event-ID");
            fieldError(world.owner().get(path("stream") + "?lastEventId=" + bad.strip()), "lastEventId");
            fieldError(world.expert(RAJ).header("Last-Event-ID", bad).get("/inbox/stream"), "Last-Event-ID");
        }
        // The swarm has 4 events: there is no event 5 to resume after, in it or in the store yet.
        fieldError(world.owner().header("Last-Event-ID", "5").get(path("stream")), "Last-Event-ID");
        fieldError(world.expert(RAJ).header("Last-Event-ID", "999999999").get("/inbox/stream"), "Last-Event-ID");
    }

    @Test
    void theInboxIsAlwaysTheCallersOwnAndTakesNoOtherParameter() {
        fieldError(world.owner().get("/inbox/stream?personId=" + RAJ), "personId");
        fieldError(world.owner().get("/inbox/stream?lastEventId=1&for=" + RAJ), "for");
    }

    @Test
    void theOwnerOrALeadMarksOnePostOfTheSwarmAsTheAnswerAndTheFeedShowsIt() {
        for (String[] who : new String[][] { { OTHER_AGENT, Roles.AGENT }, { RAJ, Roles.EXPERT },
                { "ada.admin", Roles.ADMIN } }) {
            problem(world.as(who[0], who[1]).post(answer(postId)), 403);
        }
        problem(given().post(answer(postId)), 401);
        problem(world.owner().post(answer(UUID.randomUUID().toString())), 404);
        problem(world.owner().post("/swarms/" + UUID.randomUUID() + "/posts/" + postId + "/answer"), 404);
        String otherSwarm = world.swarmOn(world.knownCase(OWNER));
        problem(world.owner().post("/swarms/" + otherSwarm + "/posts/" + postId + "/answer"), 404);
        problem(world.owner().delete(answer(postId)), 409);

        world.owner().post(answer(postId)).then().statusCode(200).body("answer", equalTo(true));
        problem(world.lead().post(answer(postId)), 409);
        world.expert(RAJ).get(path("posts")).then().statusCode(200).body("answer", contains(true))
                .body("mentions[0]", contains(OWNER));
        world.owner().get(path("history")).then().body("type", hasItem("swarm-answer-marked"))
                .body("find { it.type == 'swarm-answer-marked' }.data.markedBy", equalTo(OWNER));

        String second = world.owner().body(Map.of("text", "Or restart it")).post(path("posts")).then()
                .statusCode(201).extract().path("id");
        problem(world.owner().post(answer(second)), 409);
        world.lead().delete(answer(postId)).then().statusCode(200).body("answer", equalTo(false));
        world.lead().post(answer(second)).then().statusCode(200).body("answer", equalTo(true));
        world.owner().get(path("posts")).then().body("answer", contains(false, true));
    }

    private String answer(String post) {
        return path("posts/" + post + "/answer");
    }

    private String path(String rest) {
        return "/swarms/" + swarmId + "/" + rest;
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status));
    }

    private static ValidatableResponse fieldError(Response response, String field) {
        return problem(response, 400).body("errors.field", hasItem(field));
    }
}
