package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    TestDatabase database;

    LocalIssuer issuer;

    @Test
    void openingACaseAnswers201WithItsNumberAndPublishesCaseOpened() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String id = agent().contentType(ContentType.JSON)
                .body(caseJson(customerId, "ada@example.com", "high"))
                .when().post("/cases")
                .then().statusCode(201)
                .body("number", matchesPattern("CS-\\d{6}"))
                .body("status", equalTo("new"))
                .body("priority", equalTo("high"))
                .body("channel", equalTo("email"))
                .body("customer.email", equalTo("ada@example.com"))
                .body("openedAt", notNullValue())
                .body("version", equalTo(2))
                .extract().path("id");

        agent().contentType(ContentType.JSON).when().get("/cases/" + id)
                .then().statusCode(200)
                .body("subject", equalTo("Invoices fail to sync"))
                .body("customer.id", equalTo(customerId));
        agent().when().get("/cases?customer=" + customerId)
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        agent().when().get("/cases/" + id + "/history")
                .then().statusCode(200)
                .body("type", contains("case-opened", "case-sla-applied"))
                .body("[0].version", equalTo(1))
                .body("[0].data.subject", equalTo("Invoices fail to sync"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            ConsumerRecord<String, String> record = reader.readForKey(id, 1, Duration.ofSeconds(60)).getFirst();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("case-opened");
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo("case-service");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
            JsonNode payload = json.readTree(record.value());
            assertThat(payload.get("caseId").asText()).isEqualTo(id);
            assertThat(payload.get("number").asText()).matches("CS-\\d{6}");
            assertThat(payload.get("customer").get("email").asText()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void theCallersTraceGoesOnInTheCaseOpenedRecord() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = agent().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(caseJson("c-" + UUID.randomUUID(), "eve@example.com", "low"))
                .when().post("/cases")
                .then().statusCode(201)
                .header("traceparent", matchesPattern("00-" + traceId + "-[0-9a-f]{16}-01"))
                .extract().path("id");

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            ConsumerRecord<String, String> record = reader.readForKey(id, 1, Duration.ofSeconds(60)).getFirst();
            assertThat(TopicReader.header(record, "traceparent")).startsWith("00-" + traceId + "-");
        }
        agent().get("/cases/" + id).then().header("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"));
    }

    @Test
    void aPriorityGivenAsANumberIsRefusedNotGuessed() {
        agent().contentType(ContentType.JSON).body(caseJson("c-" + UUID.randomUUID(), "eve@example.com", "low")
                .replace("\"priority\": \"low\"", "\"priority\": 3"))
                .when().post("/cases")
                .then().statusCode(400).body("errors.field", hasItem("priority"));
    }

    @Test
    void caseNumbersAreUniqueAndAscending() {
        List<String> numbers = List.of(open(), open(), open()).stream()
                .map(id -> agent().get("/cases/" + id).then().extract().<String>path("number")).toList();

        assertThat(numbers).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void missingAndInvalidFieldsAreNamedInAProblemAndNothingIsStored() throws Exception {
        long eventsBefore = eventCount();

        agent().contentType(ContentType.JSON)
                .body("""
                        {"subject": " ", "description": "d", "customer": {"id": "c1", "name": "Ada", "email": "not-an-email"}}
                        """)
                .when().post("/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", containsInAnyOrder("subject", "customer.email"));

        agent().contentType(ContentType.JSON).body(caseJson("c1", "ada@example.com", "whenever"))
                .when().post("/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("priority"))
                .body("errors.message", hasItem("must be one of [low, normal, high, urgent]"));

        agent().contentType(ContentType.JSON).body("{\"subject\": \"unterminated")
                .when().post("/cases")
                .then().statusCode(400)
                .contentType("application/problem+json");

        agent().contentType(ContentType.JSON).body("{\"subject\":\"s\",\"description\":\"d\",\"customer\":"
                        + "{\"id\":\"c\",\"name\":\"n\",\"email\":\"a@b.co\"},\"admin\":true}")
                .when().post("/cases")
                .then().statusCode(400)
                .body("errors.field", hasItem("admin"));

        agent().contentType(ContentType.JSON).body("")
                .when().post("/cases")
                .then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        agent().when().get("/cases/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        agent().when().get("/cases/not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void theCaseViewCanBeRebuiltFromTheEvents() throws Exception {
        String id = open();
        String before = Desk.withoutRemainingTimes(agent().get("/cases/" + id).then().extract().asString());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from case_view");
        }
        agent().get("/cases/" + id).then().statusCode(404);

        given().auth().oauth2(issuer.issue("ops", "admin")).when().post("/admin/projections/case-view/rebuild")
                .then().statusCode(200)
                .body("eventsReplayed", notNullValue());

        assertThat(Desk.withoutRemainingTimes(agent().get("/cases/" + id).then().statusCode(200).extract().asString()))
                .isEqualTo(before);
    }

    private RequestSpecification agent() {
        return given().auth().oauth2(issuer.issue("ana.lima", "agent"));
    }

    private String open() {
        return agent().contentType(ContentType.JSON).body(caseJson("c-" + UUID.randomUUID(), "bob@example.com", "low"))
                .when().post("/cases").then().statusCode(201).extract().path("id");
    }

    private long eventCount() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from events")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String caseJson(String customerId, String email, String priority) {
        return """
                {"subject": "Invoices fail to sync",
                 "description": "Since Monday the nightly sync stops at 40%%.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "%s"},
                 "channel": "email", "product": "Billing Cloud", "priority": "%s"}
                """.formatted(customerId, email, priority);
    }
}
