package io.caseswarm.knowledge.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.knowledge.Callers;
import io.caseswarm.knowledge.OpenedCases;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What a careless or hostile client may send. Invalid input is the client's 4xx problem, naming the field
 * where there is one, and changes nothing; text that merely looks like SQL, script or search syntax is
 * just text: stored as written, searched for without error.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArticleHostileInputTest {

    private static final String SQL = "'; drop table article_view; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SEARCH_SYNTAX = "a & | ! :*";

    LocalIssuer issuer;

    TestDatabase database;

    EventSender events;

    private Callers as;
    private String existing;

    @BeforeEach
    void anExistingArticle() {
        as = new Callers(issuer);
        existing = as.agent().contentType(ContentType.JSON)
                .body("{\"title\":\"Rotate the sync token\",\"body\":\"Settings, then Rotate.\"}")
                .post("/articles").then().statusCode(201).extract().path("id");
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRefused() throws Exception {
        changesNothing(() -> {
            for (String body : List.of("{\"title\": \"unterminated", "", "not json at all", "[]", "null", "42",
                    "{\"title\":" + "[".repeat(5_000), "{\"title\":\"t\",\"body\":\"b\",}")) {
                refused(body);
            }
            as.agent().contentType(ContentType.TEXT).body("title=t&body=b").post("/articles")
                    .then().statusCode(415).contentType("application/problem+json");
        });
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNamingTheField() throws Exception {
        changesNothing(() -> {
            refused("{\"title\":{\"$gt\":\"\"},\"body\":\"b\"}", "title");
            refused("{\"title\":[\"t\"],\"body\":\"b\"}", "title");
            refused("{\"title\":123,\"body\":\"b\"}", "title");
            refused("{\"title\":\"t\",\"body\":true}", "body");
            refused("{\"title\":\"t\",\"body\":\"b\",\"tags\":\"billing\"}", "tags");
            refused("{\"title\":\"t\",\"body\":\"b\",\"tags\":[{\"name\":\"billing\"}]}", "tags[0]");
            refused("{\"title\":\"t\",\"body\":\"b\",\"tags\":[7]}", "tags[0]");
            refused("{\"title\":\"t\",\"body\":\"b\",\"product\":{}}", "product");
        });
    }

    @Test
    void unknownFieldsAreRefusedSoNobodyPublishesOrPicksIdsThroughTheBody() throws Exception {
        changesNothing(() -> {
            refused("{\"title\":\"t\",\"body\":\"b\",\"status\":\"published\"}", "status");
            refused("{\"title\":\"t\",\"body\":\"b\",\"id\":\"" + UUID.randomUUID() + "\"}", "id");
            refused("{\"title\":\"t\",\"body\":\"b\",\"sourceCaseId\":\"" + UUID.randomUUID() + "\"}",
                    "sourceCaseId");
        });
    }

    @Test
    void missingAndBlankFieldsAreNamed() throws Exception {
        changesNothing(() -> {
            refused("{}", "title", "body");
            refused("{\"title\":\"t\"}", "body");
            refused("{\"title\":null,\"body\":\"  \"}", "title", "body");
            refused("{\"title\":\"t\",\"body\":\"b\",\"tags\":[null, \" \"]}", "tags[0]", "tags[1]");
        });
    }

    @Test
    void visibilityIsOneOfItsNamesAndNeverANumber() throws Exception {
        changesNothing(() -> {
            for (String visibility : List.of("\"secret\"", "\"PUBLIC\"", "0", "\"0\"", "1", "true")) {
                refused("{\"title\":\"t\",\"body\":\"b\",\"visibility\":" + visibility + "}", "visibility");
            }
            as.agent().contentType(ContentType.JSON).body("{\"title\":\"t\",\"body\":\"b\",\"visibility\":\"secret\"}")
                    .post("/articles").then().body("errors.message", contains("must be one of [public, internal]"));
        });
    }

    @Test
    void unknownStatusesAndOutOfRangeLimitsInAQueryAreRefused() throws Exception {
        changesNothing(() -> {
            as.agent().queryParam("status", "archived").get("/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("[draft, published]"));
            as.customer().queryParam("status", "archived").get("/articles").then().statusCode(400);
            for (String limit : List.of("0", "101", "-1")) {
                as.agent().queryParam("limit", limit).get("/articles").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", contains("limit"));
            }
            as.agent().queryParam("limit", "lots").get("/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("limit"));
        });
    }

    @Test
    void oversizedFieldsAreNamedAndAnOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        changesNothing(() -> {
            refused(article("x".repeat(201), "b", "[]", "null"), "title");
            refused(article("x".repeat(60_000), "b", "[]", "null"), "title");
            refused(article("t", "x".repeat(20_001), "[]", "null"), "body");
            refused(article("t", "b", "[" + "\"tag\",".repeat(20) + "\"one-too-many\"]", "null"), "tags");
            refused(article("t", "b", "[\"" + "x".repeat(51) + "\"]", "null"), "tags[0]");
            refused(article("t", "b", "[]", "\"" + "x".repeat(101) + "\""), "product");
            as.agent().queryParam("q", "x".repeat(501)).get("/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("q"));
            as.agent().queryParam("product", "x".repeat(101)).get("/articles").then().statusCode(400)
                    .body("errors.field", contains("product"));

            String overLimit = article("t", "x".repeat(70_000), "[]", "null");
            as.agent().contentType(ContentType.JSON).body(overLimit).post("/articles").then().statusCode(413)
                    .contentType("application/problem+json");
            as.agent().contentType(ContentType.JSON).body(overLimit).put("/articles/" + existing)
                    .then().statusCode(413);
        });
    }

    @Test
    void controlCharactersThatCannotBeStoredAreRefusedNotFailedOn() throws Exception {
        changesNothing(() -> {
            refused(article("a\\u0000b", "b", "[]", "null"), "title");
            refused(article("t", "nul \\u0000 inside", "[]", "null"), "body");
            refused(article("t", "b", "[\"bell\\u0007\"]", "null"), "tags[0]");
            refused(article("half a surrogate \\ud800", "b", "[]", "null"), "title");
            refused(article("t", "b", "[]", "\"new\\nline\""), "product");
            as.agent().queryParam("q", "sync\u0000").get("/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("q"));
        });
    }

    @Test
    void sqlScriptAndSearchSyntaxInAnArticleAreKeptAsPlainText() {
        String body = SCRIPT + "\nThen:\t" + SEARCH_SYNTAX;
        String id = as.agent().contentType(ContentType.JSON)
                .body(Map.of("title", SQL, "body", body, "tags", List.of(SEARCH_SYNTAX),
                        "product", "Robert'); drop table events;--"))
                .post("/articles").then().statusCode(201).extract().path("id");

        as.agent().get("/articles/" + id).then().statusCode(200).contentType(ContentType.JSON)
                .body("title", equalTo(SQL)).body("body", equalTo(body))
                .body("tags", contains(SEARCH_SYNTAX)).body("product", equalTo("Robert'); drop table events;--"));
        as.agent().queryParam("q", SQL).get("/articles").then().statusCode(200).body("id", hasItem(id));
        as.agent().get("/articles/" + existing).then().statusCode(200);
    }

    @Test
    void aPublishedArticleCannotBeOpenedToCustomersOrDefacedThroughARevision() throws Exception {
        as.lead().post("/articles/" + existing + "/publish").then().statusCode(200);

        changesNothing(() -> {
            for (String visibility : List.of("\"public\"", "\"PUBLIC \"", "1", "[\"public\"]")) {
                as.expert().contentType(ContentType.JSON)
                        .body("{\"title\":\"Rotate the sync token\",\"body\":\"Settings, then Rotate.\","
                                + "\"visibility\":" + visibility + "}")
                        .put("/articles/" + existing).then().statusCode(oneOf(400, 403))
                        .contentType("application/problem+json").body("errors.field", hasItem("visibility"));
            }
        });
        as.customer().get("/articles/" + existing).then().statusCode(404);

        // Hostile words from someone who is no reviewer wait for one; readers never see them.
        as.expert().contentType(ContentType.JSON).body(Map.of("title", SQL, "body", SCRIPT))
                .put("/articles/" + existing).then().statusCode(200)
                .body("title", equalTo("Rotate the sync token")).body("pendingRevision.title", equalTo(SQL));
        as.agent().queryParam("q", "drop table").get("/articles").then().statusCode(200)
                .body("id", not(hasItem(existing)));
    }

    @Test
    void oddSearchTextAnswersAListNeverAnError() throws Exception {
        changesNothing(() -> {
            for (String q : List.of(SQL, SCRIPT, SEARCH_SYNTAX, "\"unclosed", "(((", "!!!", ":*", "-", "\\", "%",
                    "_", "' or '1'='1", "<->", "a <-> b", "a:* & !b", "Ünïcödé 😀 𝔘", "' || pg_sleep(5) || '")) {
                as.agent().queryParam("q", q).get("/articles").then().statusCode(200)
                        .body("$", instanceOf(List.class));
                as.customer().queryParam("q", q).queryParam("status", "draft").get("/articles").then()
                        .statusCode(200).body("$", instanceOf(List.class));
                as.agent().queryParam("q", q).queryParam("product", q).get("/articles").then().statusCode(200);
            }
        });
    }

    @Test
    void idsThatAreNotArticlesAreNotFound() throws Exception {
        changesNothing(() -> {
            as.agent().get("/articles/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
            as.agent().get("/articles/" + SQL).then().statusCode(404);
            as.agent().contentType(ContentType.JSON).body(article("t", "b", "[]", "null"))
                    .put("/articles/" + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
            as.lead().post("/articles/" + UUID.randomUUID() + "/publish").then().statusCode(404);
            as.agent().get("/cases/not-a-uuid/suggestions").then().statusCode(404);
        });
    }

    @Test
    void aUseNamesItsCaseByIdAndNothingElse() throws Exception {
        as.lead().post("/articles/" + existing + "/publish").then().statusCode(200);
        String caseId = new OpenedCases(events, database).open().toString();

        changesNothing(() -> {
            for (String field : List.of("usedBy", "authorId", "usedAt", "articleId")) {
                refusedUse("{\"caseId\":\"" + caseId + "\",\"" + field + "\":\"mallory\"}", field);
            }
            refusedUse("{}", "caseId");
            refusedUse("{\"caseId\":null}", "caseId");
            for (String notAnId : List.of("\"not-a-uuid\"", "\"" + caseId + "x\"", "\"" + SQL + "\"", "42", "true",
                    "{\"$gt\":\"\"}", "[\"" + caseId + "\"]", "\"" + caseId.replace('-', 'g') + "\"")) {
                refusedUse("{\"caseId\":" + notAnId + "}", "caseId");
            }
            for (String notAnObject : List.of("", "null", "[]", "\"" + caseId + "\"", "{\"caseId\":",
                    "{\"caseId\":\"" + caseId + "\",\"caseId\":\"" + caseId + "\"}")) {
                refusedUse(notAnObject);
            }
            as.agent().contentType(ContentType.TEXT).body(caseId).post("/articles/" + existing + "/uses")
                    .then().statusCode(415).contentType("application/problem+json");
            as.agent().contentType(ContentType.JSON).body("{\"caseId\":\"" + "x".repeat(70_000) + "\"}")
                    .post("/articles/" + existing + "/uses").then().statusCode(413)
                    .contentType("application/problem+json");
        });
    }

    private void refusedUse(String body, String... fields) {
        var response = as.agent().contentType(ContentType.JSON).body(body).post("/articles/" + existing + "/uses")
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        if (fields.length > 0) {
            response.body("errors.field", hasItems(fields));
        }
    }

    /** Refused as a POST and as a PUT of an existing article: 400 problem+json, naming each field given. */
    private void refused(String body, String... fields) {
        for (var request : List.of(as.agent().contentType(ContentType.JSON).body(body).post("/articles"),
                as.agent().contentType(ContentType.JSON).body(body).put("/articles/" + existing))) {
            var response = request.then().log().ifValidationFails().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
            if (fields.length > 0) {
                response.body("errors.field", hasItems(fields));
            }
        }
    }

    /** An article's JSON with each part given as JSON text, so that tests can put anything in any part. */
    private static String article(String title, String body, String tags, String product) {
        return "{\"title\":\"%s\",\"body\":\"%s\",\"tags\":%s,\"product\":%s}".formatted(title, body, tags, product);
    }

    private void changesNothing(Runnable attempts) throws Exception {
        String articlesBefore = articles();
        long eventsBefore = articleEvents();

        attempts.run();

        assertThat(articles()).isEqualTo(articlesBefore);
        assertThat(articleEvents()).isEqualTo(eventsBefore);
    }

    private String articles() {
        return as.agent().get("/articles?limit=100").then().statusCode(200).extract().asString();
    }

    private long articleEvents() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from events where event_type like 'article-%'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
