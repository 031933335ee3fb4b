package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.LEAD;
import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OTHER_AGENT;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static io.caseswarm.swarms.rest.SwarmFixture.swarmRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Who may do what with a swarm: each rule allowed for the right person, refused (and without effect) for others. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmAccessTest {

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @Test
    void anAgentWhoDoesNotOwnTheCaseCannotRequestASwarmOnIt() {
        String caseId = world.knownCase(OWNER);

        forbidden(world.as(OTHER_AGENT, Roles.AGENT).body(swarmRequest(caseId)).post("/swarms").then())
                .body("detail", containsString("Only the owner of case CS-000777 or a lead"));

        world.owner().get("/swarms?caseId=" + caseId).then().statusCode(200).body("size()", equalTo(0));
        assertThat(world.storedEventsAbout(caseId)).isEmpty();
    }

    @Test
    void aLeadRequestsASwarmThatBelongsToTheCaseOwner() {
        String caseId = world.knownCase(OWNER);

        String swarmId = world.lead().body(swarmRequest(caseId)).post("/swarms")
                .then().statusCode(201).body("ownerId", equalTo(OWNER)).body("requestedBy", equalTo(LEAD))
                .extract().path("id");

        world.owner().body("{\"text\": \"Thanks, I take it from here.\"}").post("/swarms/" + swarmId + "/posts")
                .then().statusCode(201).body("authorId", equalTo(OWNER));
    }

    @Test
    void whenTheCaseChangesHandsItsSwarmsGoWithItToTheNewOwner() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);

        world.reassign(caseId, OTHER_AGENT);
        await().atMost(SwarmFixture.PATIENCE).untilAsserted(() -> world.lead().get("/swarms/" + swarmId)
                .then().body("ownerId", equalTo(OTHER_AGENT)));

        RequestSpecification newOwner = world.as(OTHER_AGENT, Roles.AGENT);
        newOwner.body("{\"text\": \"I have the case now.\"}").post("/swarms/" + swarmId + "/posts")
                .then().statusCode(201).body("authorId", equalTo(OTHER_AGENT));
        world.as(OTHER_AGENT, Roles.AGENT).get("/swarms/" + swarmId + "/posts").then().statusCode(200)
                .body("authorId", contains(OTHER_AGENT));
        world.as(OTHER_AGENT, Roles.AGENT).body(swarmRequest(caseId)).post("/swarms").then().statusCode(201)
                .body("ownerId", equalTo(OTHER_AGENT)).body("requestedBy", equalTo(OTHER_AGENT));

        forbidden(world.owner().body("{\"text\": \"Still mine?\"}").post("/swarms/" + swarmId + "/posts").then());
        forbidden(world.owner().get("/swarms/" + swarmId + "/posts").then());
        assertThat(world.storedEventsAbout(caseId)).contains(swarmId + " swarm-owner-changed");
    }

    @Test
    void aSwarmIsRequestedOnlyOnAKnownOpenCaseWithAnOwner() {
        world.owner().body(swarmRequest(UUID.randomUUID().toString())).post("/swarms")
                .then().statusCode(404).contentType("application/problem+json");

        String resolved = world.knownCase(OWNER);
        world.resolve(resolved);
        world.owner().body(swarmRequest(resolved)).post("/swarms")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Case CS-000777 is resolved"));
        String unassigned = world.unassignedCase();
        forbidden(world.as(OWNER, Roles.AGENT).body(swarmRequest(unassigned)).post("/swarms").then());
        world.lead().body(swarmRequest(unassigned)).post("/swarms")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has no owner yet"));

        assertThat(world.storedEventsAbout(resolved)).isEmpty();
        assertThat(world.storedEventsAbout(unassigned)).isEmpty();
    }

    @Test
    void aReopenedCaseIsSwarmedAgainAndClosingTheCaseClosesItsSwarmsForGood() {
        String caseId = world.knownCase(OWNER);
        world.resolve(caseId);

        world.caseMoved(caseId, "case-reopened", "open");
        String again = world.owner().body(swarmRequest(caseId)).post("/swarms").then().statusCode(201)
                .extract().path("id");
        world.caseMoved(caseId, "case-closed", "closed"); // closes its swarms in the same transaction

        world.owner().get("/swarms/" + again).then().body("status", equalTo("closed"));
        world.owner().body(swarmRequest(caseId)).post("/swarms")
                .then().statusCode(409).body("detail", equalTo("Case CS-000777 is closed"));
    }

    @Test
    void mergingACaseIntoAnotherClosesItsSwarmsForGood() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);

        world.caseMoved(caseId, "case-merged", "closed"); // the duplicate is closed by its merge

        world.owner().get("/swarms/" + swarmId).then().body("status", equalTo("closed"));
        world.owner().body(swarmRequest(caseId)).post("/swarms").then().statusCode(409);
    }

    @Test
    void eachEndpointRefusesRolesItDoesNotName() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        List<String> before = world.storedEventsAbout(caseId);

        forbidden(world.as(OWNER, Roles.ADMIN).body(swarmRequest(caseId)).post("/swarms").then());
        forbidden(world.as(OWNER, Roles.EXPERT).body(swarmRequest(caseId)).post("/swarms").then());
        forbidden(world.as("cust-1", Roles.CUSTOMER).get("/swarms/" + swarmId).then());
        forbidden(world.as("cust-1", Roles.CUSTOMER).get("/swarms?caseId=" + caseId).then());
        forbidden(world.as(OWNER, Roles.ADMIN).get("/swarms/" + swarmId + "/posts").then());
        forbidden(world.as("crm", Roles.INTEGRATION).body("{\"text\": \"hello\"}")
                .post("/swarms/" + swarmId + "/posts").then());
        forbidden(world.as(OWNER, Roles.AGENT, Roles.LEAD).post("/swarms/" + swarmId + "/members/ana.lima/join")
                .then());

        for (String role : List.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION)) {
            world.as("reader." + role, role).get("/swarms/" + swarmId).then().statusCode(200);
            world.as("reader." + role, role).get("/swarms?caseId=" + caseId)
                    .then().statusCode(200).body("id", contains(swarmId));
        }
        assertThat(world.storedEventsAbout(caseId)).isEqualTo(before);
        world.owner().get("/swarms/" + swarmId + "/posts").then().statusCode(200).body("", empty());
    }

    @Test
    void anExpertAnswersOnlyTheirOwnInvitationNotEvenALeadAnswersForThem() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ, MEI);
        String meiPath = "/swarms/" + swarmId + "/members/" + MEI;
        List<String> before = world.storedEventsAbout(caseId);

        forbidden(world.expert(RAJ).post(meiPath + "/join").then());
        forbidden(world.expert(RAJ).body("{\"reason\": \"she is busy\"}").post(meiPath + "/decline").then());
        forbidden(world.as(LEAD, Roles.EXPERT, Roles.LEAD).post(meiPath + "/join").then());
        forbidden(world.as(LEAD, Roles.EXPERT, Roles.LEAD).post(meiPath + "/decline").then());

        world.owner().get("/swarms/" + swarmId).then()
                .body("status", equalTo("requested")).body("members.status", contains("invited", "invited"));
        assertThat(world.storedEventsAbout(caseId)).isEqualTo(before);

        world.expert(MEI).post(meiPath + "/join").then().statusCode(200)
                .body("members.status", contains("invited", "joined"));
        forbidden(world.expert(RAJ).post(meiPath + "/leave").then());
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("invited", "joined"));
        world.expert(MEI).post(meiPath + "/leave").then().statusCode(200)
                .body("members.status", contains("invited", "left"));
    }

    @Test
    void theOwnerJoinedMembersAndLeadsPostUnderTheirOwnNames() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        world.expert(RAJ).post("/swarms/" + swarmId + "/members/raj.patel/join").then().statusCode(200);

        post(world.owner(), swarmId, "Customer says it started Monday.").statusCode(201)
                .body("authorId", equalTo(OWNER));
        post(world.expert(RAJ), swarmId, "The sync token expired.").statusCode(201).body("authorId", equalTo(RAJ));
        post(world.lead(), swarmId, "SLA is at risk, thanks for the speed.").statusCode(201)
                .body("authorId", equalTo(LEAD));

        world.owner().get("/swarms/" + swarmId + "/posts").then().statusCode(200)
                .body("authorId", contains(OWNER, RAJ, LEAD))
                .body("text", contains("Customer says it started Monday.", "The sync token expired.",
                        "SLA is at risk, thanks for the speed."));
    }

    @Test
    void invitedDeclinedAndLeftMembersAndStrangersCannotPost() {
        String caseId = world.knownCase(OWNER);
        String swarmId = staffedSwarm(caseId);
        List<String> before = world.storedEventsAbout(caseId);

        forbidden(post(world.expert(RAJ), swarmId, "Not joined yet"));
        forbidden(post(world.expert(MEI), swarmId, "I declined but still..."));
        forbidden(post(world.expert(OTHER_AGENT), swarmId, "I left but still..."));
        forbidden(post(world.expert(STRANGER), swarmId, "Nobody asked me"));
        forbidden(post(world.as(OTHER_AGENT, Roles.AGENT), swarmId, "Another agent"))
                .body("detail", containsString("omar.haddad neither owns nor has joined this swarm"));

        world.owner().get("/swarms/" + swarmId + "/posts").then().statusCode(200).body("", empty());
        assertThat(world.storedEventsAbout(caseId)).isEqualTo(before);
    }

    @Test
    void theOwnerInvitedAndJoinedMembersAndLeadsReadTheFeedOthersDoNot() {
        String caseId = world.knownCase(OWNER);
        String swarmId = staffedSwarm(caseId);
        world.invite(swarmId, caseId, "zoe.kim");
        world.expert("zoe.kim").post("/swarms/" + swarmId + "/members/zoe.kim/join").then().statusCode(200);
        post(world.owner(), swarmId, "What we know so far: the token.").statusCode(201);

        for (RequestSpecification reader : List.of(world.owner(), world.expert(RAJ), world.expert("zoe.kim"),
                world.lead())) {
            reader.get("/swarms/" + swarmId + "/posts").then().statusCode(200)
                    .body("text", contains("What we know so far: the token."));
        }
        forbidden(world.expert(MEI).get("/swarms/" + swarmId + "/posts").then());
        forbidden(world.expert(OTHER_AGENT).get("/swarms/" + swarmId + "/posts").then());
        forbidden(world.expert(STRANGER).get("/swarms/" + swarmId + "/posts").then());
        forbidden(world.as(OTHER_AGENT, Roles.AGENT).get("/swarms/" + swarmId + "/posts").then())
                .body("detail", containsString("neither the owner nor a member"));
    }

    @Test
    void anUnknownSwarmIsNotFoundEvenForALead() {
        String unknown = "/swarms/" + UUID.randomUUID();
        for (ValidatableResponse response : List.of(world.lead().get(unknown).then(),
                world.lead().get(unknown + "/posts").then(),
                world.lead().body("{\"text\": \"Anyone here?\"}").post(unknown + "/posts").then(),
                world.as(LEAD, Roles.EXPERT, Roles.LEAD).post(unknown + "/members/lena.berg/join").then())) {
            response.statusCode(404).contentType("application/problem+json");
        }
    }

    /** Raj invited, Mei declined, Omar (an agent who is an expert too) joined and left. */
    private String staffedSwarm(String caseId) {
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ, MEI, OTHER_AGENT);
        world.expert(MEI).post("/swarms/" + swarmId + "/members/mei.chen/decline").then().statusCode(200);
        world.as(OTHER_AGENT, Roles.AGENT, Roles.EXPERT).post("/swarms/" + swarmId + "/members/omar.haddad/join")
                .then().statusCode(200);
        world.as(OTHER_AGENT, Roles.AGENT, Roles.EXPERT).post("/swarms/" + swarmId + "/members/omar.haddad/leave")
                .then().statusCode(200).body("members.status", contains("invited", "declined", "left"));
        return swarmId;
    }

    private static ValidatableResponse post(RequestSpecification author, String swarmId, String text) {
        return author.body("{\"text\": \"%s\"}".formatted(text)).post("/swarms/" + swarmId + "/posts").then();
    }

    private static ValidatableResponse forbidden(ValidatableResponse response) {
        return response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
