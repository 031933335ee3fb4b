package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.patch;
import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A desk works a case's fields with a merge patch: who may change which, what is checked, what subscribers hear. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseFieldsTest extends DeskTest {

    /** Declared once for the class: declarations are shared by the whole run, and there may be only 50. */
    private static String tier;
    private static String seats;

    @BeforeEach
    void declareFields() {
        if (tier == null) {
            tier = desk.declareField("tier", "{\"type\": \"choice\", \"allowedValues\": [\"gold\", \"silver\"], \"label\": \"Contract tier\"}");
            seats = desk.declareField("seats", "{\"type\": \"number\"}");
        }
    }

    @Test
    void theOwnerChangesPriorityTagsAndACustomFieldAndSubscribersReadEachOldAndNewValue() throws Exception {
        String id = desk.openCase(Desk.newCustomer());

        patch(desk.owner(), "/cases/" + id, """
                {"priority": "urgent", "tags": ["vip", "Billing"], "customFields": {"%s": "gold"}}""".formatted(tier))
                .then().statusCode(200).body("priority", equalTo("urgent")).body("tags", contains("vip", "Billing"))
                .body("customFields." + tier, equalTo("gold")).body("version", equalTo(4));
        patch(desk.owner(), "/cases/" + id, """
                {"category": "Sync", "priority": "urgent", "customFields": {"%s": null, "%s": 12}}""".formatted(tier, seats))
                .then().statusCode(200).body("category", equalTo("Sync")).body("customFields", not(hasKey(tier)))
                .body("customFields." + seats, equalTo(12)).body("version", equalTo(5));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 5, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("case-opened", "case-assigned", "case-sla-applied", "case-updated", "case-updated");
            JsonNode first = json.readTree(records.get(3).value());
            assertThat(first.get("by").asText()).isEqualTo("ana.lima");
            assertThat(first.get("changes")).isEqualTo(json.readTree("""
                    [{"field": "priority", "from": "normal", "to": "urgent"},
                     {"field": "tags", "from": [], "to": ["vip", "Billing"]},
                     {"field": "customFields.%s", "from": null, "to": "gold"}]""".formatted(tier)));
            assertThat(json.readTree(records.get(4).value()).get("changes")).isEqualTo(json.readTree("""
                    [{"field": "category", "from": null, "to": "Sync"},
                     {"field": "customFields.%s", "from": "gold", "to": null},
                     {"field": "customFields.%s", "from": null, "to": 12}]""".formatted(tier, seats)));
        }
    }

    @Test
    void aPatchThatChangesNothingAnswersTheCaseAsItIsAndPublishesNothing() {
        String id = desk.openCase(Desk.newCustomer());
        patch(desk.owner(), "/cases/" + id, "{\"tags\": [\"vip\", \"billing\"]}").then().statusCode(200);
        String before = desk.snapshot(id);

        patch(desk.owner(), "/cases/" + id, "{\"priority\": \"normal\", \"tags\": [\"billing\", \"vip\", \"Billing\"], "
                + "\"product\": null}").then().statusCode(200).body("version", equalTo(4));
        patch(desk.owner(), "/cases/" + id, "{}").then().statusCode(200);

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void anotherAgentIsToldEachFieldThatIsNotTheirsAndTheCustomerMayNotPatchAtAll() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        String before = desk.snapshot(id);
        String patch = "{\"priority\": \"high\", \"tags\": [\"vip\"], \"customFields\": {\"" + tier + "\": \"gold\"}}";

        patch(desk.as("raj.patel", "agent"), "/cases/" + id, patch).then().statusCode(403)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("priority", "tags", "customFields." + tier))
                .body("errors[0].message", containsString("only the case's owner, ana.lima,"));
        patch(desk.as(customer, "customer"), "/cases/" + id, patch).then().statusCode(403)
                .contentType("application/problem+json");
        patch(desk.as("raj.patel", "expert"), "/cases/" + id, patch).then().statusCode(403);
        patch(desk.admin(), "/cases/" + id, patch).then().statusCode(403);
        assertThat(desk.snapshot(id)).isEqualTo(before);

        patch(desk.lead(), "/cases/" + id, patch).then().statusCode(200).body("priority", equalTo("high"));
        patch(desk.as("crm", "integration"), "/cases/" + id, "{\"category\": \"Sync\"}").then().statusCode(200)
                .body("category", equalTo("Sync")).body("version", equalTo(5));
    }

    @Test
    void aCustomFieldNobodyDeclaredOrAValueItsDeclarationDoesNotTakeIs400NamingItAndChangesNothing() {
        String id = desk.openCase(Desk.newCustomer());
        String before = desk.snapshot(id);

        refused(id, "{\"customFields\": {\"x\": 1}}", "customFields.x", "no such custom field");
        refused(id, "{\"customFields\": {\"" + tier + "\": \"platinum\"}}", "customFields." + tier, "must be one of gold, silver");
        refused(id, "{\"customFields\": {\"" + tier + "\": \"Gold\"}}", "customFields." + tier, "must be one of");
        refused(id, "{\"customFields\": {\"" + seats + "\": \"5\"}}", "customFields." + seats, "must be a number");
        refused(id, "{\"customFields\": {\"" + seats + "\": 1e20}}", "customFields." + seats, "at most 15");
        refused(id, "{\"customFields\": {\"" + tier + "\": \"gold\", \"x\": 1}}", "customFields.x", "no such");
        refused(id, "{\"customFields\": null}", "customFields", "one by one");
        refused(id, "{\"priority\": null}", "priority", "always has a priority");
        refused(id, "{\"priority\": \"high\", \"status\": \"closed\"}", "status", "unknown field");

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void aClosedCaseKeepsItsFieldsWhileAResolvedOneIsStillTidied() {
        String id = desk.openCase(Desk.newCustomer());
        post(desk.owner(), "/cases/" + id + "/resolve", "{\"summary\": \"Rotated the sync token\"}").then().statusCode(200);
        patch(desk.owner(), "/cases/" + id, "{\"category\": \"Sync\"}").then().statusCode(200)
                .body("category", equalTo("Sync"));
        post(desk.lead(), "/cases/" + id + "/status", "{\"status\": \"closed\"}").then().statusCode(200);
        String before = desk.snapshot(id);

        patch(desk.lead(), "/cases/" + id, "{\"category\": \"Billing\"}").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is closed"));

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void aCustomerSeesTheCategoryButNotTheTagsOrCustomFieldsOfTheirCase() {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        patch(desk.owner(), "/cases/" + id, "{\"category\": \"Sync\", \"tags\": [\"churn risk\"], \"customFields\": {\""
                + tier + "\": \"gold\"}}").then().statusCode(200);

        desk.as(customer, "customer").get("/cases/" + id).then().statusCode(200)
                .body("category", equalTo("Sync")).body("$", not(hasKey("tags"))).body("$", not(hasKey("customFields")));
    }

    @Test
    void plainJsonIsTakenAsTheSameMergePatchAndOtherMediaTypesAreNot() {
        String id = desk.openCase(Desk.newCustomer());

        desk.owner().contentType(ContentType.JSON).body("{\"product\": \"Payroll\"}").patch("/cases/" + id)
                .then().statusCode(200).body("product", equalTo("Payroll"));
        desk.owner().contentType("application/json-patch+json")
                .body("[{\"op\": \"replace\", \"path\": \"/product\", \"value\": \"x\"}]").patch("/cases/" + id)
                .then().statusCode(415).contentType("application/problem+json");
        desk.owner().contentType(ContentType.TEXT).body("product=x").patch("/cases/" + id).then().statusCode(415);

        desk.owner().get("/cases/" + id).then().body("product", equalTo("Payroll")).body("version", equalTo(4));
    }

    @Test
    void rebuildingTheViewRestoresTheSameFields() {
        String id = desk.openCase(Desk.newCustomer());
        patch(desk.owner(), "/cases/" + id, """
                {"priority": "low", "product": "Payroll", "category": "Sync", "tags": ["τιμολόγιο", "vip"],
                 "customFields": {"%s": "silver", "%s": 2.5}}""".formatted(tier, seats)).then().statusCode(200);
        patch(desk.lead(), "/cases/" + id, "{\"product\": null, \"customFields\": {\"" + tier + "\": null}}")
                .then().statusCode(200).body("product", nullValue());
        String before = desk.snapshot(id);

        desk.admin().post("/admin/projections/case-view/rebuild").then().statusCode(200);

        assertThat(desk.snapshot(id)).isEqualTo(before);
        desk.owner().get("/cases/" + id).then().body("tags", contains("τιμολόγιο", "vip"))
                .body("customFields", equalTo(Map.of(seats, 2.5f))); // RestAssured reads JSON numbers as floats
    }

    private void refused(String caseId, String patch, String field, String message) {
        Desk.patch(desk.owner(), "/cases/" + caseId, patch).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }
}
