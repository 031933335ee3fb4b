package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may do what to which case: each rule both ways, and a refusal changes nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseAccessTest {

    LocalIssuer issuer;

    @Test
    void aCustomerSeesTheirOwnCasesAndNobodyElses() {
        String ada = "cust-" + UUID.randomUUID();
        String bob = "cust-" + UUID.randomUUID();
        String adasCase = as(ada, "customer").contentType(ContentType.JSON).body(caseJson(ada, null))
                .post("/cases").then().statusCode(201).extract().path("id");

        as(ada, "customer").get("/cases/" + adasCase).then().statusCode(200).body("customer.id", equalTo(ada));
        as(ada, "customer").get("/cases/" + adasCase + "/history").then().statusCode(200);
        as(ada, "customer").get("/cases").then().statusCode(200).body("items.id", contains(adasCase));

        // Somebody else's case does not exist, as far as a customer can tell.
        as(bob, "customer").get("/cases/" + adasCase).then().statusCode(404);
        as(bob, "customer").get("/cases/" + adasCase + "/history").then().statusCode(404);
        as(bob, "customer").get("/cases?customer=" + ada).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aCustomerCannotOpenACaseInSomebodyElsesName() {
        String ada = "cust-" + UUID.randomUUID();

        as("cust-mallory", "customer").contentType(ContentType.JSON).body(caseJson(ada, null))
                .post("/cases").then().statusCode(403).contentType("application/problem+json");

        as("ana.lima", "agent").get("/cases?customer=" + ada).then().body("items.size()", equalTo(0));
    }

    @Test
    void aCustomerCannotChooseTheOwnerOrThePriorityOfTheirCase() {
        String ada = "cust-" + UUID.randomUUID();

        as(ada, "customer").contentType(ContentType.JSON).body(caseJson(ada, "ana.lima"))
                .post("/cases").then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("ownerId"));
        as(ada, "customer").contentType(ContentType.JSON)
                .body(caseJson(ada, null).replace("}\n", ", \"priority\": \"urgent\"}\n"))
                .post("/cases").then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("priority"));

        as(ada, "customer").get("/cases").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anAgentOpensACaseOnlyForThemselvesAsOwnerWhileLeadsAndIntegrationsChooseAnyone() {
        String customer = "cust-" + UUID.randomUUID();

        as("ana.lima", "agent").contentType(ContentType.JSON).body(caseJson(customer, "raj.patel"))
                .post("/cases").then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("ownerId"));
        as("ana.lima", "agent").get("/cases?customer=" + customer).then().body("items.size()", equalTo(0));

        as("ana.lima", "agent").contentType(ContentType.JSON).body(caseJson(customer, "ana.lima"))
                .post("/cases").then().statusCode(201).body("ownerId", equalTo("ana.lima"));
        as("lea.park", "lead").contentType(ContentType.JSON).body(caseJson(customer, "raj.patel"))
                .post("/cases").then().statusCode(201).body("ownerId", equalTo("raj.patel"));
        as("crm", "integration").contentType(ContentType.JSON).body(caseJson(customer, "raj.patel"))
                .post("/cases").then().statusCode(201).body("ownerId", equalTo("raj.patel"));
    }

    @Test
    void onlyTheOwnerOrALeadResolvesTheCase() {
        String id = openOwnedBy("ana.lima");

        as("raj.patel", "agent").contentType(ContentType.JSON).body("{\"summary\": \"Not mine to close\"}")
                .post("/cases/" + id + "/resolve").then().statusCode(403);
        as("ana.lima", "agent").get("/cases/" + id).then().body("status", equalTo("open")).body("version", equalTo(3));

        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"summary\": \"Rotated the token\"}")
                .post("/cases/" + id + "/resolve").then().statusCode(200).body("status", equalTo("resolved"));
    }

    @Test
    void anAgentTakesACaseForThemselvesButOnlyALeadAssignsOthers() {
        String id = openOwnedBy(null);

        as("ana.lima", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"raj.patel\"}")
                .post("/cases/" + id + "/assign").then().statusCode(403);
        as("ana.lima", "agent").get("/cases/" + id).then().body("version", equalTo(2));

        as("lea.park", "lead").contentType(ContentType.JSON).body("{\"ownerId\": \"raj.patel\"}")
                .post("/cases/" + id + "/assign").then().statusCode(200).body("ownerId", equalTo("raj.patel"));

        String another = openOwnedBy(null);
        as("ana.lima", "agent").contentType(ContentType.JSON).body("{\"ownerId\": \"ana.lima\"}")
                .post("/cases/" + another + "/assign").then().statusCode(200).body("ownerId", equalTo("ana.lima"));
    }

    @Test
    void rolesThatDoNotFitTheEndpointAreRefused() {
        String id = openOwnedBy("ana.lima");

        as("raj.patel", "expert").contentType(ContentType.JSON).body(caseJson("cust-1", null))
                .post("/cases").then().statusCode(403).body("status", equalTo(403));
        as("cust-1", "customer").contentType(ContentType.JSON).body("{\"ownerId\": \"cust-1\"}")
                .post("/cases/" + id + "/assign").then().statusCode(403);
        as("ana.lima", "agent").post("/admin/projections/case-view/rebuild").then().statusCode(403);
        as("raj.patel", "expert").get("/cases").then().statusCode(403);

        // An expert reads a case only while in one of its swarms (CaseShowsSwarmsAndSuggestionsTest shows the other side).
        as("raj.patel", "expert").get("/cases/" + id).then().statusCode(404);
        as("ana.lima", "agent").get("/cases/" + id + "/history").then()
                .body("type", contains("case-opened", "case-assigned", "case-sla-applied"));
    }

    private String openOwnedBy(String ownerId) {
        return as("ana.lima", "agent").contentType(ContentType.JSON).body(caseJson("cust-" + UUID.randomUUID(), ownerId))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(issuer.issue(user, roles));
    }

    private static String caseJson(String customerId, String ownerId) {
        String owner = ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"";
        return """
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "%s@example.com"}%s}
                """.formatted(customerId, customerId, owner);
    }
}
