package io.caseswarm.experts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /experts/stats}: who the finder asked over a window, how evenly, and their load now. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExpertStatsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    EventSender events;
    LocalIssuer issuer;

    @Test
    void theStatsCountTheInvitationsOfTheWindowAndTheLoadOfThoseAsked() {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 6);
        String best = People.register(issuer, skill, 5, "available");
        String second = People.register(issuer, skill, 4, "available");
        String unasked = People.register(issuer, skill, 1, "available");
        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000042","ownerId":"ana.lima","skills":["%s"],"teamSize":2,
                 "priority":"normal"}""".formatted(swarmId, UUID.randomUUID(), skill));
        await().atMost(PATIENCE).untilAsserted(() -> People.as(issuer, "lena.berg", Roles.LEAD).get("/people/" + second)
                .then().body("load", equalTo(1)));

        JsonPath stats = People.as(issuer, "lena.berg", Roles.LEAD).get("/experts/stats?window=PT1H&top=200").then()
                .statusCode(200).extract().jsonPath();

        List<Map<String, Object>> most = stats.getList("mostInvited");
        assertThat(most).filteredOn(p -> List.of(best, second).contains(p.get("personId")))
                .extracting(p -> p.get("invitations"), p -> p.get("lapsed"), p -> p.get("load"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(1, 0, 1));
        assertThat(most).extracting(p -> p.get("personId")).doesNotContain(unasked);
        assertThat(stats.getLong("invitations")).isGreaterThanOrEqualTo(2);
        assertThat(stats.getLong("people")).isGreaterThanOrEqualTo(3);
        assertThat(stats.getDouble("gini")).isBetween(0.0, 1.0).isGreaterThan(0.0);
        // A longer window holds them too; admins may look as leads may.
        assertThat(People.as(issuer, "ada.admin", Roles.ADMIN).get("/experts/stats?window=P1D&top=200").then()
                .statusCode(200).extract().jsonPath().getList("mostInvited.personId")).contains(best, second);
    }

    @Test
    void badWindowsAndTopsAreRefusedAndOnlyLeadsAndAdminsMayLook() {
        for (String bad : List.of("window=P400D", "window=PT5M", "window=thirty", "window=P1D%27%3B", "top=0", "top=201",
                "window=" + "P1D".repeat(10))) {
            People.as(issuer, "lena.berg", Roles.LEAD).get("/experts/stats?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        People.as(issuer, "raj.patel", Roles.EXPERT).get("/experts/stats").then().statusCode(403);
        People.as(issuer, "ana.lima", Roles.AGENT).get("/experts/stats").then().statusCode(403);
        given().get("/experts/stats").then().statusCode(401);
    }
}
