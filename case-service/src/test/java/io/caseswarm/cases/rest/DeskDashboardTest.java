package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The desk's Grafana dashboard asks only for series this service exports: a renamed metric breaks this, not a panel. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeskDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "caseswarm-desk.json");

    @Test
    void everySeriesTheDashboardQueriesIsExported() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Set<String> queried = new TreeSet<>();
        Pattern series = Pattern.compile("caseswarm_[a-z_]+");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as("queries of %s", panel.path("title")).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Matcher name = series.matcher(target.path("expr").asText());
                while (name.find()) {
                    queried.add(name.group());
                }
            }
        }
        assertThat(queried).contains("caseswarm_report_cases_unresolved", "caseswarm_report_sla_breached",
                "caseswarm_report_sla_at_risk", "caseswarm_report_swarm_first_join_seconds_bucket");

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : queried) {
            assertThat(scrape).as("the series %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
