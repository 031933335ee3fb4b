package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.caseswarm.swarms.rest.SwarmFixture.STRANGER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.actionlink.ActionLink;
import io.caseswarm.platform.actionlink.ActionLinkSigner;
import io.caseswarm.platform.actionlink.ActionLinks;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The join and decline links of invitation mails, followed as a browser would, without a bearer token. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionLinksTest {

    @Inject
    ActionLinks links;

    @Inject
    SettableClock clock;

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;

    @BeforeEach
    void setUp() {
        world = new SwarmFixture(events, issuer, database);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void openingALinkAsksFirstAndChangesNothingThenTheFormJoinsOnceAndOnlyOnce() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.owner().body(SwarmFixture.swarmRequest(caseId)
                .replace("Why does the sync stop?", "Why does <script>sync</script> & \\\"co\\\" stop?"))
                .post("/swarms").then().statusCode(201).extract().path("id");
        world.invite(swarmId, caseId, RAJ);
        String token = links.issue(RAJ, "join", swarmId);

        // A mail scanner fetching the link first, and then the person: twice the question, no change.
        for (int fetch = 0; fetch < 2; fetch++) {
            given().get("/actions/" + token).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                    .body(containsString("CS-000777"))
                    .body(containsString("Why does &lt;script&gt;sync&lt;/script&gt; &amp; &quot;co&quot; stop?"))
                    .body(not(containsString("<script>")))
                    .body(containsString("<form method=\"post\" action=\"" + token + "\">"))
                    .body(containsString("Join this swarm"));
        }
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("invited"));

        given().contentType("application/x-www-form-urlencoded").post("/actions/" + token)
                .then().statusCode(200).body(containsString("You joined the swarm on CS-000777"));
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("joined"));

        given().contentType("application/x-www-form-urlencoded").post("/actions/" + token)
                .then().statusCode(410).body(containsString("used already"));
        given().get("/actions/" + token).then().statusCode(410).body(containsString("used already"));
    }

    @Test
    void anExpiredLinkIsRefusedAndTheInvitationStaysOpenUntilADeclineLinkWithinItsTime() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, MEI);
        String expiring = links.issue(MEI, "join", swarmId);
        String decline = links.issue(MEI, "decline", swarmId);

        clock.set(Instant.now().plus(Duration.ofHours(73)));
        given().get("/actions/" + expiring).then().statusCode(410).body(containsString("expired"));
        given().post("/actions/" + expiring).then().statusCode(410).body(containsString("expired"));
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("invited"));

        clock.reset();
        given().get("/actions/" + decline).then().statusCode(200).body(containsString("Decline this swarm"));
        given().post("/actions/" + decline).then().statusCode(200)
                .body(containsString("You declined the swarm on CS-000777"));
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("declined"));
    }

    @Test
    void changedForeignOrMangledLinksAreRefusedAndSoIsAPersonTheSwarmNeverInvited() {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        String token = links.issue(RAJ, "join", swarmId);
        String otherSecret = new ActionLinkSigner("somebody-elses-secret-0123456789abcdef").sign(new ActionLink(
                UUID.randomUUID(), RAJ, "join", swarmId, Instant.now().plus(Duration.ofHours(1))));
        String changed = token.substring(0, token.indexOf('.') - 2) + "AA" + token.substring(token.indexOf('.'));

        for (String forged : new String[] {otherSecret, changed.equals(token) ? token.replace("A.", "B.") : changed}) {
            given().get("/actions/" + forged).then().statusCode(403).body(containsString("not valid"));
            given().post("/actions/" + forged).then().statusCode(403);
        }
        given().get("/actions/not-a-link").then().statusCode(400).body(containsString("not a working link"));
        given().post("/actions/" + token.substring(0, token.length() - 10)).then().statusCode(400);
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("invited"));

        // Signed, but the person was never invited: the swarm's own rule refuses, and nothing changes.
        given().post("/actions/" + links.issue(STRANGER, "join", swarmId)).then().statusCode(409)
                .body(containsString("Nothing was changed"));
        world.owner().get("/swarms/" + swarmId).then().body("members.personId", contains(RAJ));
    }

    /** Two clicks at once (a double click, or the mail opened on two devices): one joins, the other is told. */
    @Test
    void theSameLinkPostedTwiceAtOnceActsOnce() throws Exception {
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        String token = links.issue(RAJ, "join", swarmId);

        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = clicks.invokeAll(List.<Callable<Integer>>of(
                    () -> given().post("/actions/" + token).statusCode(),
                    () -> given().post("/actions/" + token).statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 410);
        } finally {
            clicks.shutdown();
        }
        world.owner().get("/swarms/" + swarmId).then().body("members.status", contains("joined"));
        assertThat(world.storedEventsAbout(caseId)).filteredOn(event -> event.endsWith(" swarm-member-joined"))
                .hasSize(1);
    }
}
