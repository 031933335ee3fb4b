package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Cases linked to each other: recorded and shown on both, once, and only by who may. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseLinksTest extends DeskTest {

    @Test
    void aLinkIsShownOnBothCasesFromEachSideAndSubscribersHearBoth() throws Exception {
        String outage = desk.openCase(Desk.newCustomer());
        String symptom = desk.openCase(Desk.newCustomer());
        String outageNumber = number(outage);
        String symptomNumber = number(symptom);

        link(desk.owner(), symptom, "caused-by", outage).then().statusCode(200)
                .body("links.relation", contains("caused-by")).body("links.caseId", contains(outage))
                .body("links.number", contains(outageNumber)).body("version", equalTo(4));
        desk.owner().get("/cases/" + outage).then().body("links.relation", contains("causes"))
                .body("links.caseId", contains(symptom)).body("links.number", contains(symptomNumber));
        link(desk.lead(), outage, "relates-to", symptom).then().statusCode(200)
                .body("links.relation", contains("causes", "relates-to"));
        desk.owner().get("/cases/" + symptom).then().body("links.relation", contains("caused-by", "relates-to"));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(symptom, 5, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("case-opened", "case-assigned", "case-sla-applied", "case-linked", "case-linked");
            JsonNode causedBy = json.readTree(records.get(3).value());
            assertThat(causedBy.get("relation").asText()).isEqualTo("caused-by");
            assertThat(causedBy.get("linkedCaseId").asText()).isEqualTo(outage);
            assertThat(causedBy.get("linkedNumber").asText()).isEqualTo(outageNumber);
            assertThat(causedBy.get("by").asText()).isEqualTo("ana.lima");
            JsonNode causes = json.readTree(reader.readForKey(outage, 4, Duration.ofSeconds(60)).get(3).value());
            assertThat(causes.get("relation").asText()).isEqualTo("causes");
            assertThat(causes.get("linkedCaseId").asText()).isEqualTo(symptom);
        }
    }

    @Test
    void linkingAgainChangesNothing() {
        String one = desk.openCase(Desk.newCustomer());
        String other = desk.openCase(Desk.newCustomer());
        link(desk.owner(), one, "relates-to", other).then().statusCode(200);
        String before = desk.snapshot(one) + desk.snapshot(other);

        link(desk.owner(), one, "relates-to", other).then().statusCode(200).body("links.relation", contains("relates-to"));
        link(desk.owner(), other, "relates-to", one).then().statusCode(200);

        assertThat(desk.snapshot(one) + desk.snapshot(other)).isEqualTo(before);
    }

    @Test
    void aBadOrForbiddenLinkIsRefusedAndChangesNothing() {
        String customer = Desk.newCustomer();
        String one = desk.openCase(customer);
        String other = desk.openCase(Desk.newCustomer());
        String closed = desk.openCase(Desk.newCustomer());
        post(desk.lead(), "/cases/" + closed + "/status", "{\"status\": \"closed\"}").then().statusCode(200);
        String before = desk.snapshot(one) + desk.snapshot(other) + desk.snapshot(closed);

        link(desk.owner(), one, "relates-to", one).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("case"));
        link(desk.owner(), one, "relates-to", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        link(desk.owner(), one, "duplicate-of", other).then().statusCode(400).body("errors.field", contains("relation"))
                .body("errors[0].message", containsString("merge"));
        link(desk.owner(), one, "blocks", other).then().statusCode(400).body("errors.field", contains("relation"));
        link(desk.owner(), one, "relates-to", closed).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("which is closed"));
        link(desk.as("raj.patel", "agent"), one, "relates-to", other).then().statusCode(403)
                .body("detail", containsString("Only the case's owner, ana.lima, or a lead"));
        link(desk.as(customer, "customer"), one, "relates-to", other).then().statusCode(403);
        link(desk.as("crm", "integration"), one, "relates-to", other).then().statusCode(403);
        for (String bad : List.of("{\"relation\": \"relates-to\"}", "{\"case\": \"" + other + "\"}",
                "{\"relation\": \"relates-to\", \"case\": \"CS-000001\"}", "{\"relation\": \"relates-to\", \"case\": 42}",
                "{\"relation\": \"relates-to\", \"case\": \"" + other + "\", \"note\": \"x\"}", "[]")) {
            post(desk.owner(), "/cases/" + one + "/links", bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        post(desk.owner(), "/cases/" + one + "/links", "{\"case\": \"" + other + "\"}").then()
                .body("errors.field", contains("relation"));
        post(desk.owner(), "/cases/" + one + "/links", "{\"relation\": \"relates-to\"}").then()
                .body("errors.field", contains("case"));

        assertThat(desk.snapshot(one) + desk.snapshot(other) + desk.snapshot(closed)).isEqualTo(before);
    }

    @Test
    void aCustomerDoesNotSeeTheLinksOfTheirCase() {
        String customer = Desk.newCustomer();
        String theirs = desk.openCase(customer);
        link(desk.owner(), theirs, "caused-by", desk.openCase(Desk.newCustomer())).then().statusCode(200);

        desk.as(customer, "customer").get("/cases/" + theirs).then().statusCode(200).body("$", not(hasKey("links")));
        desk.owner().get("/cases?customer=" + customer).then().body("items[0]", not(hasKey("links")));
    }

    private io.restassured.response.Response link(io.restassured.specification.RequestSpecification caller,
            String caseId, String relation, String otherId) {
        return post(caller, "/cases/" + caseId + "/links",
                "{\"relation\": \"" + relation + "\", \"case\": \"" + otherId + "\"}");
    }

    private String number(String caseId) {
        return desk.owner().get("/cases/" + caseId).then().extract().path("number");
    }
}
