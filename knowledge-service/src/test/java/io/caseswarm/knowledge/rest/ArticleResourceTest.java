package io.caseswarm.knowledge.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.knowledge.Callers;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArticleResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    private Callers as;

    @BeforeEach
    void callers() {
        as = new Callers(issuer);
    }

    @Test
    void anArticleIsDraftedRevisedAndPublishedOnce() {
        String id = draft("Reset a locked account", "Unlock it in the admin console.", List.of("Accounts"), null);
        as.agent().get("/articles/" + id).then().statusCode(200)
                .body("status", equalTo("draft")).body("tags", contains("accounts"))
                .body("visibility", equalTo("internal"));

        as.agent().contentType(ContentType.JSON)
                .body(Map.of("title", "Reset a locked account", "body", "Unlock it in the admin console, then log in.",
                        "tags", List.of("accounts", "login"), "visibility", "public"))
                .put("/articles/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("visibility", equalTo("public"));
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200).body("status", equalTo("published"));
        as.lead().post("/articles/" + id + "/publish").then().statusCode(409).contentType("application/problem+json");
        as.lead().post("/articles/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    @Test
    void searchRanksTheBestMatchFirst() {
        String word = uniqueWord();
        String inBody = draft("Printer settings", "Somewhere in here: " + word, List.of(), null);
        String inTitle = draft("How to " + word + " the printer", "Steps follow.", List.of(), null);

        as.agent().get("/articles?q=" + word).then().statusCode(200)
                .body("id", contains(inTitle, inBody))
                .body("[0].score", greaterThan(0f));
        as.lead().post("/articles/" + inBody + "/publish").then().statusCode(200);
        as.agent().get("/articles?q=" + word + "&status=published").then().body("id", contains(inBody));
    }

    @Test
    void badArticlesAreRefusedWithTheFieldsNamed() {
        as.agent().contentType(ContentType.JSON).body(Map.of("title", "", "body", "x".repeat(20_001)))
                .post("/articles").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("body"));
        as.agent().get("/articles?status=retired").then().statusCode(400)
                .body("detail", containsString("[draft, published]"));
    }

    @Test
    void staffSeeEveryArticleButACustomerOnlyPublishedPublicOnes() {
        String word = uniqueWord();
        String internalDraft = draft("Internal draft " + word, "Notes.", List.of(), "internal");
        String publicDraft = draft("Public draft " + word, "Not reviewed yet.", List.of(), "public");
        String internalPublished = publish(draft("Internal runbook " + word, "Staff only.", List.of(), null));
        String publicPublished = publish(draft("Public answer " + word, "For everyone.", List.of(), "public"));
        List<String> all = List.of(internalDraft, publicDraft, internalPublished, publicPublished);

        for (String id : all) {
            as.agent().get("/articles/" + id).then().statusCode(200);
            as.integration().get("/articles/" + id).then().statusCode(200);
        }
        as.agent().get("/articles?q=" + word).then().body("id.size()", equalTo(4));
        as.agent().get("/articles?limit=100").then().body("id", hasItem(internalDraft));

        for (String hidden : List.of(internalDraft, publicDraft, internalPublished)) {
            as.customer().get("/articles/" + hidden).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as.customer().get("/articles/" + publicPublished).then().statusCode(200)
                .body("title", equalTo("Public answer " + word)).body("visibility", equalTo("public"));

        as.customer().get("/articles?q=" + word).then().statusCode(200).body("id", contains(publicPublished));
        as.customer().get("/articles?q=" + word + "&status=draft").then().statusCode(200).body("id", empty());
        for (String listing : List.of("/articles?limit=100", "/articles?status=draft&limit=100",
                "/articles?status=published&limit=100")) {
            as.customer().get(listing).then().statusCode(200)
                    .body("id", not(hasItem(internalDraft))).body("id", not(hasItem(publicDraft)))
                    .body("id", not(hasItem(internalPublished)))
                    .body("findAll { it.status != 'published' || it.visibility != 'public' }", empty());
        }
        as.customer().get("/articles?status=published&limit=100").then().body("id", hasItem(publicPublished));
    }

    @Test
    void aPersonWhoIsStaffAndCustomerSeesWhatStaffSee() {
        String internalDraft = draft("Internal draft " + uniqueWord(), "Notes.", List.of(), null);

        as.as("ana.lima", "customer", "agent").get("/articles/" + internalDraft).then().statusCode(200);
    }

    @Test
    void onlyLeadsAndAdminsPublish() {
        String id = draft("Clear the cache", "Settings, then Clear cache.", List.of(), "public");

        as.expert().post("/articles/" + id + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        as.agent().post("/articles/" + id + "/publish").then().statusCode(403);
        as.agent().get("/articles/" + id).then().body("status", equalTo("draft")).body("version", equalTo(1));
        as.customer().get("/articles/" + id).then().statusCode(404);

        as.as("sam.ops", "admin").post("/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("published"));
    }

    @Test
    void anExpertsChangeToAPublishedArticleWaitsForALeadWhileCustomersKeepReadingThePublishedVersion() {
        String word = uniqueWord();
        String id = publish(draft("Clear the cache", "Settings, then Clear cache.", List.of("cache"), "public"));

        as.expert().contentType(ContentType.JSON).body(Map.of("title", "Clear the cache",
                "body", "Delete the whole " + word + " folder.", "tags", List.of("cache"), "visibility", "public"))
                .put("/articles/" + id).then().statusCode(200)
                .body("status", equalTo("published")).body("body", equalTo("Settings, then Clear cache."))
                .body("pendingRevision.body", equalTo("Delete the whole " + word + " folder."));

        as.customer().get("/articles/" + id).then().statusCode(200)
                .body("body", equalTo("Settings, then Clear cache.")).body("pendingRevision", nullValue());
        as.customer().get("/articles?q=" + word).then().statusCode(200).body("id", empty());
        as.agent().get("/articles?q=" + word).then().statusCode(200).body("id", empty());
        as.agent().get("/articles/" + id).then().body("body", equalTo("Settings, then Clear cache."))
                .body("pendingRevision.body", equalTo("Delete the whole " + word + " folder."));

        as.lead().post("/articles/" + id + "/publish").then().statusCode(200)
                .body("body", equalTo("Delete the whole " + word + " folder.")).body("pendingRevision", nullValue());
        as.customer().get("/articles/" + id).then().statusCode(200)
                .body("body", equalTo("Delete the whole " + word + " folder."));
        as.customer().get("/articles?q=" + word).then().body("id", contains(id));
        as.lead().post("/articles/" + id + "/publish").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyALeadOrAnAdminChangesWhoMayReadAPublishedArticle() {
        String id = publish(draft("Internal runbook", "Restart the ledger worker.", List.of(), "internal"));
        long version = as.agent().get("/articles/" + id).then().extract().jsonPath().getLong("version");

        for (var staff : List.of(as.expert(), as.agent())) {
            staff.contentType(ContentType.JSON).body(Map.of("title", "Internal runbook",
                    "body", "Restart the ledger worker.", "visibility", "public"))
                    .put("/articles/" + id).then().statusCode(403).contentType("application/problem+json")
                    .body("errors.field", contains("visibility"));
        }
        as.customer().get("/articles/" + id).then().statusCode(404);
        as.agent().get("/articles/" + id).then().body("visibility", equalTo("internal"))
                .body("version", equalTo((int) version)).body("pendingRevision", nullValue());

        as.lead().contentType(ContentType.JSON).body(Map.of("title", "Internal runbook",
                "body", "Restart the ledger worker.", "visibility", "public"))
                .put("/articles/" + id).then().statusCode(200).body("visibility", equalTo("public"))
                .body("pendingRevision", nullValue());
        as.customer().get("/articles/" + id).then().statusCode(200).body("visibility", equalTo("public"));
    }

    @Test
    void staffWriteArticlesButCustomersAndOtherSystemsDoNot() {
        String id = as.expert().contentType(ContentType.JSON).body(Map.of("title", "Expert tip", "body", "Use v2."))
                .post("/articles").then().statusCode(201).extract().path("id");
        as.expert().contentType(ContentType.JSON).body(Map.of("title", "Expert tip", "body", "Use v3."))
                .put("/articles/" + id).then().statusCode(200).body("body", equalTo("Use v3."));

        for (var caller : List.of(as.customer(), as.integration())) {
            caller.contentType(ContentType.JSON).body(Map.of("title", "Sneaky", "body", "x"))
                    .post("/articles").then().statusCode(403).contentType("application/problem+json");
        }
        as.customer().contentType(ContentType.JSON).body(Map.of("title", "Defaced", "body", "x"))
                .put("/articles/" + id).then().statusCode(403);
        as.agent().get("/articles/" + id).then().body("body", equalTo("Use v3."));
        as.agent().get("/articles?q=Sneaky").then().body("id", empty());
    }

    @Test
    void visibilityTravelsInTheArticleEventsAndARevisionWithoutItMakesTheArticleInternal() throws Exception {
        String id = draft("Export to CSV", "Reports, then Export.", List.of(), "public");
        as.agent().contentType(ContentType.JSON).body(Map.of("title", "Export to CSV", "body", "Reports, Export."))
                .put("/articles/" + id).then().statusCode(200).body("visibility", equalTo("internal"));
        publish(id);

        try (TopicReader reader = new TopicReader(bootstrapServers, "knowledge-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 3, Duration.ofSeconds(60));
            assertThat(records).extracting(record -> TopicReader.header(record, "ce_type"))
                    .containsExactly("article-drafted", "article-revised", "article-published");
            assertThat(records).extracting(record -> json.readTree(record.value()).get("visibility").asText())
                    .containsExactly("public", "internal", "internal");
            // Published, the article still names the agent who drafted it (not the lead who published it).
            assertThat(json.readTree(records.get(2).value()).get("authorId").asText())
                    .isEqualTo(json.readTree(records.get(0).value()).get("authorId").asText()).isEqualTo("ana.lima");
        }
    }

    private String draft(String title, String body, List<String> tags, String visibility) {
        Map<String, Object> article = new HashMap<>(Map.of("title", title, "body", body, "tags", tags));
        if (visibility != null) {
            article.put("visibility", visibility);
        }
        return as.agent().contentType(ContentType.JSON).body(article)
                .post("/articles").then().statusCode(201).extract().path("id");
    }

    private String publish(String id) {
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().substring(0, 6);
    }
}
