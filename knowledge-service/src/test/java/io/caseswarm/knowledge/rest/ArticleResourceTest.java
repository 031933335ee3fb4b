package io.caseswarm.knowledge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ArticleResourceTest {

    @Test
    void anArticleIsDraftedRevisedAndPublishedOnce() {
        String id = draft("Reset a locked account", "Unlock it in the admin console.", List.of("Accounts"));
        given().get("/articles/" + id).then().statusCode(200)
                .body("status", equalTo("draft")).body("tags", contains("accounts"));

        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Reset a locked account", "body", "Unlock it in the admin console, then log in.",
                        "tags", List.of("accounts", "login")))
                .put("/articles/" + id).then().statusCode(200).body("version", equalTo(2));
        given().post("/articles/" + id + "/publish").then().statusCode(200).body("status", equalTo("published"));
        given().post("/articles/" + id + "/publish").then().statusCode(409).contentType("application/problem+json");
        given().post("/articles/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    @Test
    void searchRanksTheBestMatchFirst() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String inBody = draft("Printer settings", "Somewhere in here: " + word, List.of());
        String inTitle = draft("How to " + word + " the printer", "Steps follow.", List.of());

        given().get("/articles?q=" + word).then().statusCode(200)
                .body("id", contains(inTitle, inBody))
                .body("[0].score", org.hamcrest.Matchers.greaterThan(0f));
        given().post("/articles/" + inBody + "/publish").then().statusCode(200);
        given().get("/articles?q=" + word + "&status=published").then().body("id", contains(inBody));
    }

    @Test
    void badArticlesAreRefusedWithTheFieldsNamed() {
        given().contentType(ContentType.JSON).body(Map.of("title", "", "body", "x".repeat(50_001)))
                .post("/articles").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("body"));
        given().get("/articles?status=retired").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("[draft, published]"));
    }

    private static String draft(String title, String body, List<String> tags) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title, "body", body, "tags", tags))
                .post("/articles").then().statusCode(201).extract().path("id");
    }
}
