package io.caseswarm.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What a swarm asks of its case on somebody's behalf (Slack's "Notify customer" and "Resolve case"):
 * case-service writes the public message or resolves the case as that person, through the REST API's own
 * commands and rules; what those rules refuse is recorded on the case once, as
 * {@code case-swarm-action-refused}, and the consumer goes on with the next event.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmAsksTheCaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    EventSender events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    LocalIssuer issuer;

    @Test
    void aCustomerUpdateAskedFromTheSwarmIsAPublicMessageInThePersonsName() {
        String caseId = openCase();
        String swarmId = swarmWithMember(caseId, "raj.patel");

        askCustomerUpdate(swarmId, caseId, "ana.lima", List.of("agent"), "  We found the cause: an expired token.  ");

        await().atMost(PATIENCE).untilAsserted(() -> asOwner().get("/cases/" + caseId + "/messages").then()
                .body("items.size()", equalTo(1)));
        asOwner().get("/cases/" + caseId + "/messages").then()
                .body("items[0].body", equalTo("We found the cause: an expired token."))
                .body("items[0].visibility", equalTo("public")).body("items[0].authorId", equalTo("ana.lima"))
                .body("items[0].authorRole", equalTo("agent"));
    }

    @Test
    void aResolutionAskedFromTheSwarmResolvesTheCaseAndASecondIsRefusedOnceWithoutRetrying() {
        String caseId = openCase();
        String swarmId = swarmWithMember(caseId, "raj.patel");

        askResolution(swarmId, caseId, "ana.lima", List.of("agent"), "Rotated the expired sync token",
                List.of("raj.patel"));
        await().atMost(PATIENCE).untilAsserted(() -> asOwner().get("/cases/" + caseId).then()
                .body("status", equalTo("resolved")));
        asOwner().get("/cases/" + caseId).then().body("resolution.summary", equalTo("Rotated the expired sync token"))
                .body("resolution.helpedBy", contains("raj.patel"));

        // Asked again (Slack showed a stale message): the case is resolved already.
        String requestId = UUID.randomUUID().toString();
        EventSender.Sent again = events.send("swarm-events", swarmId, "swarm-resolution-requested",
                resolution(swarmId, caseId, requestId, "ana.lima", List.of("agent"), "Once more", List.of()));
        events.redeliver(again);
        // An event after it on the same swarm is applied: the refusal holds nothing up.
        events.send("swarm-events", swarmId, "swarm-member-left",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"raj.patel\"}".formatted(swarmId, caseId));
        await().atMost(PATIENCE).untilAsserted(() -> asOwner().get("/cases/" + caseId).then()
                .body("swarms[0].memberIds.size()", equalTo(0)));

        List<Map<String, Object>> refusals = refusals(caseId);
        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused).containsEntry("swarmId", swarmId).containsEntry("requestId", requestId)
                    .containsEntry("action", "resolve").containsEntry("personId", "ana.lima");
            assertThat((String) refused.get("reason")).contains("resolved");
        });
        asOwner().get("/cases/" + caseId).then().body("status", equalTo("resolved"))
                .body("resolution.summary", equalTo("Rotated the expired sync token"));
        // Published as documented: the reader checks each record against the AsyncAPI document and its schemas.
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            assertThat(reader.readUntil(records -> records.stream().anyMatch(r -> caseId.equals(r.key())
                    && "case-swarm-action-refused".equals(TopicReader.header(r, "ce_type"))), PATIENCE).stream()
                    .filter(r -> caseId.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")))
                    .containsOnlyOnce("case-resolved", "case-swarm-action-refused");
        }
    }

    @Test
    void requestsTheApisRulesRefuseChangeNothingAndAreRecordedAsRefused() {
        String caseId = openCase();
        String swarmId = swarmWithMember(caseId, "raj.patel");
        String otherCasesSwarm = swarmWithMember(openCase(), "mei.chen");

        // An expert who is no agent or lead writes to no customer.
        askCustomerUpdate(swarmId, caseId, "raj.patel", List.of("expert"), "Hi, I am the expert");
        // Another agent is not the case's owner: they do not resolve it.
        askResolution(swarmId, caseId, "omar.haddad", List.of("agent"), "Fixed", List.of());
        // A swarm of another case, named for this one.
        askCustomerUpdate(otherCasesSwarm, caseId, "ana.lima", List.of("agent"), "Forged");
        // Longer than POST /cases/{id}/messages takes, and empty.
        askCustomerUpdate(swarmId, caseId, "ana.lima", List.of("agent"), "x".repeat(20_001));
        askResolution(swarmId, caseId, "ana.lima", List.of("lead"), " ", List.of());
        // Somebody never in a swarm of the case named as having helped.
        askResolution(swarmId, caseId, "ana.lima", List.of("agent"), "Fixed", List.of("mei.chen"));

        // The forged one is keyed by the other swarm, so it may come in any order with the rest.
        await().atMost(PATIENCE).until(() -> refusals(caseId).size() == 6);
        List<String> reasons = refusals(caseId).stream().map(refused -> (String) refused.get("reason")).toList();
        for (String why : List.of("Only agents and leads write to customers", "Only the case's owner",
                "is not a swarm on this case", "1 to 20000 characters", "1 to 10000 characters", "mei.chen")) {
            assertThat(reasons).filteredOn(reason -> reason.contains(why)).as(why).hasSize(1);
        }
        asOwner().get("/cases/" + caseId).then().body("status", equalTo("open"));
        asOwner().get("/cases/" + caseId + "/messages").then().body("items.size()", equalTo(0));
    }

    private void askCustomerUpdate(String swarmId, String caseId, String personId, List<String> roles, String text) {
        events.send("swarm-events", swarmId, "swarm-customer-update-requested", """
                {"swarmId":"%s","caseId":"%s","requestId":"%s","personId":"%s","roles":%s,"text":"%s",
                 "requestedAt":"2026-12-02T10:00:00Z"}""".formatted(swarmId, caseId, UUID.randomUUID(), personId,
                json(roles), text));
    }

    private void askResolution(String swarmId, String caseId, String personId, List<String> roles, String summary,
            List<String> helpedBy) {
        events.send("swarm-events", swarmId, "swarm-resolution-requested",
                resolution(swarmId, caseId, UUID.randomUUID().toString(), personId, roles, summary, helpedBy));
    }

    private static String resolution(String swarmId, String caseId, String requestId, String personId,
            List<String> roles, String summary, List<String> helpedBy) {
        return """
                {"swarmId":"%s","caseId":"%s","requestId":"%s","personId":"%s","roles":%s,"summary":"%s",
                 "helpedBy":%s,"requestedAt":"2026-12-02T10:00:00Z"}""".formatted(swarmId, caseId, requestId,
                personId, json(roles), summary, json(helpedBy));
    }

    private static String json(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString();
    }

    /** The case's refusals, oldest first, as its history shows them to staff. */
    private List<Map<String, Object>> refusals(String caseId) {
        return asOwner().get("/cases/" + caseId + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == 'case-swarm-action-refused' }.data");
    }

    private String swarmWithMember(String caseId, String personId) {
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why does the sync stop?",
                 "skills":["billing"],"teamSize":2}""".formatted(swarmId, caseId));
        events.send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\"}".formatted(swarmId, caseId, personId));
        await().atMost(PATIENCE).untilAsserted(() -> asOwner().get("/cases/" + caseId)
                .then().body("swarms.find { it.swarmId == '%s' }.memberIds".formatted(swarmId), contains(personId)));
        return swarmId;
    }

    private String openCase() {
        return asOwner().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "cust-7", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "ownerId": "ana.lima"}""")
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification asOwner() {
        return given().auth().oauth2(issuer.issue("ana.lima", "agent"));
    }
}
