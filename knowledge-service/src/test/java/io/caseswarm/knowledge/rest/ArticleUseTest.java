package io.caseswarm.knowledge.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.knowledge.Callers;
import io.caseswarm.knowledge.OpenedCases;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Staff say a published article helped on a case: the article's author hears of it once per case
 * (article-used), and the article counts its uses.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArticleUseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    EventSender events;

    TestDatabase database;

    private Callers as;
    private OpenedCases cases;

    @BeforeEach
    void callersAndCases() {
        as = new Callers(issuer);
        cases = new OpenedCases(events, database);
    }

    @Test
    void theFirstUseOnACaseTellsTheAuthorWhatReadersSawAndALaterOneOnTheSameCaseIsTheSameUse() throws Exception {
        String id = draft("Rotate the SFTP keys", List.of("SFTP", "keys"), "public");
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        // A pending revision: readers, and so the use, still see the published words.
        as.expert().contentType(ContentType.JSON)
                .body(Map.of("title", "Renamed", "body", "Other words.", "tags", List.of("other"), "visibility", "public"))
                .put("/articles/" + id).then().statusCode(200).body("pendingRevision.title", equalTo("Renamed"));
        UUID caseId = cases.open();

        String usedAt = use(as.expert(), id, caseId).statusCode(201).contentType(ContentType.JSON)
                .body("articleId", equalTo(id)).body("caseId", equalTo(caseId.toString()))
                .body("usedBy", equalTo("raj.patel")).extract().path("usedAt");
        assertThat(usedAt).isNotBlank();
        use(as.lead(), id, caseId).statusCode(200)
                .body("articleId", equalTo(id)).body("caseId", equalTo(caseId.toString()))
                .body("usedBy", equalTo("raj.patel")).body("usedAt", equalTo(usedAt));
        as.agent().get("/articles/" + id).then().body("uses", equalTo(1));

        // Another case is another use; it also marks the end of what the article's stream has published.
        UUID otherCase = cases.open();
        use(as.agent(), id, otherCase).statusCode(201).body("usedBy", equalTo("ana.lima"));
        try (TopicReader reader = new TopicReader(bootstrapServers, "knowledge-events")) {
            List<ConsumerRecord<String, String>> uses = usesOf(id,
                    reader.readUntil(records -> usesOf(id, records).size() >= 2, PATIENCE));
            assertThat(uses).hasSize(2);
            JsonNode first = json.readTree(uses.get(0).value());
            assertThat(first.get("caseId").asText()).isEqualTo(caseId.toString());
            assertThat(first.get("usedBy").asText()).isEqualTo("raj.patel");
            assertThat(first.get("authorId").asText()).as("who drafted it").isEqualTo("ana.lima");
            assertThat(first.get("title").asText()).isEqualTo("Rotate the SFTP keys");
            assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("sftp", "keys");
            assertThat(first.get("product").asText()).isEqualTo("File Transfer");
            assertThat(json.readTree(uses.get(1).value()).get("caseId").asText()).isEqualTo(otherCase.toString());
        }
        as.agent().get("/articles/" + id).then().statusCode(200).body("uses", equalTo(2))
                .body("title", equalTo("Rotate the SFTP keys")).body("pendingRevision.title", equalTo("Renamed"));
        as.agent().get("/articles?q=SFTP keys").then().body("find { it.id == '" + id + "' }.uses", equalTo(2));
        as.customer().get("/articles/" + id).then().statusCode(200).body("uses", nullValue());
    }

    @Test
    void aDraftHelpedNoCustomerSoItCannotBeUsed() {
        String id = draft("Unreviewed notes", List.of("sftp"), null);
        UUID caseId = cases.open();

        use(as.expert(), id, caseId).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("published"));
        as.agent().get("/articles/" + id).then().body("uses", equalTo(0)).body("version", equalTo(1));
    }

    @Test
    void anUnknownArticleOrACaseTheKnowledgeBaseNeverSawIsNotFound() {
        String id = published("Rotate the SFTP keys");
        UUID neverOpened = UUID.randomUUID();

        use(as.agent(), UUID.randomUUID().toString(), cases.open()).statusCode(404)
                .contentType("application/problem+json");
        use(as.agent(), "not-a-uuid", cases.open()).statusCode(404).contentType("application/problem+json");
        use(as.agent(), id, neverOpened).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The knowledge base has not seen case " + neverOpened));
        as.agent().get("/articles/" + id).then().body("uses", equalTo(0));
    }

    @Test
    void onlyStaffSayAnArticleHelped() {
        String id = published("Rotate the SFTP keys");
        UUID caseId = cases.open();

        use(as.customer(), id, caseId).statusCode(403).contentType("application/problem+json");
        use(as.integration(), id, caseId).statusCode(403).contentType("application/problem+json");
        use(given(), id, caseId).statusCode(401).contentType("application/problem+json");
        as.agent().get("/articles/" + id).then().body("uses", equalTo(0));

        use(as.as("sam.ops", "admin"), id, caseId).statusCode(201).body("usedBy", equalTo("sam.ops"));
    }

    private ValidatableResponse use(RequestSpecification caller, String articleId, UUID caseId) {
        return caller.contentType(ContentType.JSON).body(Map.of("caseId", caseId.toString()))
                .post("/articles/" + articleId + "/uses").then().log().ifValidationFails();
    }

    private String published(String title) {
        String id = draft(title, List.of("sftp"), null);
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private String draft(String title, List<String> tags, String visibility) {
        Map<String, Object> article = new HashMap<>(Map.of("title", title,
                "body", "Settings, then Rotate keys.", "tags", tags, "product", "File Transfer"));
        if (visibility != null) {
            article.put("visibility", visibility);
        }
        return as.agent().contentType(ContentType.JSON).body(article)
                .post("/articles").then().statusCode(201).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> usesOf(String articleId,
            List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> articleId.equals(r.key())
                && "article-used".equals(TopicReader.header(r, "ce_type"))).toList();
    }
}
