package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Queues and search over the case view: filters, order, words in any script, cursor pages, and a rebuild that changes none of it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseQueueTest extends DeskTest {

    /** Each test's cases share a product of their own, so tests sharing the database do not see each other's. */
    String product;

    @BeforeEach
    void newProduct() {
        product = "Product " + UUID.randomUUID();
    }

    @Test
    void theQueueShowsTheMostUrgentFirstThenTheOldest() {
        String low = open("Printer jams", "low", "ana.lima", "cust-1", "web");
        String urgentOld = open("Payroll down", "urgent", "ana.lima", "cust-1", "phone");
        String normal = open("Password reset", "normal", null, "cust-2", "web");
        String urgentNew = open("Site down", "urgent", "ana.lima", "cust-3", "chat");

        assertThat(ids(list(""))).containsExactly(urgentOld, urgentNew, normal, low);
        assertThat(ids(list("&sort=newest"))).containsExactly(urgentNew, normal, urgentOld, low);
    }

    @Test
    void filtersNarrowByStatusOwnerAssignmentChannelCustomerPriorityAndTime() {
        Instant start = Instant.now();
        String mine = open("Payroll down", "urgent", "ana.lima", "cust-1", "phone");
        String pending = open("Site down", "high", "ana.lima", "cust-2", "chat");
        post(desk.owner(), "/cases/" + pending + "/status", "{\"status\": \"pending\"}").then().statusCode(200);
        String raj = open("Export slow", "normal", "raj.patel", "cust-1", "web");
        String unowned = open("Password reset", "normal", null, "cust-3", "web");

        assertThat(ids(list("&owner=me&status=open,pending"))).containsExactly(mine, pending);
        assertThat(ids(list("&status=pending"))).containsExactly(pending);
        assertThat(ids(list("&status=PENDING,On-Hold"))).containsExactly(pending); // read like every enumeration in a query
        assertThat(ids(list("&status=new"))).containsExactly(unowned);
        assertThat(ids(list("&unassigned=true"))).containsExactly(unowned);
        assertThat(ids(list("&owner=raj.patel"))).containsExactly(raj);
        assertThat(ids(list("&channel=web"))).containsExactly(raj, unowned);
        assertThat(ids(list("&customer=cust-1"))).containsExactly(mine, raj);
        assertThat(ids(list("&priority=urgent,high"))).containsExactly(mine, pending);
        assertThat(ids(list("&openedFrom=" + start))).hasSize(4);
        assertThat(ids(list("&openedTo=" + start))).isEmpty();
        assertThat(ids(list("&updatedFrom=" + Instant.now().plusSeconds(60)))).isEmpty();

        desk.owner().contentType(ContentType.JSON).body("{\"tags\": [\"vip\", \"hóa đơn\"], \"category\": \"billing\"}")
                .patch("/cases/" + raj).then().statusCode(403);
        desk.lead().contentType(ContentType.JSON).body("{\"tags\": [\"vip\", \"hóa đơn\"], \"category\": \"billing\"}")
                .patch("/cases/" + raj).then().statusCode(200);
        assertThat(ids(list("&tag=vip"))).containsExactly(raj);
        assertThat(ids(list("&tag=hóa đơn&category=billing"))).containsExactly(raj);
        assertThat(ids(list("&tag=VIP"))).isEmpty();
    }

    @Test
    void wordsAreFoundInAnyScriptWithOrWithoutDiacriticsAndInternalNotesOnlyByStaff() {
        String vietnamese = open("Hóa đơn không đồng bộ", "normal", "ana.lima", "cust-vi", "email");
        String greek = open("Καλημέρα, το τιμολόγιο λείπει", "normal", "ana.lima", "cust-el", "email");
        String persian = open("فاکتور ارسال نشد", "normal", "ana.lima", "cust-fa", "email");
        String italian = open("La fattura non arriva", "normal", "ana.lima", "cust-it", "email");
        post(desk.owner(), "/cases/" + italian + "/messages", "{\"body\": \"Il certificato è scaduto\", \"visibility\": \"internal\"}")
                .then().statusCode(201);
        post(desk.owner(), "/cases/" + italian + "/messages", "{\"body\": \"Riprovi domattina\", \"visibility\": \"public\"}")
                .then().statusCode(201);

        assertThat(ids(list("&q=hoa don"))).containsExactly(vietnamese);
        assertThat(ids(list("&q=hóa đơn"))).containsExactly(vietnamese);
        assertThat(ids(list("&q=ΚΑΛΗΜΕΡΑ"))).containsExactly(greek);
        assertThat(ids(list("&q=فاکتور"))).containsExactly(persian);
        assertThat(ids(list("&q=fattura"))).containsExactly(italian);
        assertThat(ids(list("&q=certificato scaduto"))).containsExactly(italian);
        assertThat(ids(list("&q=\"fattura non\" -certificato"))).isEmpty();

        assertThat(desk.as("cust-it", "customer").get("/cases?q=domattina").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(italian);
        assertThat(desk.as("cust-it", "customer").get("/cases?q=certificato").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .isEmpty();
    }

    /** Every case that existed when paging began is shown exactly once, although new cases arrive between pages. */
    @Test
    void casesArePagedByCursorWithoutRepeatsOrGapsWhileCasesArrive() {
        List<String> existing = new ArrayList<>();
        for (String priority : List.of("low", "urgent", "normal", "high", "normal")) {
            existing.add(open("Case " + priority, priority, "ana.lima", "cust-1", "web"));
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = desk.owner().get("/cases?limit=2&product=" + product).then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        open("Arrived meanwhile", "urgent", "ana.lima", "cust-1", "web");
        open("Arrived meanwhile too", "low", "ana.lima", "cust-1", "web");
        while (page.getString("nextCursor") != null) {
            page = desk.owner().queryParam("cursor", page.getString("nextCursor"))
                    .get("/cases?limit=2&product=" + product).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
        desk.owner().get("/cases?limit=200&product=" + product).then().body("items.size()", equalTo(7))
                .body("nextCursor", nullValue());
        desk.owner().get("/cases?limit=6&product=" + product).then().body("nextCursor", notNullValue());
    }

    @Test
    void rebuildingTheViewsFromTheEventsRestoresTheSameQueuesConversationsAndSearch() {
        String one = open("Hóa đơn không đồng bộ", "urgent", "ana.lima", "cust-1", "email");
        String two = open("Export slow", "low", null, "cust-2", "web");
        post(desk.owner(), "/cases/" + one + "/messages", "{\"body\": \"Token rotated\", \"visibility\": \"internal\"}")
                .then().statusCode(201);
        post(desk.owner(), "/cases/" + one + "/status", "{\"status\": \"on-hold\", \"reason\": \"bank\"}").then().statusCode(200);
        String before = list("").prettify() + list("&q=hoa don token").prettify()
                + desk.owner().get("/cases/" + one + "/messages").asString() + desk.owner().get("/cases/" + two).asString();

        desk.as("ada.admin", "admin").post("/admin/projections/case-view/rebuild").then().statusCode(200);

        String after = list("").prettify() + list("&q=hoa don token").prettify()
                + desk.owner().get("/cases/" + one + "/messages").asString() + desk.owner().get("/cases/" + two).asString();
        assertThat(Desk.withoutRemainingTimes(after)).isEqualTo(Desk.withoutRemainingTimes(before));
        assertThat(ids(list("&q=hoa don token"))).containsExactly(one);
    }

    @Test
    void customersListOnlyTheirOwnCasesWhateverTheyAskFor() {
        String adas = open("Login loop", "normal", "ana.lima", "cust-ada-" + product.hashCode(), "web");
        open("Other", "normal", "ana.lima", "cust-bob", "web");

        desk.as("cust-ada-" + product.hashCode(), "customer").get("/cases?customer=cust-bob&product=" + product)
                .then().statusCode(200).body("items.id", contains(adas));
        desk.as("raj.patel", "expert").get("/cases").then().statusCode(403);
        desk.owner().get("/cases?product=" + UUID.randomUUID()).then().body("items", empty()).body("nextCursor", nullValue());
    }

    private String open(String subject, String priority, String ownerId, String customerId, String channel) {
        String owner = ownerId == null ? "" : ", \"ownerId\": \"" + ownerId + "\"";
        return desk.lead().contentType(ContentType.JSON).body("""
                {"subject": "%s", "description": "Reported by phone", "priority": "%s", "channel": "%s",
                 "product": "%s", "customer": {"id": "%s", "name": "Ada", "email": "ada@example.com"}%s}
                """.formatted(subject, priority, channel, product, customerId, owner))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private JsonPath list(String query) {
        return desk.owner().get("/cases?limit=200&product=" + product + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id");
    }
}
