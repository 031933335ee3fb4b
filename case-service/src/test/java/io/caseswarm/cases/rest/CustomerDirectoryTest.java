package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The customer directory: one customer however they reach the desk, and their history with it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerDirectoryTest extends DeskTest {

    @Test
    void aCaseForAnUnknownAddressMakesTheCustomerAndTheSameAddressFindsThemAgain() {
        String email = "Thao.Nguyen-" + UUID.randomUUID() + "@Example.com";

        String first = openFor("{\"name\": \"Nguyễn Thị Thảo\", \"email\": \"" + email + "\"}");
        String customerId = desk.owner().get("/cases/" + first).then().extract().path("customer.id");
        String second = openFor("{\"email\": \"" + email.toLowerCase() + "\"}");

        desk.owner().get("/cases/" + second).then().body("customer.id", equalTo(customerId))
                .body("customer.name", equalTo("Nguyễn Thị Thảo"));
        desk.owner().queryParam("email", email.toUpperCase()).get("/customers").then().statusCode(200)
                .body("items.id", contains(customerId)).body("items[0].emails", contains(email.toLowerCase()));
        desk.owner().get("/customers/" + customerId + "/cases").then().body("items.id", contains(second, first));
    }

    @Test
    void theCustomerWhoLogsInAndTheOneWhoMailsAreOneCustomer() {
        String subject = "idp|" + UUID.randomUUID();
        String email = "maria-" + UUID.randomUUID() + "@example.it";
        String customerId = post(crm(), "/customers", """
                {"name": "Maria Rossi", "emails": ["%s"], "organisation": "Rossi S.r.l.", "language": "it",
                 "timeZone": "Europe/Rome", "tier": "gold", "subject": "%s"}""".formatted(email, subject))
                .then().statusCode(201).body("timeZone", equalTo("Europe/Rome")).extract().path("id");

        String byMail = openFor("{\"email\": \"" + email + "\", \"name\": \"Maria\"}");
        String byLogin = post(desk.as(subject, "customer"), "/cases",
                "{\"subject\": \"La fattura non arriva\", \"description\": \"Da lunedì\"}").then().statusCode(201)
                .body("customer.id", equalTo(customerId)).body("customer.email", equalTo(email)).extract().path("id");

        desk.as(subject, "customer").get("/cases/" + byMail).then().statusCode(200);
        post(desk.owner(), "/cases/" + byMail + "/messages", "{\"body\": \"Abbiamo rinnovato il token\", \"visibility\": \"public\"}")
                .then().statusCode(201);
        desk.as(subject, "customer").get("/cases/" + byMail + "/messages").then().statusCode(200)
                .body("items.body", contains("Abbiamo rinnovato il token"));
        desk.as(subject, "customer").get("/cases").then().body("items.id", contains(byMail, byLogin));
        desk.as(subject, "customer").get("/customers/" + customerId).then().statusCode(200).body("tier", equalTo("gold"));
        desk.as(subject, "customer").get("/customers/" + customerId + "/cases").then()
                .body("items.id", contains(byLogin, byMail));
        desk.owner().get("/cases?organisation=Rossi S.r.l.").then().body("items.id", hasItem(byMail));
    }

    @Test
    void customer360ShowsEveryCaseNewestFirstWithWhereItStandsAndHowLongItTook() {
        String email = "kostas-" + UUID.randomUUID() + "@example.gr";
        String resolved = openFor("{\"name\": \"Κώστας\", \"email\": \"" + email + "\"}");
        post(desk.owner(), "/cases/" + resolved + "/resolve", "{\"summary\": \"Reset the router\"}").then().statusCode(200);
        String open = openFor("{\"email\": \"" + email + "\"}");
        String customerId = desk.owner().get("/cases/" + open).then().extract().path("customer.id");

        desk.lead().get("/customers/" + customerId + "/cases").then().statusCode(200)
                .body("items.id", contains(open, resolved))
                .body("items.status", contains("open", "resolved"))
                .body("items[0].timeToResolution", nullValue())
                .body("items[1].timeToResolution", org.hamcrest.Matchers.startsWith("PT"))
                .body("nextCursor", nullValue());
        desk.lead().get("/customers/" + customerId + "/cases?limit=1").then().body("items.id", contains(open))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void onlyIntegrationsAndAdminsKeepTheDirectoryAndACustomerReadsOnlyTheirOwnRecord() {
        String id = "crm-" + UUID.randomUUID();
        String body = "{\"id\": \"%s\", \"name\": \"Ada\", \"emails\": [\"ada-%s@example.com\"]}".formatted(id, id);

        post(desk.owner(), "/customers", body).then().statusCode(403);
        post(desk.as(id, "customer"), "/customers", body).then().statusCode(403);
        desk.owner().get("/customers/" + id).then().statusCode(404);

        post(crm(), "/customers", body).then().statusCode(201);
        post(crm(), "/customers", body).then().statusCode(409);
        desk.as(id, "customer").get("/customers/" + id).then().statusCode(200); // the CRM's id is their login
        desk.as("cust-mallory", "customer").get("/customers/" + id).then().statusCode(404);
        desk.as("cust-mallory", "customer").get("/customers/" + id + "/cases").then().statusCode(404);
        desk.as("cust-mallory", "customer").queryParam("email", "ada@example.com").get("/customers").then().statusCode(403);
    }

    @Test
    void badCustomersAreRefusedByFieldAndChangeNothing() {
        String taken = "taken-" + UUID.randomUUID() + "@example.com";
        String owner = post(crm(), "/customers", "{\"name\": \"Owner\", \"emails\": [\"" + taken + "\"], \"subject\": \"sub-"
                + taken + "\"}").then().statusCode(201).extract().path("id");
        String id = "crm-" + UUID.randomUUID();

        for (String[] bad : List.of(
                new String[] { "{\"name\": \"A\", \"emails\": [\"not-an-address\"]}", "emails[0]" },
                new String[] { "{\"name\": \"A\", \"emails\": []}", "emails" },
                new String[] { "{\"name\": \"A\", \"emails\": [\"a@x.io\"], \"timeZone\": \"Mars/Olympus\"}", "timeZone" },
                new String[] { "{\"name\": \"A\", \"emails\": [\"a@x.io\", \"A@X.io\"]}", "emails" },
                new String[] { "{\"name\": \"A\", \"emails\": [\"a@x.io\"], \"language\": \"'; drop table customer; --\"}", "language" },
                new String[] { "{\"name\": \"" + "x".repeat(201) + "\", \"emails\": [\"a@x.io\"]}", "name" },
                new String[] { "{\"id\": \"../admin\", \"name\": \"A\", \"emails\": [\"a@x.io\"]}", "id" },
                new String[] { "{\"name\": \"A\", \"emails\": [\"a@x.io\"], \"isVip\": true}", "isVip" })) {
            crm().contentType(ContentType.JSON).body(bad[0]).put("/customers/" + id).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        crm().contentType(ContentType.JSON).body("{\"name\": \"A\", \"emails\": [\"" + taken + "\"]}")
                .put("/customers/" + id).then().statusCode(403).body("errors.field", contains("emails"));
        crm().contentType(ContentType.JSON).body("{\"name\": \"A\", \"emails\": [\"a@x.io\"], \"subject\": \"sub-" + taken + "\"}")
                .put("/customers/" + id).then().statusCode(409);
        post(desk.owner(), "/cases", "{\"subject\": \"x\", \"description\": \"y\", \"customer\": {\"name\": \"No way to reach\"}}")
                .then().statusCode(400).body("errors.field", contains("customer"));

        desk.owner().get("/customers/" + id).then().statusCode(404);
        desk.owner().get("/customers/" + owner).then().body("emails", contains(taken)).body("name", equalTo("Owner"));
    }

    @Test
    void nameAndTextKeepTheirScriptAndMarkupStaysPlainText() {
        String email = "sara-" + UUID.randomUUID() + "@example.ir";
        String id = post(crm(), "/customers", "{\"name\": \"سارا <script>alert(1)</script>\", \"emails\": [\"" + email
                + "\"], \"language\": \"fa-IR\", \"timeZone\": \"Asia/Tehran\"}").then().statusCode(201).extract().path("id");

        desk.owner().get("/customers/" + id).then().body("name", equalTo("سارا <script>alert(1)</script>"))
                .body("language", equalTo("fa-IR"));
        assertThat(openFor("{\"email\": \"" + email + "\"}")).isNotBlank();
        desk.owner().get("/customers/" + id + "/cases").then().body("items.size()", equalTo(1));
    }

    private RequestSpecification crm() {
        return desk.as("crm", "integration");
    }

    private String openFor(String customerJson) {
        return post(desk.owner(), "/cases", """
                {"subject": "Hóa đơn không đồng bộ", "description": "Since Monday", "ownerId": "ana.lima", "customer": %s}""".formatted(customerJson))
                .then().statusCode(201).extract().path("id");
    }
}
