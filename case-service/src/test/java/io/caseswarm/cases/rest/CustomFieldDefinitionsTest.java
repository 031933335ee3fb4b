package io.caseswarm.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** An admin declares the custom fields cases may have; staff read them; every declaration is checked by field. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomFieldDefinitionsTest extends DeskTest {

    private static final String CHOICE = "{\"type\": \"choice\", \"allowedValues\": [\"emea\", \"apac\"], \"label\": \"Region\"}";

    TestDatabase database;

    @Test
    void anAdminDeclaresAFieldChangesItLaterAndStaffReadIt() {
        String name = "region_" + System.nanoTime();

        declare(desk.admin(), name, CHOICE).then().statusCode(201).header("Location", endsWith("/case-fields/" + name))
                .body("type", equalTo("choice")).body("allowedValues", contains("emea", "apac"))
                .body("label", equalTo("Region")).body("updatedBy", equalTo("ola.admin"));
        declare(desk.admin(), name, "{\"type\": \"choice\", \"allowedValues\": [\" emea \", \"amer\"]}").then()
                .statusCode(200).body("allowedValues", contains("emea", "amer")).body("$", not(hasKey("label")));

        for (RequestSpecification staff : List.of(desk.owner(), desk.as("raj.patel", "expert"), desk.lead(),
                desk.as("crm", "integration"))) {
            staff.get("/case-fields").then().statusCode(200).body("name", hasItem(name));
            staff.get("/case-fields/" + name).then().statusCode(200).body("allowedValues", contains("emea", "amer"));
        }
        desk.owner().get("/case-fields/no_such_field").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminDeclaresAndCustomersDoNotReadTheDeclarations() {
        String name = "segment_" + System.nanoTime();
        String before = list();

        declare(desk.lead(), name, CHOICE).then().statusCode(403).contentType("application/problem+json");
        declare(desk.owner(), name, CHOICE).then().statusCode(403);
        declare(desk.as("cust-1", "customer"), name, CHOICE).then().statusCode(403);
        desk.as("cust-1", "customer").get("/case-fields").then().statusCode(403);

        assertThat(list()).isEqualTo(before);
    }

    @Test
    void aChangedDeclarationLeavesTheValuesOnCasesAndTakesOnlyNewValuesItAllows() {
        String name = desk.declareField("plan", "{\"type\": \"choice\", \"allowedValues\": [\"basic\", \"pro\"]}");
        String id = desk.openCase(Desk.newCustomer());
        Desk.patch(desk.owner(), "/cases/" + id, "{\"customFields\": {\"" + name + "\": \"basic\"}}").then().statusCode(200);

        declare(desk.admin(), name, "{\"type\": \"choice\", \"allowedValues\": [\"pro\", \"enterprise\"]}").then().statusCode(200);

        desk.owner().get("/cases/" + id).then().body("customFields." + name, equalTo("basic"));
        Desk.patch(desk.owner(), "/cases/" + id, "{\"customFields\": {\"" + name + "\": \"basic\"}}").then().statusCode(400)
                .body("errors.field", contains("customFields." + name));
        Desk.patch(desk.owner(), "/cases/" + id, "{\"customFields\": {\"" + name + "\": \"enterprise\"}}").then().statusCode(200)
                .body("customFields." + name, equalTo("enterprise"));
    }

    @Test
    void aDeclarationIsCheckedFieldByFieldAndARefusalDeclaresNothing() {
        String before = list();
        String name = "tier_" + System.nanoTime();

        for (String bad : List.of("Region", "1region", "region-eu", "r".repeat(41), "x';drop table events;--")) {
            declare(desk.admin(), bad, CHOICE).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("name"));
        }
        refused(name, "{\"type\": \"choice\"}", "allowedValues", "needs its allowed values");
        refused(name, "{\"type\": \"choice\", \"allowedValues\": []}", "allowedValues", "size");
        refused(name, "{\"type\": \"text\", \"allowedValues\": [\"a\"]}", "allowedValues", "only a choice");
        refused(name, "{\"type\": \"choice\", \"allowedValues\": " + values(51) + "}", "allowedValues", "size");
        refused(name, "{\"type\": \"choice\", \"allowedValues\": [\"" + "v".repeat(101) + "\"]}", "allowedValues[0]", "size");
        refused(name, "{\"type\": \"choice\", \"allowedValues\": [\"gold\", \" gold\"]}", "allowedValues[1]", "repeats");
        refused(name, "{\"type\": \"choice\", \"allowedValues\": [\"gold\", \"  \"]}", "allowedValues[1]", "blank");
        refused(name, "{\"type\": \"date\"}", "type", "must be one of");
        refused(name, "{\"type\": 1}", "type", "must be one of");
        refused(name, "{}", "type", "null");
        refused(name, "{\"type\": \"text\", \"label\": \"" + "l".repeat(101) + "\"}", "label", "size");
        refused(name, "{\"type\": \"text\", \"required\": true}", "required", "unknown field");

        assertThat(list()).isEqualTo(before);
    }

    /** The limit is shared by the whole run: this test fills it up, then takes its own declarations away again. */
    @Test
    void atMostFiftyFieldsAreDeclaredAndTheDeclaredOnesStillChange() throws Exception {
        List<String> added = new ArrayList<>();
        try {
            long declared = desk.admin().get("/case-fields").then().extract().jsonPath().getList("$").size();
            for (long i = declared; i < 50; i++) {
                added.add(desk.declareField("filler", "{\"type\": \"boolean\"}"));
            }
            String before = list();

            declare(desk.admin(), "one_too_many", "{\"type\": \"boolean\"}").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("already 50 custom fields"));
            assertThat(list()).isEqualTo(before);
            declare(desk.admin(), added.getLast(), "{\"type\": \"text\"}").then().statusCode(200);
        } finally {
            forget(added);
        }
    }

    private Response declare(RequestSpecification caller, String name, String declaration) {
        return caller.contentType(ContentType.JSON).body(declaration).put("/case-fields/" + name);
    }

    private void refused(String name, String declaration, String field, String message) {
        declare(desk.admin(), name, declaration).then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    private String list() {
        return desk.admin().get("/case-fields").then().statusCode(200).extract().asString();
    }

    private static String values(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("\"v" + i + "\"");
        }
        return values.toString();
    }

    /** There is no DELETE in the API: declarations are taken back behind its back, for the tests that follow. */
    private void forget(List<String> names) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement delete = connection.prepareStatement("delete from custom_field_definition where name = ?")) {
            for (String name : names) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
        }
    }
}
