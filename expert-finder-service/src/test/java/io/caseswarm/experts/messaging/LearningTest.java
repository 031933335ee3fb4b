package io.caseswarm.experts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The finder learns who knows what from what happened, on the real broker: credits on resolved cases' swarms,
 * resolved cases, published articles and their use on cases, fading with time; and recent invitations weigh on people.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LearningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    SettableClock clock;

    EventSender events;

    LocalIssuer issuer;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void creditsRevealAnExpertNobodyDeclaredAndTheInvitationSaysWhy() throws Exception {
        String skill = newSkill();
        String declared = register(skill, 2);
        String learner = register("knitting", 3);
        String owner = register("knitting", 1);
        Instant now = Instant.now();
        EventSender.Sent first = credit(learner, skill, "Billing Cloud", true, now);
        credit(learner, skill, "Billing Cloud", true, now);
        events.redeliver(first); // the same event again: counted once
        // The same credit in a new event (another id): the same swarm and person, counted once too.
        events.send("swarm-events", "s", "swarm-member-credited", """
                {"swarmId":"%s","caseId":"%s","personId":"%s","skills":["%s"],"posts":3,"helped":true,
                 "creditedAt":"%s"}""".formatted(first.subject(), UUID.randomUUID(), learner, skill, now));

        // Two fresh "helped" credits: 2 / (2 + 1) of an expert, above a declared level 2 (0.4).
        await().atMost(PATIENCE).untilAsserted(() -> agent().queryParam("skills", skill).get("/candidates")
                .then().statusCode(200)
                .body("[0].personId", equalTo(learner))
                .body("[0].skillMatch", equalTo(0.667f))
                .body("[0].matchedSkills", equalTo(List.of(skill)))
                .body("[0].evidence[0]", startsWith("helped on 2 swarms on " + skill + " in the last 180 days"))
                .body("[1].personId", equalTo(declared))
                .body("[1].evidence", equalTo(List.of("declared " + skill + " at level 2"))));

        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","caseNumber":"CS-000777","ownerId":"%s","skills":["%s"],"teamSize":1,
                 "question":"Why does the export stop?","product":"Billing Cloud"}"""
                .formatted(swarmId, UUID.randomUUID(), owner, skill));
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            List<ConsumerRecord<String, String>> invited = reader.readForKey(swarmId, 1, PATIENCE);
            JsonNode invitation = json.readTree(invited.getFirst().value());
            assertThat(invitation.get("personId").asText()).isEqualTo(learner);
            assertThat(invitation.at("/scoreParts/skillMatch").asDouble()).isEqualTo(0.667);
            assertThat(invitation.at("/scoreParts/productFit").asDouble()).as("two Billing Cloud swarms")
                    .isEqualTo(0.667);
            assertThat(invitation.get("evidence").get(0).asText()).startsWith("helped on 2 swarms on " + skill);
        }

        JsonPath log = lead().get("/staffing/" + swarmId).then().statusCode(200).extract().jsonPath();
        assertThat(log.getString("caseNumber")).isEqualTo("CS-000777");
        assertThat(log.getString("product")).isEqualTo("Billing Cloud");
        assertThat(log.getList("decisions.reason")).containsExactly("requested");
        assertThat(log.getList("decisions[0].invited")).containsExactly(learner);
        assertThat(log.getList("decisions[0].ranked.personId")).containsExactly(learner, declared);
        assertThat(log.getString("decisions[0].ranked[1].evidence[0]")).isEqualTo("declared " + skill + " at level 2");

        People.as(issuer, owner, Roles.AGENT).get("/staffing/" + swarmId).then().statusCode(200);
        People.as(issuer, "someone.else", Roles.AGENT).get("/staffing/" + swarmId).then().statusCode(403)
                .contentType("application/problem+json");
        People.as(issuer, learner, Roles.EXPERT).get("/staffing/" + swarmId).then().statusCode(403);
        lead().get("/staffing/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        lead().get("/staffing/not-a-uuid").then().statusCode(404);
    }

    @Test
    void evidenceFadesWithItsHalfLife() {
        String skill = newSkill();
        String fresh = register("knitting", 1);
        String old = register("knitting", 1);
        Instant now = Instant.now();
        credit(fresh, skill, null, false, now); // in the swarm, no posts: a quarter of a credit
        credit(old, skill, null, true, now.minus(Duration.ofDays(90))); // helped, one half-life ago: half a credit
        credit(old, skill, null, true, now.minus(Duration.ofDays(900))); // ten half-lives ago: next to nothing

        await().atMost(PATIENCE).untilAsserted(() -> agent().queryParam("skills", skill).get("/candidates")
                .then().statusCode(200)
                .body("personId", equalTo(List.of(old, fresh)))
                .body("skillMatch", equalTo(List.of(0.334f, 0.2f))));

        clock.set(now.plus(Duration.ofDays(90))); // another half-life on: both halve
        agent().queryParam("skills", skill).get("/candidates").then()
                .body("personId", equalTo(List.of(old, fresh)))
                .body("skillMatch", equalTo(List.of(0.2f, 0.111f)));
    }

    @Test
    void theSolverOfACaseLikeThisOneIsAskedWithThatCaseAsEvidence() throws Exception {
        String nobodysSkill = newSkill();
        String solver = register("knitting", 3);
        String owner = register("knitting", 1);
        String caseId = UUID.randomUUID().toString();
        events.send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","number":"CS-000321","subject":"Fattura duplicata dopo il rinnovo dell'abbonamento",
                 "description":"Perché il cliente riceve due fatture?","product":"Billing Cloud","ownerId":"%s",
                 "resolution":{"summary":"Il rinnovo automatico girava due volte","helpedBy":[]},
                 "resolvedAt":"%s"}""".formatted(caseId, solver, Instant.now()));

        String question = "Una fattura duplicata dopo il rinnovo: perche?"; // typed without the accent
        await().atMost(PATIENCE).untilAsserted(() -> agent().queryParam("skills", nobodysSkill)
                .queryParam("text", question).get("/candidates").then().statusCode(200)
                .body("personId", equalTo(List.of(solver))));

        String swarmId = UUID.randomUUID().toString();
        events.send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"%s","skills":["%s"],"teamSize":1,"question":"%s"}"""
                .formatted(swarmId, UUID.randomUUID(), owner, nobodysSkill, question));
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            JsonNode invitation = json.readTree(reader.readForKey(swarmId, 1, PATIENCE).getFirst().value());
            assertThat(invitation.get("personId").asText()).isEqualTo(solver);
            assertThat(invitation.get("evidence").toString()).contains("solved CS-000321, a case like this one");
            assertThat(invitation.at("/scoreParts/similarCase").asDouble()).isGreaterThan(0.5);
        }
    }

    @Test
    void theAuthorOfAPublishedArticleKnowsWhatItsTagsName() {
        String skill = newSkill();
        String author = register("knitting", 2);
        String articleId = UUID.randomUUID().toString();
        events.send("knowledge-events", articleId, "article-published", """
                {"articleId":"%s","title":"Rotating the SFTP keys","tags":["%s","sftp"],"product":null,
                 "visibility":"internal","authorId":"%s","publishedAt":"%s"}"""
                .formatted(articleId, skill.toUpperCase(), author, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> agent().queryParam("skills", skill).get("/candidates")
                .then().statusCode(200)
                .body("personId", equalTo(List.of(author)))
                .body("[0].evidence", hasItem(
                        "authored 1 article on " + skill + " in the last 180 days: Rotating the SFTP keys")));
    }

    @Test
    void anArticleThatHelpedOnACaseCountsForItsAuthorOncePerCaseAndNotWhenTheyMarkedItThemselves() {
        String skill = newSkill();
        String author = register("knitting", 2);
        UUID articleId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        EventSender.Sent used = articleUsed(articleId, caseId, "raj.patel", author, "Rotating the SFTP keys", skill, now);
        events.redeliver(used); // the same event again: counted once
        // Marked on the same case again by someone else, in a new event: still the one use.
        articleUsed(articleId, caseId, "ana.lima", author, "Rotating the SFTP keys", skill, now.plusSeconds(1));
        // The author vouching for their own article teaches nothing.
        articleUsed(articleId, UUID.randomUUID(), author, author, "Rotating the SFTP keys", skill, now.plusSeconds(2));
        // Used on another case after a revision was published: the last event of the article's (ordered) partition,
        // the one to wait for.
        articleUsed(articleId, UUID.randomUUID(), "raj.patel", author, "Rotating SFTP keys (revised)", skill,
                now.plusSeconds(3));

        // Two uses, a quarter of a fresh credit each: 0.5 / (0.5 + 1) of an expert.
        await().atMost(PATIENCE).untilAsserted(() -> agent().queryParam("skills", skill).get("/candidates")
                .then().statusCode(200)
                .body("personId", equalTo(List.of(author)))
                .body("[0].evidence", hasItem(allOf(
                        startsWith("wrote an article used on 2 cases on " + skill + " in the last 180 days: "),
                        containsString("Rotating the SFTP keys"), containsString("Rotating SFTP keys (revised)"))))
                .body("[0].skillMatch", equalTo(0.333f)));
    }

    @Test
    void recentInvitationsWeighOnAPersonSoTheNextEqualSwarmAsksTheOther() throws Exception {
        String skill = newSkill();
        String one = register(skill, 4);
        String other = register(skill, 4);
        String owner = register("knitting", 1);
        String firstSwarm = UUID.randomUUID().toString();
        String secondSwarm = UUID.randomUUID().toString();
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            events.send("swarm-events", firstSwarm, "swarm-requested", """
                    {"swarmId":"%s","caseId":"%s","ownerId":"%s","skills":["%s"],"teamSize":1}"""
                    .formatted(firstSwarm, UUID.randomUUID(), owner, skill));
            String firstAsked = json.readTree(reader.readForKey(firstSwarm, 1, PATIENCE).getFirst().value())
                    .get("personId").asText();
            events.send("swarm-events", firstSwarm, "swarm-member-joined",
                    "{\"swarmId\":\"%s\",\"personId\":\"%s\"}".formatted(firstSwarm, firstAsked));
            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + firstAsked).then()
                    .body("load", equalTo(1)));
            events.send("swarm-events", firstSwarm, "swarm-closed",
                    "{\"swarmId\":\"%s\",\"reason\":\"case-resolved\"}".formatted(firstSwarm));
            await().atMost(PATIENCE).untilAsserted(() -> lead().get("/people/" + firstAsked).then()
                    .body("load", equalTo(0)));

            // Equal again in skills, availability and load: only the first one's recent invitation tells them apart.
            events.send("swarm-events", secondSwarm, "swarm-requested", """
                    {"swarmId":"%s","caseId":"%s","ownerId":"%s","skills":["%s"],"teamSize":1}"""
                    .formatted(secondSwarm, UUID.randomUUID(), owner, skill));
            JsonNode second = json.readTree(reader.readForKey(secondSwarm, 1, PATIENCE).getFirst().value());
            assertThat(second.get("personId").asText()).isEqualTo(firstAsked.equals(one) ? other : one);
            assertThat(second.at("/scoreParts/fatigue").asDouble()).isZero();
        }
        agent().queryParam("skills", skill).get("/candidates").then()
                .body("find { it.fatigue > 0 }.evidence", hasItem("asked once in the last 28 days"));
    }

    private EventSender.Sent credit(String personId, String skill, String product, boolean helped, Instant at) {
        String swarmId = UUID.randomUUID().toString();
        return events.send("swarm-events", swarmId, "swarm-member-credited", """
                {"swarmId":"%s","caseId":"%s","personId":"%s","skills":["%s"],"product":%s,"posts":%d,
                 "helped":%s,"creditedAt":"%s"}""".formatted(swarmId, UUID.randomUUID(), personId, skill,
                product == null ? "null" : "\"" + product + "\"", helped ? 4 : 0, helped, at));
    }

    private EventSender.Sent articleUsed(UUID articleId, UUID caseId, String usedBy, String authorId, String title,
            String skill, Instant at) {
        return events.send("knowledge-events", articleId.toString(), "article-used", """
                {"articleId":"%s","caseId":"%s","usedBy":"%s","authorId":"%s","title":"%s",
                 "tags":["%s","sftp"],"product":null,"usedAt":"%s"}"""
                .formatted(articleId, caseId, usedBy, authorId, title, skill.toUpperCase(), at));
    }

    private static String newSkill() {
        return "skill-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String register(String skill, int level) {
        return People.register(issuer, skill, level, "available");
    }

    private RequestSpecification agent() {
        return People.as(issuer, "ana.lima", Roles.AGENT);
    }

    private RequestSpecification lead() {
        return People.as(issuer, "lena.berg", Roles.LEAD);
    }
}
