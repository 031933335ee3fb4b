package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Malformed and hostile requests get a 4xx problem document, never a 500, and change nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseHostileInputTest {

    private static final String SQL = "'; drop table case_view; --";
    private static final String SCRIPT = "<script>alert(1)</script>";

    LocalIssuer issuer;

    TestDatabase database;

    @Test
    void wrongTypesHugeStringsAndUnknownValuesAreRefusedByField() throws Exception {
        long before = eventCount();

        refused(open(body("\"subject\": {\"text\": \"x\"}, \"priority\": \"high\"")), "subject");
        refused(open(body("\"subject\": \"x\", \"customer\": \"cust-1\"")), "customer");
        refused(open(body("\"subject\": \"" + "x".repeat(5_000) + "\"")), "subject");
        refused(open(body("\"subject\": \"x\", \"channel\": \"carrier-pigeon\"")), "channel");
        refused(open(body("\"subject\": \"x\", \"ownerId\": \"" + SQL + "\"")), "ownerId");
        refused(open(body("\"subject\": \"x\", \"isAdmin\": true")), "isAdmin");
        agent().contentType(ContentType.JSON).body("[1, 2, 3]").post("/cases")
                .then().statusCode(400).contentType("application/problem+json");
        agent().contentType(ContentType.JSON).body("{\"summary\": [\"a\"]}")
                .post("/cases/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(400).body("errors.field", hasItem("summary"));

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void personIdsFollowTheEventContractsRuleWithOneMessage() throws Exception {
        long before = eventCount();
        RequestSpecification lead = given().auth().oauth2(issuer.issue("lea.park", "lead"));

        for (String bad : List.of("Ana.Lima", "-ana", "a", "ana lima", "ana/lima", "a".repeat(65))) {
            lead.contentType(ContentType.JSON).body(body("\"subject\": \"x\", \"ownerId\": \"" + bad + "\""))
                    .post("/cases").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.find { it.field == 'ownerId' }.message", equalTo(PersonIds.MESSAGE));
        }
        agent().contentType(ContentType.JSON).body("{\"summary\": \"Fixed\", \"helpedBy\": [\"Raj Patel\"]}")
                .post("/cases/" + UUID.randomUUID() + "/resolve").then().statusCode(400)
                .body("errors.find { it.field == 'helpedBy[0]' }.message", equalTo(PersonIds.MESSAGE));
        assertThat(eventCount()).isEqualTo(before);

        // What the contract allows, the edge accepts: directories that name people by e-mail address.
        lead.contentType(ContentType.JSON).body(body("\"subject\": \"x\", \"ownerId\": \"ana.lima@example.com\""))
                .post("/cases").then().statusCode(201).body("ownerId", equalTo("ana.lima@example.com"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long before = eventCount();

        agent().contentType(ContentType.JSON).body(body("\"subject\": \"x\", \"description\": \"" + "y".repeat(70_000) + "\""))
                .post("/cases")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void sqlAndScriptFragmentsAreKeptAsPlainTextOrRefused() {
        String id = agent().contentType(ContentType.JSON)
                .body(body("\"subject\": \"" + SQL + "\", \"description\": \"" + SCRIPT + "\""))
                .post("/cases").then().statusCode(201).extract().path("id");

        agent().get("/cases/" + id).then().statusCode(200)
                .body("subject", equalTo(SQL)).body("description", equalTo(SCRIPT));
        agent().queryParam("customer", SQL).get("/cases").then().statusCode(200).body("items.size()", equalTo(0));
        agent().queryParam("q", SQL + " " + SCRIPT).get("/cases").then().statusCode(200);
        agent().queryParam("q", "x".repeat(201)).get("/cases").then().statusCode(400).body("errors.field", hasItem("q"));
        agent().queryParam("status", "open," + SQL).get("/cases").then().statusCode(400).body("errors.field", hasItem("status"));
        agent().queryParam("openedFrom", "yesterday").get("/cases").then().statusCode(400)
                .body("errors.field", hasItem("openedFrom"));
        agent().queryParam("sort", "subject; drop table case_view").get("/cases").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
        agent().queryParam("cursor", "eyJpZCI6MX0").get("/cases").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        agent().queryParam("limit", "1; drop table events").get("/cases").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("limit"));
        agent().get("/cases/" + id).then().statusCode(200);
    }

    private static void refused(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private io.restassured.response.Response open(String json) {
        return agent().contentType(ContentType.JSON).body(json).post("/cases");
    }

    private RequestSpecification agent() {
        return given().auth().oauth2(issuer.issue("ana.lima", "agent"));
    }

    /** A case body made of {@code fields}, completed with valid values for the required fields it lacks. */
    private static String body(String fields) {
        StringBuilder json = new StringBuilder("{").append(fields);
        if (!fields.contains("\"description\"")) {
            json.append(", \"description\": \"Stops at 40%\"");
        }
        if (!fields.contains("\"customer\"")) {
            json.append(", \"customer\": {\"id\": \"cust-1\", \"name\": \"Ada\", \"email\": \"ada@example.com\"}");
        }
        return json.append("}").toString();
    }

    private long eventCount() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from events")) {
            row.next();
            return row.getLong(1);
        }
    }
}
