package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The conversation on a case: staff talk to the customer and among themselves; the customer sees only what is theirs. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseConversationTest extends DeskTest {

    @Test
    void staffWriteToTheCustomerAndToEachOtherAndTheCustomerReadsOnlyThePublicMessages() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);

        post(desk.as(customer, "customer"), "/cases/" + id + "/messages",
                "{\"body\": \"Xin chào, hóa đơn của tôi không đồng bộ\", \"visibility\": \"public\"}")
                .then().statusCode(201).body("authorId", equalTo(customer)).body("authorRole", equalTo("customer"));
        post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"Token expired, rotating\", \"visibility\": \"internal\"}")
                .then().statusCode(201).body("visibility", equalTo("internal"));
        post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"سلام، لطفاً دوباره امتحان کنید\", \"visibility\": \"public\"}")
                .then().statusCode(201).body("authorRole", equalTo("agent"));

        desk.owner().get("/cases/" + id + "/messages").then().statusCode(200)
                .body("items.body", contains("Xin chào, hóa đơn của tôi không đồng bộ", "Token expired, rotating",
                        "سلام، لطفاً دوباره امتحان کنید"))
                .body("nextCursor", nullValue());
        desk.as(customer, "customer").get("/cases/" + id + "/messages").then().statusCode(200)
                .body("items.body", contains("Xin chào, hóa đơn của tôi không đồng bộ", "سلام، لطفاً دوباره امتحان کنید"));

        // Nor does their case's history show the note, or how staff file the case.
        desk.lead().contentType(io.restassured.http.ContentType.JSON).body("{\"tags\": [\"churn-risk\"]}")
                .patch("/cases/" + id).then().statusCode(200);
        desk.as(customer, "customer").get("/cases/" + id + "/history").then().statusCode(200)
                .body("type", contains("case-opened", "case-assigned", "case-message-added", "case-message-added"))
                .body("data.body", hasItem("سلام، لطفاً دوباره امتحان کنید"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 5, Duration.ofSeconds(60));
            JsonNode note = json.readTree(records.get(4).value());
            assertThat(TopicReader.header(records.get(4), "ce_type")).isEqualTo("case-message-added");
            assertThat(note.get("visibility").asText()).isEqualTo("internal");
            assertThat(note.get("authorId").asText()).isEqualTo("ana.lima");
            assertThat(note.get("number").asText()).startsWith("CS-");
        }
    }

    @Test
    void aCustomerAnsweringACaseThatWaitsOnThemOpensItAgain() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        post(desk.owner(), "/cases/" + id + "/status", "{\"status\": \"pending\", \"reason\": \"Need the sync log\"}")
                .then().statusCode(200);

        post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"Noted\", \"visibility\": \"internal\"}")
                .then().statusCode(201);
        desk.owner().get("/cases/" + id).then().body("status", equalTo("pending"));

        post(desk.as(customer, "customer"), "/cases/" + id + "/messages", "{\"body\": \"Log attached\", \"visibility\": \"public\"}")
                .then().statusCode(201);
        desk.owner().get("/cases/" + id).then().body("status", equalTo("open"));
        desk.owner().get("/cases/" + id + "/history").then()
                .body("type", contains("case-opened", "case-assigned", "case-sla-applied", "case-status-changed",
                        "case-message-added", "case-message-added", "case-status-changed"))
                .body("data[6].by", equalTo(customer));
    }

    @Test
    void whoMayWriteWhatIsCheckedAndARefusalChangesNothing() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);

        post(desk.as(customer, "customer"), "/cases/" + id + "/messages", "{\"body\": \"psst\", \"visibility\": \"internal\"}")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("visibility"));
        post(desk.as("cust-mallory", "customer"), "/cases/" + id + "/messages", "{\"body\": \"hi\", \"visibility\": \"public\"}")
                .then().statusCode(404);
        desk.as("cust-mallory", "customer").get("/cases/" + id + "/messages").then().statusCode(404);
        post(desk.as("raj.patel", "expert"), "/cases/" + id + "/messages", "{\"body\": \"hi\", \"visibility\": \"internal\"}")
                .then().statusCode(403);

        for (String bad : List.of("{\"body\": \"\", \"visibility\": \"public\"}", "{\"body\": \"hi\"}",
                "{\"body\": \"hi\", \"visibility\": \"secret\"}", "{\"body\": \"hi\", \"visibility\": \"public\", \"authorId\": \"lea.park\"}",
                "{\"body\": \"" + "x".repeat(20_001) + "\", \"visibility\": \"public\"}")) {
            post(desk.owner(), "/cases/" + id + "/messages", bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(org.hamcrest.Matchers.notNullValue()));
        }
        post(desk.lead(), "/cases/" + id + "/status", "{\"status\": \"closed\"}").then().statusCode(200);
        post(desk.owner(), "/cases/" + id + "/messages", "{\"body\": \"late\", \"visibility\": \"internal\"}")
                .then().statusCode(409);

        desk.owner().get("/cases/" + id + "/messages").then().body("items.size()", equalTo(0));
    }

    /** Cursor pages: every message once, in order, even while new ones arrive between pages. */
    @Test
    void theConversationIsPagedByCursorStablyWhileMessagesArrive() {
        String id = desk.openCase(Desk.newCustomer());
        for (int i = 1; i <= 5; i++) {
            write(id, "message " + i);
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = page(id, null);
        seen.addAll(page.getList("items.body"));
        write(id, "message 6"); // arrives while the client pages
        while (page.getString("nextCursor") != null) {
            page = page(id, page.getString("nextCursor"));
            seen.addAll(page.getList("items.body"));
        }

        assertThat(seen).containsExactly("message 1", "message 2", "message 3", "message 4", "message 5", "message 6");
        desk.owner().queryParam("cursor", "not-a-cursor").get("/cases/" + id + "/messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("cursor"));
        desk.owner().queryParam("limit", 0).get("/cases/" + id + "/messages").then().statusCode(400);
    }

    private void write(String caseId, String body) {
        post(desk.owner(), "/cases/" + caseId + "/messages", "{\"body\": \"" + body + "\", \"visibility\": \"internal\"}")
                .then().statusCode(201);
    }

    private JsonPath page(String caseId, String cursor) {
        RequestSpecification request = desk.owner().queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/cases/" + caseId + "/messages").then().statusCode(200).extract().jsonPath();
    }
}
