package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.experts.projection.TaxonomyView;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventContract;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The skill taxonomy over REST: admins define skills, everyone who may read people reads them and their sources;
 * each change is published as skill-defined, and whatever is refused changes nothing and publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SkillsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    TaxonomyView taxonomy;

    LocalIssuer issuer;

    /** Names of this test's own, so that tests sharing the database do not meet. */
    String sql;
    String postgres;
    String pg;
    String mysql;

    @BeforeEach
    void names() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sql = "sql-" + run;
        postgres = "postgres-" + run;
        pg = "pg-" + run;
        mysql = "mysql-" + run;
    }

    @Test
    void anAdminDefinesASkillEveryoneWhoReadsPeopleReadsItAndItsSourcesAndItIsPublishedWhole() throws Exception {
        admin().body("{}").put("/skills/" + sql).then().statusCode(200).body("skill", equalTo(sql))
                .body("synonyms", empty()).body("broader", nullValue());
        admin().body(definition(List.of(pg), sql, Map.of(mysql, 0.4))).put("/skills/" + postgres)
                .then().statusCode(200).body("skill", equalTo(postgres)).body("synonyms", contains(pg))
                .body("broader", equalTo(sql)).body("related." + mysql, equalTo(0.4f))
                .body("definedBy", equalTo("root"));

        for (String role : List.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION)) {
            as("reader", role).get("/skills/" + postgres).then().statusCode(200).body("broader", equalTo(sql));
            as("reader", role).get("/skills").then().statusCode(200).body("skill", hasItems(sql, postgres));
            as("reader", role).get("/skills/" + pg + "/sources").then().statusCode(200)
                    .body("skill", equalTo(pg)).body("canonical", equalTo(postgres));
        }
        // The effect, best first: the skill and its synonym fully, the broader half, the related at its weight.
        admin().get("/skills/" + postgres + "/sources").then().statusCode(200)
                .body("sources.keySet()", contains(pg, postgres, sql, mysql))
                .body("sources." + sql, equalTo(0.5f)).body("sources." + mysql, equalTo(0.4f));
        // Related counts both ways; narrower skills count for the broader one.
        admin().get("/skills/" + mysql + "/sources").then().body("sources." + postgres, equalTo(0.4f))
                .body("sources." + pg, equalTo(0.4f));
        admin().get("/skills/" + sql + "/sources").then().body("sources." + postgres, equalTo(0.8f));
        // The ranking's taxonomy has it at once, without a query.
        assertThat(taxonomy.current().sources(pg)).containsEntry(sql, 0.5);

        // Case and spaces do not make another skill; the same definition again publishes nothing.
        admin().body(definition(List.of(pg.toUpperCase()), sql, Map.of(mysql, 0.4)))
                .put("/skills/" + postgres.toUpperCase()).then().statusCode(200).body("skill", equalTo(postgres));
        admin().body(definition(List.of(), sql, Map.of())).put("/skills/" + postgres).then().statusCode(200)
                .body("synonyms", empty());

        List<ConsumerRecord<String, String>> events = eventsOf(postgres, 2);
        events.forEach(EventContract.load()::check);
        JsonNode first = json.readTree(events.getFirst().value());
        assertThat(events.getFirst().key()).isEqualTo("skill:" + postgres);
        assertThat(first.get("skill").asText()).isEqualTo(postgres);
        assertThat(first.get("synonyms")).extracting(JsonNode::asText).containsExactly(pg);
        assertThat(first.get("broader").asText()).isEqualTo(sql);
        assertThat(first.get("related").get(mysql).asDouble()).isEqualTo(0.4);
        assertThat(first.get("definedBy").asText()).isEqualTo("root");
        assertThat(json.readTree(events.get(1).value()).get("synonyms")).isEmpty();
        assertNothingElsePublished(postgres, 2);
        // pg is no synonym any more.
        admin().get("/skills/" + pg + "/sources").then().body("canonical", equalTo(pg));
    }

    @Test
    void aCycleOrAClashingSynonymIsRefusedNamingThePlaceAndChangesNothing() {
        admin().body(definition(List.of(), sql, Map.of())).put("/skills/" + postgres).then().statusCode(200);
        admin().body(definition(List.of(pg), postgres, Map.of())).put("/skills/" + mysql).then().statusCode(200);

        refused(admin().body(definition(List.of(), mysql, Map.of())).put("/skills/" + sql), 409)
                .body("detail", equalTo("broader skills form a cycle: " + sql + " → " + mysql + " → " + postgres
                        + " → " + sql));
        refused(admin().body(definition(List.of(pg), null, Map.of())).put("/skills/" + sql), 409)
                .body("detail", equalTo("synonym " + pg + " is a synonym of " + mysql + " already"));
        refused(admin().body(definition(List.of(postgres), null, Map.of())).put("/skills/" + sql), 409)
                .body("detail", containsString(postgres));
        refused(admin().body(definition(List.of(pg), postgres, Map.of(pg, 0.5))).put("/skills/" + mysql), 409)
                .body("detail", containsString("related to itself"));

        admin().get("/skills/" + sql).then().statusCode(404).contentType("application/problem+json");
        admin().get("/skills/" + mysql).then().body("synonyms", contains(pg)).body("related", org.hamcrest.Matchers
                .anEmptyMap());
        assertNothingElsePublished(sql, 0);
        assertNothingElsePublished(mysql, 1);
    }

    @Test
    void onlyAdminsDefineAndNobodyWithoutATokenOrWithTheCustomerRoleReads() {
        String body = definition(List.of(pg), sql, Map.of());
        for (String role : List.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.INTEGRATION, Roles.CUSTOMER)) {
            refused(as("someone", role).body(body).put("/skills/" + postgres), 403);
        }
        given().contentType(ContentType.JSON).body(body).put("/skills/" + postgres).then().statusCode(401);
        given().get("/skills").then().statusCode(401);
        given().get("/skills/" + postgres + "/sources").then().statusCode(401);
        as("cust-1", Roles.CUSTOMER).get("/skills").then().statusCode(403);
        as("cust-1", Roles.CUSTOMER).get("/skills/" + postgres).then().statusCode(403);
        as("cust-1", Roles.CUSTOMER).get("/skills/" + postgres + "/sources").then().statusCode(403);

        admin().get("/skills/" + postgres).then().statusCode(404);
        assertNothingElsePublished(postgres, 0);
    }

    @Test
    void badNamesWeightsFieldsAndSizesAreRefusedNamingTheFieldAndChangeNothing() {
        for (String badName : List.of("%3Cscript%3E", "-sql", "a'%3B%20drop%20table", "x".repeat(51))) {
            refused(admin().body("{}").put("/skills/" + badName), 400);
            refused(admin().get("/skills/" + badName + "/sources"), 400);
        }
        String good = definition(List.of(pg), sql, Map.of(mysql, 0.4));
        for (String weight : List.of("0", "1", "-0.2", "1.5", "\"0.4\"", "null")) {
            refused(admin().body(good.replace("0.4", weight)).put("/skills/" + postgres), 400)
                    .body("errors.field", hasItem(containsString("related")));
        }
        refused(admin().body(good.replace("\"" + pg + "\"", "\"<b>pg</b>\"")).put("/skills/" + postgres), 400)
                .body("errors.field", hasItem(containsString("synonyms")));
        refused(admin().body(good.replace("\"" + pg + "\"", "\"" + pg + "\", \"" + pg.toUpperCase() + "\""))
                .put("/skills/" + postgres), 400, "synonyms").body("errors.message", hasItem(containsString(pg)));
        refused(admin().body(good.replace("\"" + sql + "\"", "\"'; drop table skill_definition; --\""))
                .put("/skills/" + postgres), 400).body("errors.field", hasItem(containsString("broader")));
        refused(admin().body(good.replace("\"" + mysql + "\"", "\"<img>\"")).put("/skills/" + postgres), 400);
        refused(admin().body(good.replace("{", "{\"definedBy\": \"someone-else\", ")).put("/skills/" + postgres), 400);
        refused(admin().body(good.replace("{", "{\"skill\": \"other\", ")).put("/skills/" + postgres), 400);
        refused(admin().body(good.replace("\"broader\": \"" + sql + "\"", "\"broader\": [\"" + sql + "\"]"))
                .put("/skills/" + postgres), 400);
        String tooMany = IntStream.range(0, 51).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(", "));
        refused(admin().body(good.replace("\"" + pg + "\"", tooMany)).put("/skills/" + postgres), 400, "synonyms");
        String manyRelated = IntStream.range(0, 51).mapToObj(i -> "\"r" + i + "\": 0.5")
                .collect(Collectors.joining(", "));
        refused(admin().body(good.replace("\"" + mysql + "\": 0.4", manyRelated)).put("/skills/" + postgres), 400);
        refused(admin().body(good.replace(pg, "x".repeat(70 * 1024))).put("/skills/" + postgres), 413);
        refused(admin().body("").put("/skills/" + postgres), 400);
        refused(admin().body("null").put("/skills/" + postgres), 400);
        refused(admin().body("{\"synonyms\": ").put("/skills/" + postgres), 400);
        refused(admin().contentType("text/plain").body(good).put("/skills/" + postgres), 415);

        admin().get("/skills/" + postgres).then().statusCode(404);
        assertNothingElsePublished(postgres, 0);
    }

    private static String definition(List<String> synonyms, String broader, Map<String, Double> related) {
        return """
                {"synonyms": [%s], "broader": %s, "related": {%s}}""".formatted(
                synonyms.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")),
                broader == null ? "null" : "\"" + broader + "\"",
                related.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private List<ConsumerRecord<String, String>> eventsOf(String skill, int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            return reader.readForKey("skill:" + skill, count, Duration.ofSeconds(60));
        }
    }

    /** A skill's events are in order: had a refused call published anything, there would be more than these. */
    private void assertNothingElsePublished(String skill, int expected) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            reader.readForKey("skill:" + skill, expected, Duration.ofSeconds(60));
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey("skill:" + skill, expected + 1, Duration.ZERO)).hasSize(expected);
        }
    }


    private RequestSpecification admin() {
        return as("root", Roles.ADMIN);
    }

    private RequestSpecification as(String user, String... roles) {
        return People.as(issuer, user, roles);
    }
}
