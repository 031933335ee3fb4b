package io.caseswarm.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** An admin keeps the groups of agents cases are queued for; staff read them; every request is checked by field. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupsTest extends DeskTest {

    private static final String BILLING = """
            {"name": "Facturación L1 — 請求", "memberIds": ["ana.lima", "raj.patel"], "skills": ["sepa", "invoices"],
             "products": ["Billing Cloud"]}""";

    @Test
    void anAdminCreatesAGroupReplacesItLaterAndStaffReadIt() {
        String id = "billing-l1-" + suffix();

        put(desk.admin(), id, BILLING).then().statusCode(201).header("Location", endsWith("/groups/" + id))
                .body("id", equalTo(id)).body("name", equalTo("Facturación L1 — 請求"))
                .body("memberIds", contains("ana.lima", "raj.patel")).body("skills", contains("sepa", "invoices"))
                .body("products", contains("Billing Cloud")).body("updatedBy", equalTo("ola.admin"));
        put(desk.admin(), id, "{\"name\": \"  Billing L1 \", \"memberIds\": [\"lea.park\"]}").then().statusCode(200)
                .body("name", equalTo("Billing L1")).body("memberIds", contains("lea.park")).body("skills", empty())
                .body("products", empty());

        for (RequestSpecification staff : List.of(desk.owner(), desk.as("raj.patel", "expert"), desk.lead(),
                desk.admin(), desk.as("crm", "integration"))) {
            staff.get("/groups/" + id).then().statusCode(200).body("memberIds", contains("lea.park"));
        }
        desk.owner().get("/groups/no-such-group").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void groupsAreListedByIdACursorPageAtATime() {
        String prefix = "page-" + suffix();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(prefix + "-" + i);
            put(desk.admin(), prefix + "-" + i, "{\"name\": \"Group " + i + "\"}").then().statusCode(201);
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = desk.owner().get("/groups?limit=2").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        while (page.getString("nextCursor") != null) {
            page = desk.owner().queryParam("cursor", page.getString("nextCursor")).get("/groups?limit=2").then()
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
        }

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(created);
        desk.owner().queryParam("cursor", "not-a-cursor").get("/groups").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        desk.owner().get("/groups?limit=0").then().statusCode(400);
    }

    @Test
    void onlyAnAdminChangesGroupsAndCustomersDoNotReadThem() {
        String id = desk.createGroup("vip");
        String before = desk.admin().get("/groups/" + id).asString();

        for (RequestSpecification notAdmin : List.of(desk.lead(), desk.owner(), desk.as("crm", "integration"),
                desk.as("cust-1", "customer"))) {
            put(notAdmin, id, BILLING).then().statusCode(403).contentType("application/problem+json");
            put(notAdmin, "new-" + suffix(), BILLING).then().statusCode(403);
        }
        desk.as("cust-1", "customer").get("/groups").then().statusCode(403);
        desk.as("cust-1", "customer").get("/groups/" + id).then().statusCode(403);

        assertThat(desk.admin().get("/groups/" + id).asString()).isEqualTo(before);
    }

    @Test
    void aGroupIsCheckedFieldByFieldAndARefusalChangesNothing() {
        String id = desk.createGroup("checked");
        String before = desk.admin().get("/groups/" + id).asString();

        for (String bad : List.of("Billing", "-billing", "b", "b".repeat(41), "billing_l1", "x';drop table events;--",
                "fäktura")) {
            put(desk.admin(), bad, BILLING).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("id"));
        }
        refused(id, "{}", "name", "blank");
        refused(id, "{\"name\": \"   \"}", "name", "blank");
        refused(id, "{\"name\": \"" + "n".repeat(101) + "\"}", "name", "size");
        refused(id, "{\"name\": \"L1\", \"memberIds\": [\"Ana.Lima\"]}", "memberIds[0]", "person id");
        refused(id, "{\"name\": \"L1\", \"memberIds\": [\"ana.lima\", null]}", "memberIds[1]", "null");
        refused(id, "{\"name\": \"L1\", \"leadIds\": [\"Lea Park\"]}", "leadIds[0]", "person id");
        refused(id, "{\"name\": \"L1\", \"leadIds\": [\"lea.park\", \"lea.park\"]}", "leadIds[1]", "repeats");
        refused(id, "{\"name\": \"L1\", \"memberIds\": [\"ana.lima\", \"ana.lima\"]}", "memberIds[1]", "repeats");
        refused(id, "{\"name\": \"L1\", \"memberIds\": " + values("agent", 201) + "}", "memberIds", "size");
        refused(id, "{\"name\": \"L1\", \"skills\": " + values("skill", 51) + "}", "skills", "size");
        refused(id, "{\"name\": \"L1\", \"skills\": [\"sepa\", \" sepa \"]}", "skills[1]", "repeats");
        refused(id, "{\"name\": \"L1\", \"products\": [\"" + "p".repeat(101) + "\"]}", "products[0]", "size");
        refused(id, "{\"name\": \"L1\", \"products\": [\"\"]}", "products[0]", "blank");
        refused(id, "{\"name\": \"L1\", \"products\": \"Billing\"}", "products", "wrong type");
        refused(id, "{\"name\": \"L1\", \"owner\": \"ana.lima\"}", "owner", "unknown field");
        desk.admin().contentType(ContentType.JSON).body("{\"name\": ").put("/groups/" + id).then().statusCode(400);

        assertThat(desk.admin().get("/groups/" + id).asString()).isEqualTo(before);
        put(desk.admin(), id, "{\"name\": \"L1\", \"memberIds\": " + values("agent", 200) + "}").then().statusCode(200);
    }

    private Response put(RequestSpecification caller, String id, String group) {
        return caller.contentType(ContentType.JSON).body(group).put("/groups/" + id);
    }

    private void refused(String id, String group, String field, String message) {
        put(desk.admin(), id, group).then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    private static String values(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("\"" + prefix + "." + i + "\"");
        }
        return values.toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
