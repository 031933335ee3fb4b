package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OTHER_AGENT;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.PATIENCE;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Pods in swarm-service: a swarm goes to the pod of its case's product; the pod's leads see and steer its
 * swarms (leads of other pods do not), remove members and close swarms; the swarm's type sets its team.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PodSwarmsTest {

    /** Leads the pod of these tests; {@link SwarmFixture#LEAD} leads none. */
    private static final String POD_LEAD = "pia.lund";
    /** Leads another pod. */
    private static final String OTHER_POD_LEAD = "olaf.dahl";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;
    private String podId;
    private String product;

    @BeforeEach
    void aPodAndAnotherOne() {
        world = new SwarmFixture(events, issuer, database);
        podId = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        product = "Ledger " + podId;
        definePod(podId, List.of(product.toUpperCase()), List.of(POD_LEAD));
        definePod("other-" + podId, List.of("Other " + podId), List.of(OTHER_POD_LEAD));
    }

    @Test
    void aSwarmGoesToThePodOfItsCasesProductIsUrgentOnAnUrgentCaseAndItsLeadsAreNamed() throws Exception {
        String caseId = productCase(product, "urgent");

        String swarmId = request(caseId, null).then().statusCode(201)
                .body("podId", equalTo(podId)).body("type", equalTo("urgent"))
                .body("teamSize", equalTo(5)).extract().path("id");

        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            JsonNode requested = json.readTree(reader.readForKey(swarmId, 1, PATIENCE).getFirst().value());
            assertThat(requested.get("podId").asText()).isEqualTo(podId);
            assertThat(requested.get("type").asText()).isEqualTo("urgent");
            assertThat(requested.get("podLeadIds")).extracting(JsonNode::asText).containsExactly(POD_LEAD);
        }
    }

    @Test
    void aGivenTypeStandsItsTeamIsTheTypesAndACaseOfNoPodsProductGoesToNoPod() {
        String caseId = productCase(product, "urgent");
        request(caseId, "\"backlog\"").then().statusCode(201).body("type", equalTo("backlog")).body("teamSize",
                equalTo(2));

        String unrouted = productCase("Nobody's product", "normal");
        request(unrouted, null).then().statusCode(201).body("podId", nullValue()).body("type", equalTo("standard"))
                .body("teamSize", equalTo(3));
        request(world.knownCase(OWNER), "\"critical\"").then().statusCode(400);
    }

    @Test
    void aProductChangedOnTheCaseRoutesItsNextSwarmToTheNewPod() {
        String caseId = productCase("Nobody's product", "normal");
        events.send("case-events", caseId, "case-updated", """
                {"caseId":"%s","changes":[{"field":"product","from":"Nobody's product","to":"%s"}]}"""
                .formatted(caseId, product));
        await().atMost(PATIENCE).until(() -> productOf(caseId).equals(product));

        request(caseId, null).then().statusCode(201).body("podId", equalTo(podId));
    }

    @Test
    void thePodsLeadSeesItsOpenSwarmsAndByStatusTheRestButNobodyElseDoes() {
        String open = swarmOfThePod();
        String closed = swarmOfThePod();
        world.owner().body(Map.of("reason", "Answered in the feed")).post("/swarms/" + closed + "/close")
                .then().statusCode(200).body("status", equalTo("closed"));
        String elsewhere = world.swarmOn(productCase("Nobody's product", "normal"));

        lead(POD_LEAD).get("/pods/" + podId + "/swarms").then().statusCode(200)
                .body("id", hasItem(open)).body("id", not(hasItem(closed))).body("id", not(hasItem(elsewhere)));
        lead(POD_LEAD).get("/pods/" + podId + "/swarms?status=closed").then().statusCode(200)
                .body("id", contains(closed));
        lead(POD_LEAD).get("/pods/" + podId + "/swarms?status=all").then().statusCode(200)
                .body("size()", equalTo(2));
        world.as("ada.admin", Roles.ADMIN).get("/pods/" + podId + "/swarms").then().statusCode(200)
                .body("id", contains(open));

        refused(lead(OTHER_POD_LEAD).get("/pods/" + podId + "/swarms").then(), 403);
        refused(world.lead().get("/pods/" + podId + "/swarms").then(), 403);
        refused(world.as(POD_LEAD, Roles.AGENT).get("/pods/" + podId + "/swarms").then(), 403);
        refused(world.as(POD_LEAD, Roles.EXPERT).get("/pods/" + podId + "/swarms").then(), 403);
        refused(lead(POD_LEAD).get("/pods/no-such-pod/swarms").then(), 404);
        refused(lead(POD_LEAD).get("/pods/Not_A_Pod/swarms").then(), 400);
        refused(lead(POD_LEAD).get("/pods/" + podId + "/swarms?status=everything").then(), 400);
        refused(lead(POD_LEAD).get("/pods/" + podId + "/swarms?limit=501").then(), 400);
    }

    @Test
    void thePodsLeadSteersItsSwarmsAndTheLeadsOfOtherPodsDoNot() {
        String swarmId = swarmOfThePod();
        String caseId = world.owner().get("/swarms/" + swarmId).then().extract().path("caseId");
        world.invite(swarmId, caseId, RAJ);
        String path = "/swarms/" + swarmId;

        for (RequestSpecification notTheirs : List.of(lead(OTHER_POD_LEAD), world.lead())) {
            refused(notTheirs.body(Map.of("personId", MEI)).post(path + "/members").then(), 403)
                    .body("detail", containsString(podId));
            refused(notTheirs.body(Map.of("count", 1)).post(path + "/more-experts").then(), 403);
            refused(notTheirs.body(Map.of("skills", List.of("sso"))).put(path + "/skills").then(), 403);
            refused(notTheirs.delete(path + "/members/" + RAJ).then(), 403);
            refused(notTheirs.body(Map.of("reason", "mine now")).post(path + "/close").then(), 403);
            refused(notTheirs.body(Map.of("reason", "mine now")).post(path + "/cancel").then(), 403);
        }
        world.owner().get(path).then().body("status", equalTo("requested")).body("members.personId", contains(RAJ))
                .body("teamSize", equalTo(3)).body("skills", contains("billing"));

        lead(POD_LEAD).body(Map.of("personId", MEI)).post(path + "/members").then().statusCode(200);
        lead(POD_LEAD).body(Map.of("count", 1)).post(path + "/more-experts").then().statusCode(202);
        lead(POD_LEAD).body(Map.of("reason", "Not needed")).post(path + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
    }

    @Test
    void theOwnerOrThePodsLeadRemovesAMemberWhoIsRecordedAsRemovedAndMayBeAddedBack() throws Exception {
        String swarmId = swarmOfThePod();
        String caseId = world.owner().get("/swarms/" + swarmId).then().extract().path("caseId");
        world.invite(swarmId, caseId, RAJ, MEI);
        String path = "/swarms/" + swarmId;

        lead(POD_LEAD).queryParam("reason", "Wrong area").delete(path + "/members/" + RAJ).then().statusCode(200)
                .body("members.find { it.personId == '" + RAJ + "' }.status", equalTo("removed"));
        world.expert(MEI).post(path + "/members/" + MEI + "/join").then().statusCode(200);
        world.owner().delete(path + "/members/" + MEI).then().statusCode(200)
                .body("members.status", contains("removed", "removed"));

        refused(world.owner().delete(path + "/members/" + MEI).then(), 409);
        refused(world.owner().delete(path + "/members/" + STRANGER).then(), 409);
        refused(world.owner().delete(path + "/members/" + OWNER).then(), 409);
        refused(world.expert(RAJ).delete(path + "/members/" + RAJ).then(), 403);
        refused(world.as(OTHER_AGENT, Roles.AGENT).delete(path + "/members/" + RAJ).then(), 403);
        refused(world.owner().delete(path + "/members/Not%20An%20Id").then(), 400);
        refused(world.owner().queryParam("reason", "x".repeat(501)).delete(path + "/members/" + RAJ).then(), 400);
        refused(world.owner().delete("/swarms/" + UUID.randomUUID() + "/members/" + RAJ).then(), 404);
        refused(world.expert(MEI).body(Map.of("text", "still here?")).post(path + "/posts").then(), 403);

        world.owner().body(Map.of("personId", RAJ)).post(path + "/members").then().statusCode(200)
                .body("members.find { it.personId == '" + RAJ + "' }.status", equalTo("joined"));
        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(swarmId, 7, PATIENCE);
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly("swarm-requested",
                    "swarm-member-invited", "swarm-member-invited", "swarm-member-removed", "swarm-member-joined",
                    "swarm-member-removed", "swarm-member-added");
            JsonNode removed = json.readTree(records.get(3).value());
            assertThat(removed.get("personId").asText()).isEqualTo(RAJ);
            assertThat(removed.get("removedBy").asText()).isEqualTo(POD_LEAD);
            assertThat(removed.get("reason").asText()).isEqualTo("Wrong area");
        }
    }

    @Test
    void theOwnerClosesTheSwarmWithAReasonOnceAndNothingMoreHappensInIt() throws Exception {
        String swarmId = swarmOfThePod();
        String caseId = world.owner().get("/swarms/" + swarmId).then().extract().path("caseId");
        world.invite(swarmId, caseId, RAJ);
        world.expert(RAJ).post("/swarms/" + swarmId + "/members/" + RAJ + "/join").then().statusCode(200);
        String path = "/swarms/" + swarmId;

        refused(world.owner().body(Map.of("reason", "")).post(path + "/close").then(), 400);
        refused(world.owner().body(Map.of("reason", "x".repeat(501))).post(path + "/close").then(), 400);
        refused(world.owner().body(Map.of("reason", "done", "closedBy", "someone.else")).post(path + "/close").then(),
                400);
        refused(world.owner().body("reason=done").contentType("text/plain").post(path + "/close").then(), 415);
        refused(world.expert(RAJ).body(Map.of("reason", "done")).post(path + "/close").then(), 403);
        refused(world.as(OTHER_AGENT, Roles.AGENT).body(Map.of("reason", "done")).post(path + "/close").then(), 403);

        world.owner().body(Map.of("reason", "Answered: a stale cache")).post(path + "/close").then().statusCode(200)
                .body("status", equalTo("closed"));
        refused(lead(POD_LEAD).body(Map.of("reason", "again")).post(path + "/close").then(), 409);
        refused(world.expert(RAJ).body(Map.of("text", "one more")).post(path + "/posts").then(), 409);

        try (TopicReader reader = new TopicReader(bootstrapServers, "swarm-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(swarmId, 4, PATIENCE);
            assertThat(TopicReader.header(records.get(3), "ce_type")).isEqualTo("swarm-closed");
            JsonNode closed = json.readTree(records.get(3).value());
            assertThat(closed.get("closedBy").asText()).isEqualTo(OWNER);
            assertThat(closed.get("reason").asText()).isEqualTo("Answered: a stale cache");
            assertThat(closed.get("memberIds")).extracting(JsonNode::asText).containsExactly(RAJ);
        }
    }

    @Test
    void anAutomationRuleAsksForASwarmOfAType() {
        String caseId = productCase(product, "normal");
        events.send("case-events", caseId, "case-swarm-wanted", """
                {"caseId":"%s","number":"CS-000777","ownerId":"%s","skills":["billing"],"teamSize":2,
                 "question":"Refund stuck","requestedBy":"automation:backlog-swarm","type":"backlog"}"""
                .formatted(caseId, OWNER));

        await().atMost(PATIENCE).untilAsserted(() -> world.owner().get("/swarms?caseId=" + caseId).then()
                .body("size()", equalTo(1)).body("[0].type", equalTo("backlog")).body("[0].podId", equalTo(podId))
                .body("[0].teamSize", equalTo(2)));
    }

    private String swarmOfThePod() {
        return request(productCase(product, "normal"), null).then().statusCode(201).body("podId", equalTo(podId))
                .extract().path("id");
    }

    private io.restassured.response.Response request(String caseId, String type) {
        return world.owner().body("""
                {"caseId": "%s", "question": "Why is the ledger off?", "skills": ["billing"], "type": %s}"""
                .formatted(caseId, type)).post("/swarms");
    }

    /** The expert finder defines a pod; returns once swarm-service knows it. */
    private void definePod(String id, List<String> products, List<String> leads) {
        events.send("expert-events", id, "pod-defined", """
                {"podId":"%s","name":"Pod %s","products":%s,"skills":["billing"],"members":[],"leads":%s,
                 "slackChannel":null,"definedBy":"root","definedAt":"2026-12-01T09:00:00Z"}"""
                .formatted(id, id, jsonList(products), jsonList(leads)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from pod where pod_id = ?", id) == 1);
    }

    /** An open case of {@code product} and {@code priority} owned by the fixture's owner, once known. */
    private String productCase(String product, String priority) {
        String caseId = UUID.randomUUID().toString();
        events.send("case-events", caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000778","subject":"Ledger off","priority":"%s","product":"%s"}"""
                .formatted(caseId, priority, product));
        events.send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, OWNER));
        await().atMost(PATIENCE).until(() -> count("select count(*) from known_case where case_id = ?::uuid"
                + " and owner_id is not null", caseId) == 1);
        return caseId;
    }

    private String productOf(String caseId) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(product, '') from known_case where case_id = ?::uuid")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }

    private int count(String sql, String parameter) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String jsonList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private RequestSpecification lead(String personId) {
        return world.as(personId, Roles.LEAD);
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status).contentType("application/problem+json");
    }
}
