package io.caseswarm.knowledge.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.knowledge.Callers;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Suggestions for a text before it is a case, matched on its telling words: a large knowledge base full of
 * everyday support words still suggests the one article that shares the case's rare word.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TextSuggestionsTest {

    LocalIssuer issuer;

    TestDatabase database;

    private Callers as;

    @BeforeEach
    void callers() {
        as = new Callers(issuer);
    }

    @Test
    void theRareWordFindsItsArticleAmongMoreThanAThousandThatShareTheEverydayOnes() throws Exception {
        String spooler = published("Printer spooler stuck", "Clear the spooler when the printer shows QX4711.");
        // Everyday words in more than a thousand published articles, titles included, so that ranking on
        // every word would put them first.
        // every word would put them first. They are written straight to the read model and removed after,
        // so that the other tests sharing this database do not see them.
        execute("""
                insert into article_view (article_id, title, body, tags, status, visibility, created_at,
                    updated_at, version)
                select gen_random_uuid(), 'Account login error after password reset',
                    'Account login error: reset the password, then log in to the account again.', '["everyday"]',
                    'PUBLISHED', 'INTERNAL', now(), now(), 1
                from generate_series(1, 1100)""");
        try {
            suggest("Account login error: the printer shows QX4711 since the password reset")
                    .body("articleId[0]", equalTo(spooler))
                    .body("title", not(hasItem("Account login error after password reset")));
            // Nothing but everyday words tells no article from another: no suggestion rather than a random one.
            suggest("Account login error after the password reset").body("$", empty());
        } finally {
            execute("delete from article_view where tags = '[\"everyday\"]'");
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /**
     * Searches read only the index: articles written in bulk (an import) are in it at once, not in a pending list
     * that every search would read row by row until the next vacuum.
     */
    @Test
    void articlesWrittenInBulkLeaveNothingPendingForTheSearchesToRead() throws Exception {
        execute("create extension if not exists pgstattuple");
        execute("""
                insert into article_view (article_id, title, body, tags, status, visibility, created_at,
                    updated_at, version)
                select gen_random_uuid(), 'Imported article ' || n, 'Imported body ' || n, '["imported"]',
                    'PUBLISHED', 'INTERNAL', now(), now(), 1
                from generate_series(1, 500) n""");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet index = statement.executeQuery(
                        "select pending_pages, pending_tuples from pgstatginindex('article_view_search')")) {
            index.next();
            assertThat(index.getLong("pending_tuples")).isZero();
            assertThat(index.getLong("pending_pages")).isZero();
        } finally {
            execute("delete from article_view where tags = '[\"imported\"]'");
        }
    }

    @Test
    void wordsCountOnlyWhilePublishedAndFollowEachPublishedRevision() throws Exception {
        long publishedBefore = articlesHolding("");
        String id = as.lead().contentType(ContentType.JSON)
                .body(Map.of("title", "Zorblax gateway timeouts", "body", "Raise the zorblax timeout."))
                .post("/articles").then().statusCode(201).extract().path("id");
        assertThat(articlesHolding("zorblax")).isZero();
        suggest("zorblax").body("$", empty());

        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        assertThat(articlesHolding("zorblax")).isEqualTo(1);
        assertThat(articlesHolding("gateway")).isEqualTo(1);
        assertThat(articlesHolding("")).isEqualTo(publishedBefore + 1);
        suggest("The zorblax answers slowly").body("articleId[0]", equalTo(id));

        // A lead's revision is published at once: the words it dropped no longer count, nor find it.
        as.lead().contentType(ContentType.JSON)
                .body(Map.of("title", "Gateway timeouts", "body", "Raise the gateway timeout."))
                .put("/articles/" + id).then().statusCode(200);
        assertThat(articlesHolding("zorblax")).isZero();
        assertThat(articlesHolding("gateway")).isEqualTo(1);
        assertThat(articlesHolding("")).isEqualTo(publishedBefore + 1);
        suggest("The zorblax answers slowly").body("articleId", not(hasItem(id)));
    }

    @Test
    void staffAndOtherSystemsMayAskButNotCustomersNorStrangers() {
        String body = "{\"text\":\"invoice sync\"}";
        for (var caller : List.of(as.agent(), as.expert(), as.lead(), as.integration())) {
            caller.contentType(ContentType.JSON).body(body).post("/suggestions").then().statusCode(200);
        }
        as.customer().contentType(ContentType.JSON).body(body).post("/suggestions").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/suggestions").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void hostileBodiesAreRefusedNamingTheFieldAndOddTextIsJustText() {
        refused("{}", "text");
        refused("{\"text\":null}", "text");
        refused("{\"text\":\"  \"}", "text");
        refused("{\"text\":42}", "text");
        refused("{\"text\":[\"invoice\"]}", "text");
        refused("{\"text\":\"a\\u0000b\"}", "text");
        refused("{\"text\":\"" + "word ".repeat(4_001) + "\"}", "text");
        refused("{\"text\":\"invoice\",\"product\":\"" + "p".repeat(101) + "\"}", "product");
        refused("{\"text\":\"invoice\",\"product\":\"a\\nb\"}", "product");
        for (String field : List.of("limit", "publicOnly", "status", "candidates")) {
            refused("{\"text\":\"invoice\",\"" + field + "\":1}", field);
        }
        for (String notAnObject : List.of("", "null", "[]", "\"invoice\"", "{\"text\":")) {
            refused(notAnObject);
        }
        as.agent().contentType(ContentType.TEXT).body("invoice").post("/suggestions").then().statusCode(415)
                .contentType("application/problem+json");
        as.agent().contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(70_000) + "\"}")
                .post("/suggestions").then().statusCode(413).contentType("application/problem+json");
        for (String odd : List.of("'; drop table article_view; --", "a & | ! :*", "<script>alert(1)</script>",
                "Hóa đơn không đồng bộ", "فاکتور همگام نمی‌شود", "Ο λογαριασμός κλειδώθηκε")) {
            as.agent().contentType(ContentType.JSON).body(Map.of("text", odd)).post("/suggestions")
                    .then().statusCode(200);
        }
    }

    private ValidatableResponse suggest(String text) {
        return as.agent().contentType(ContentType.JSON).body(Map.of("text", text)).post("/suggestions")
                .then().log().ifValidationFails().statusCode(200);
    }

    private void refused(String body, String... fields) {
        var response = as.agent().contentType(ContentType.JSON).body(body).post("/suggestions")
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        if (fields.length > 0) {
            response.body("errors.field", hasItems(fields));
        }
    }

    private String published(String title, String body) {
        String id = as.agent().contentType(ContentType.JSON).body(Map.of("title", title, "body", body))
                .post("/articles").then().statusCode(201).extract().path("id");
        as.lead().post("/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** How many published articles the knowledge base counts for a word ("" counts them all). */
    private long articlesHolding(String lexeme) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(max(articles), 0) from article_lexeme where lexeme = ?")) {
            query.setString(1, lexeme);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
