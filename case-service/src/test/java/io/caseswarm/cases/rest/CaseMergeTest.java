package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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

/**
 * A duplicate is merged into the case that survives it: the duplicate is closed, both show the link, the
 * survivor's conversation shows both cases' messages in the order they were written.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseMergeTest extends DeskTest {

    @Test
    void theDuplicateIsClosedAndBothCasesShowTheMergeAndSubscribersHearIt() throws Exception {
        String survivor = desk.openCase(Desk.newCustomer());
        String duplicate = desk.openCase(Desk.newCustomer());
        String survivorNumber = number(survivor);
        String duplicateNumber = number(duplicate);

        merge(desk.owner(), duplicate, survivor).then().statusCode(200).body("status", equalTo("closed"))
                .body("closedAt", notNullValue()).body("mergedInto.caseId", equalTo(survivor))
                .body("mergedInto.number", equalTo(survivorNumber)).body("links.relation", contains("duplicate-of"))
                .body("links.caseId", contains(survivor));
        desk.owner().get("/cases/" + survivor).then().body("status", equalTo("open"))
                .body("links.relation", contains("duplicated-by")).body("links.caseId", contains(duplicate))
                .body("links.number", contains(duplicateNumber)).body("$", not(hasKey("mergedInto")));
        desk.owner().get("/cases?status=closed&customer=" + customerOf(duplicate)).then()
                .body("items.mergedInto.number", contains(survivorNumber));

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(duplicate, 4, Duration.ofSeconds(60));
            assertThat(TopicReader.header(records.get(3), "ce_type")).isEqualTo("case-merged");
            JsonNode merged = json.readTree(records.get(3).value());
            assertThat(merged.get("from").asText()).isEqualTo("open");
            assertThat(merged.get("into").asText()).isEqualTo(survivor);
            assertThat(merged.get("intoNumber").asText()).isEqualTo(survivorNumber);
            assertThat(merged.get("by").asText()).isEqualTo("ana.lima");
            ConsumerRecord<String, String> linked = reader.readForKey(survivor, 4, Duration.ofSeconds(60)).get(3);
            assertThat(TopicReader.header(linked, "ce_type")).isEqualTo("case-linked");
            assertThat(json.readTree(linked.value()).get("relation").asText()).isEqualTo("duplicated-by");
            assertThat(json.readTree(linked.value()).get("linkedCaseId").asText()).isEqualTo(duplicate);
        }
    }

    @Test
    void theSurvivorsConversationShowsBothCasesInTheOrderWrittenAPageAtATime() {
        String customer = Desk.newCustomer();
        String survivor = desk.openCase(customer);
        String duplicate = desk.openCase(customer);
        write(desk.owner(), survivor, "We are looking into it", "public").then().statusCode(201);
        write(desk.as(customer, "customer"), duplicate, "Same problem on the second account", "public").then().statusCode(201);
        write(desk.owner(), duplicate, "Same root cause as the first", "internal").then().statusCode(201);
        write(desk.as(customer, "customer"), survivor, "Any news?", "public").then().statusCode(201);

        merge(desk.lead(), duplicate, survivor).then().statusCode(200);

        List<String> expected = List.of("We are looking into it", "Same problem on the second account",
                "Same root cause as the first", "Any news?");
        JsonPath all = desk.owner().get("/cases/" + survivor + "/messages").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.body", String.class)).isEqualTo(expected);
        assertThat(all.getList("items.caseNumber", String.class)).containsExactly(number(survivor), number(duplicate),
                number(duplicate), number(survivor));
        assertThat(all.getList("items.caseId", String.class)).containsExactly(survivor, duplicate, duplicate, survivor);
        assertThat(pages(desk::owner, survivor, 1)).isEqualTo(expected);
        assertThat(pages(desk::owner, survivor, 3)).isEqualTo(expected);
        assertThat(pages(() -> desk.as(customer, "customer"), survivor, 1))
                .containsExactly("We are looking into it", "Same problem on the second account", "Any news?");
        assertThat(pages(desk::owner, duplicate, 1)).as("the duplicate keeps its own")
                .containsExactly("Same problem on the second account", "Same root cause as the first");
    }

    /** A merged duplicate may be somebody else's: its public messages stay theirs. */
    @Test
    void aCustomerReadsOnlyThePublicMessagesOfTheirOwnCasesInAMergedConversation() {
        String customer = Desk.newCustomer();
        String stranger = Desk.newCustomer();
        String survivor = desk.openCase(customer);
        String strangers = desk.openCase(stranger);
        String survivorsSurvivor = desk.openCase(customer);
        write(desk.as(stranger, "customer"), strangers, "My invoice number is 4711", "public").then().statusCode(201);
        write(desk.as(customer, "customer"), survivor, "Sync stops at 40%", "public").then().statusCode(201);
        merge(desk.owner(), strangers, survivor).then().statusCode(200);
        merge(desk.owner(), survivor, survivorsSurvivor).then().statusCode(200);

        assertThat(pages(() -> desk.as(customer, "customer"), survivorsSurvivor, 50)).containsExactly("Sync stops at 40%");
        assertThat(pages(desk::owner, survivorsSurvivor, 50)).as("merged in turn, staff read all")
                .containsExactly("My invoice number is 4711", "Sync stops at 40%");
        desk.as(stranger, "customer").get("/cases/" + survivor + "/messages").then().statusCode(404);
        desk.as(stranger, "customer").get("/cases/" + strangers).then().statusCode(200).body("status", equalTo("closed"))
                .body("$", not(hasKey("mergedInto"))).body("$", not(hasKey("links")));
    }

    @Test
    void aMergeTheCasesDoNotAllowIs409AndChangesNothing() {
        String open = desk.openCase(Desk.newCustomer());
        String other = desk.openCase(Desk.newCustomer());
        String closed = desk.openCase(Desk.newCustomer());
        post(desk.lead(), "/cases/" + closed + "/status", "{\"status\": \"closed\"}").then().statusCode(200);
        String mergedAway = desk.openCase(Desk.newCustomer());
        merge(desk.owner(), mergedAway, other).then().statusCode(200);
        String before = snapshots(open, other, closed, mergedAway);

        merge(desk.owner(), open, open).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot be merged into itself"));
        merge(desk.lead(), closed, open).then().statusCode(409).body("detail", containsString("is closed"));
        merge(desk.owner(), open, closed).then().statusCode(409).body("detail", containsString("which is closed"));
        merge(desk.owner(), open, mergedAway).then().statusCode(409)
                .body("detail", containsString("which was itself merged into " + number(other)));
        merge(desk.owner(), mergedAway, open).then().statusCode(409)
                .body("detail", containsString("was merged into " + number(other)));
        write(desk.owner(), mergedAway, "Still there?", "public").then().statusCode(409)
                .body("detail", containsString("was merged into " + number(other)));

        assertThat(snapshots(open, other, closed, mergedAway)).isEqualTo(before);
    }

    @Test
    void onlyTheDuplicatesOwnerOrALeadMergesItAndBadRequestsChangeNothing() {
        String customer = Desk.newCustomer();
        String duplicate = desk.openCase(customer);
        String survivor = desk.openCase(customer);
        String before = snapshots(duplicate, survivor);

        merge(desk.as("raj.patel", "agent"), duplicate, survivor).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("Only the case's owner, ana.lima,"));
        merge(desk.as(customer, "customer"), duplicate, survivor).then().statusCode(403);
        merge(desk.as("crm", "integration"), duplicate, survivor).then().statusCode(403);
        merge(desk.owner(), duplicate, "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        merge(desk.owner(), "00000000-0000-0000-0000-000000000000", survivor).then().statusCode(404);
        for (String bad : List.of("{}", "{\"into\": null}", "{\"into\": \"CS-000001\"}", "{\"into\": 7}",
                "{\"into\": [\"" + survivor + "\"]}", "{\"into\": \"" + survivor + "\", \"reason\": \"dup\"}")) {
            post(desk.owner(), "/cases/" + duplicate + "/merge", bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains(bad.contains("reason") ? "reason" : "into"));
        }

        assertThat(snapshots(duplicate, survivor)).isEqualTo(before);
    }

    /**
     * Two leads merge two cases into each other at once: one merge wins, the other is decided again on what
     * it did and refused; neither waits on the other for ever (both streams are written in one order).
     */
    @Test
    void ofTwoMergesOfTheSameCasesIntoEachOtherOneWinsAndTheOtherIsRefused() {
        for (int round = 0; round < 5; round++) {
            String one = desk.openCase(Desk.newCustomer());
            String other = desk.openCase(Desk.newCustomer());

            CompletableFuture<Integer> oneIntoOther = CompletableFuture.supplyAsync(
                    () -> merge(desk.lead(), one, other).statusCode());
            CompletableFuture<Integer> otherIntoOne = CompletableFuture.supplyAsync(
                    () -> merge(desk.lead(), other, one).statusCode());

            assertThat(List.of(oneIntoOther.join(), otherIntoOne.join())).containsExactlyInAnyOrder(200, 409);
            String closed = oneIntoOther.join() == 200 ? one : other;
            desk.owner().get("/cases/" + closed).then().body("status", equalTo("closed"));
            desk.owner().get("/cases/" + (closed.equals(one) ? other : one)).then().body("status", equalTo("open"))
                    .body("links.relation", contains("duplicated-by"));
        }
    }

    @Test
    void rebuildingTheViewRestoresTheSameLinksMergeAndMergedConversation() {
        String customer = Desk.newCustomer();
        String survivor = desk.openCase(customer);
        String duplicate = desk.openCase(customer);
        String cause = desk.openCase(Desk.newCustomer());
        write(desk.as(customer, "customer"), duplicate, "Hóa đơn không đồng bộ", "public").then().statusCode(201);
        write(desk.owner(), survivor, "Checking the token", "internal").then().statusCode(201);
        post(desk.owner(), "/cases/" + survivor + "/links", "{\"relation\": \"caused-by\", \"case\": \"" + cause + "\"}")
                .then().statusCode(200);
        merge(desk.owner(), duplicate, survivor).then().statusCode(200);
        String before = snapshots(survivor, duplicate, cause) + conversations(customer, survivor);

        desk.admin().post("/admin/projections/case-view/rebuild").then().statusCode(200);

        assertThat(snapshots(survivor, duplicate, cause) + conversations(customer, survivor)).isEqualTo(before);
        desk.owner().get("/cases/" + survivor).then().body("links.relation", contains("caused-by", "duplicated-by"));
        assertThat(pages(desk::owner, survivor, 1)).containsExactly("Hóa đơn không đồng bộ", "Checking the token");
    }

    private io.restassured.response.Response merge(RequestSpecification caller, String duplicate, String survivor) {
        return post(caller, "/cases/" + duplicate + "/merge", "{\"into\": \"" + survivor + "\"}");
    }

    private static io.restassured.response.Response write(RequestSpecification caller, String caseId, String body,
            String visibility) {
        return post(caller, "/cases/" + caseId + "/messages",
                "{\"body\": \"" + body + "\", \"visibility\": \"" + visibility + "\"}");
    }

    /** The bodies of a conversation, read page by page of {@code limit}. */
    private static List<String> pages(Supplier<RequestSpecification> caller, String caseId, int limit) {
        List<String> bodies = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/cases/" + caseId + "/messages").then().statusCode(200).extract().jsonPath();
            bodies.addAll(page.getList("items.body", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return bodies;
    }

    private String conversations(String customer, String caseId) {
        return desk.owner().get("/cases/" + caseId + "/messages").asString()
                + desk.as(customer, "customer").get("/cases/" + caseId + "/messages").asString();
    }

    private String snapshots(String... caseIds) {
        StringBuilder all = new StringBuilder();
        for (String caseId : caseIds) {
            all.append(desk.snapshot(caseId)).append(desk.owner().get("/cases/" + caseId + "/history").asString());
        }
        return all.toString();
    }

    private String number(String caseId) {
        return desk.owner().get("/cases/" + caseId).then().extract().path("number");
    }

    private String customerOf(String caseId) {
        return desk.owner().get("/cases/" + caseId).then().extract().path("customer.id");
    }
}
