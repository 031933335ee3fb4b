package io.caseswarm.knowledge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** New cases get suggestions and resolved cases become drafts, from case events on the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseKnowledgeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    EventSender events;

    LocalIssuer issuer;

    private Callers as;

    @BeforeEach
    void callers() {
        as = new Callers(issuer);
    }

    @Test
    void aNewCaseGetsTheMatchingPublishedArticlesSuggestedBestFirst() throws Exception {
        String best = publish("Fixing invoice sync failures", "Rotate the sync token when invoices stop syncing.");
        String weaker = publish("Invoice layout", "Change the logo on an invoice.");
        publish("Printer jams", "Open the tray.");
        String draftOnly = as.agent().contentType(ContentType.JSON)
                .body(Map.of("title", "Invoice sync internals", "body", "Draft notes on invoice sync."))
                .post("/articles").then().statusCode(201).extract().<String>path("id");

        String caseId = UUID.randomUUID().toString();
        send(caseId, "case-opened", """
                {"caseId":"%s","number":"CS-000100","subject":"Invoices fail to sync",
                 "description":"Since Monday the nightly sync stops at 40%%.","product":"Billing Cloud"}"""
                .formatted(caseId));

        try (TopicReader reader = new TopicReader(bootstrapServers, "knowledge-events")) {
            ConsumerRecord<String, String> record = reader.readForKey(caseId, 1, PATIENCE).getFirst();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("knowledge-suggested");
            List<String> suggested = json.readTree(record.value()).get("suggestions").findValuesAsText("articleId");
            assertThat(suggested).startsWith(best).contains(weaker).doesNotContain(draftOnly);
            assertThat(json.readTree(record.value()).get("suggestions").findValuesAsText("visibility"))
                    .containsOnly("internal");
        }
        as.integration().get("/cases/" + caseId + "/suggestions").then().statusCode(200)
                .body("[0].articleId", org.hamcrest.Matchers.equalTo(best))
                .body("[0].title", org.hamcrest.Matchers.equalTo("Fixing invoice sync failures"))
                .body("[0].visibility", org.hamcrest.Matchers.equalTo("internal"));
        as.customer().get("/cases/" + caseId + "/suggestions").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aCaseWithNoMatchingWordsGetsNoSuggestion() throws Exception {
        publish("Calendar sync", "When the calendar stops syncing, reconnect it.");
        String caseId = UUID.randomUUID().toString();
        send(caseId, "case-opened", """
                {"caseId":"%s","subject":"Qwertyuiop","description":"Zxcvbnm asdfgh"}""".formatted(caseId));
        String marker = UUID.randomUUID().toString();
        send(marker, "case-opened", """
                {"caseId":"%s","subject":"Calendar does not sync","description":"sync"}""".formatted(marker));
        // Same partition order is not guaranteed across keys, so wait on the marker and then check both.
        await().atMost(PATIENCE).untilAsserted(() -> as.agent().get("/cases/" + marker + "/suggestions")
                .then().body("size()", org.hamcrest.Matchers.greaterThan(0)));
        publishNothingFor(caseId);
    }

    @Test
    void aResolvedCaseIsCapturedAsOneDraftEvenWhenRedelivered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        EventSender.Sent resolved = events.send("case-events", caseId, "case-resolved", """
                {"caseId":"%s","number":"CS-000101","subject":"Refunds stuck in pending",
                 "description":"Refunds stay pending for days.","product":"Payments",
                 "resolution":{"summary":"Re-queued the refund batch","helpedBy":["raj.patel"]}}""".formatted(caseId));
        events.redeliver(resolved);

        await().atMost(PATIENCE).untilAsserted(() -> as.agent().get("/articles?status=draft&limit=100")
                .then().body("findAll { it.sourceCaseId == '" + caseId + "' }.size()", org.hamcrest.Matchers.equalTo(1)));
        JsonNode draft = json.readTree(as.agent().get("/articles?q=refund batch").then().extract().asString()).get(0);
        assertThat(draft.get("sourceCaseId").asText()).isEqualTo(caseId);
        assertThat(draft.get("visibility").asText()).isEqualTo("internal");
        as.customer().get("/articles/" + draft.get("id").asText()).then().statusCode(404);
        assertThat(draft.get("body").asText()).contains("Re-queued the refund batch").contains("raj.patel");
        try (TopicReader reader = new TopicReader(bootstrapServers, "knowledge-events")) {
            ConsumerRecord<String, String> record = reader.readForKey(draft.get("id").asText(), 1, PATIENCE).getFirst();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("article-drafted");
        }
    }

    /** A case reopened and resolved again keeps one draft, which gains the new fix beside the first. */
    @Test
    void aCaseResolvedAgainAddsItsNewFixToItsDraft() {
        String caseId = UUID.randomUUID().toString();
        String resolved = """
                {"caseId":"%s","number":"CS-000102","subject":"Exports are empty",
                 "description":"The nightly export has no rows.","product":"Reports",
                 "resolution":{"summary":"%s","helpedBy":[]}}""";
        events.send("case-events", caseId, "case-resolved", resolved.formatted(caseId, "Restarted the export worker"));
        events.send("case-events", caseId, "case-resolved", resolved.formatted(caseId, "Raised the export timeout"));

        await().atMost(PATIENCE).untilAsserted(() -> as.agent().get("/articles?status=draft&limit=100")
                .then().body("findAll { it.sourceCaseId == '" + caseId + "' }.size()", org.hamcrest.Matchers.equalTo(1))
                .body("find { it.sourceCaseId == '" + caseId + "' }.body",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Restarted the export worker"),
                                org.hamcrest.Matchers.containsString("Resolved again after it was reopened\nRaised the export timeout"))));
    }

    private void publishNothingFor(String caseId) {
        as.agent().get("/cases/" + caseId + "/suggestions").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        try (TopicReader reader = new TopicReader(bootstrapServers, "knowledge-events")) {
            assertThat(reader.readForKey(caseId, 1, Duration.ofSeconds(3))).isEmpty();
        }
    }

    private String publish(String title, String body) {
        String id = as.agent().contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", body, "product", "Billing Cloud"))
                .post("/articles").then().statusCode(201).extract().path("id");
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private void send(String key, String type, String data) {
        events.send("case-events", key, type, data);
    }

}
