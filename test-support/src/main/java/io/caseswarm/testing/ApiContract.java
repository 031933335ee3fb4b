package io.caseswarm.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.restassured.path.json.JsonPath;

/**
 * What every Caseswarm API promises its callers, checked against the service's own OpenAPI document
 * so that a new endpoint is held to it without a new test: each operation is documented with the
 * roles that may call it, and refuses a call without a valid bearer token (none, badly signed, from
 * another issuer, expired) with 401 problem+json. Health, metrics and the documents stay open.
 * A service's test extends this, annotated {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class ApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    protected LocalIssuer issuer;

    @Test
    void everyOperationNamesTheRolesThatMayCallIt() {
        List<Operation> operations = operations();
        assertThat(operations).isNotEmpty();
        for (Operation operation : operations) {
            assertThat(operation.roles()).as("roles of %s", operation).isNotEmpty()
                    .isSubsetOf("agent", "expert", "lead", "admin", "integration", "customer");
        }
    }

    @Test
    void everyOperationRefusesCallsWithoutAValidToken() {
        LocalIssuer stranger = LocalIssuer.generate();
        Instant now = Instant.now();
        Map<String, String> invalidTokens = Map.of(
                "badly signed", stranger.issue("ana.lima", "admin", "lead", "agent"),
                "from another issuer", issuer.issue("https://elsewhere.example/auth", "ana.lima", now,
                        Duration.ofHours(1), "admin", "lead", "agent"),
                "expired", issuer.issue(LocalIssuer.ISSUER, "ana.lima", now.minus(Duration.ofHours(2)),
                        Duration.ofHours(1), "admin", "lead", "agent"),
                "not a token", "not-a-jwt");
        for (Operation operation : operations()) {
            given().contentType("application/json").body("{}")
                    .request(operation.method(), operation.callablePath())
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
            invalidTokens.forEach((why, token) -> given().auth().oauth2(token).contentType("application/json")
                    .body("{}").request(operation.method(), operation.callablePath())
                    .then().log().ifValidationFails().statusCode(401).body("status", equalTo(401)));
        }
    }

    @Test
    void healthMetricsAndApiDocumentsStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Every operation of the service's OpenAPI document, with the roles its security requirement names. */
    protected static List<Operation> operations() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, detail) -> {
            if (METHODS.contains(method)) {
                operations.add(new Operation(method.toUpperCase(), path, rolesOf(detail)));
            }
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(Object operation) {
        List<Map<String, List<String>>> security =
                (List<Map<String, List<String>>>) ((Map<String, Object>) operation).getOrDefault("security", List.of());
        return security.stream().flatMap(requirement -> requirement.values().stream()).flatMap(List::stream)
                .distinct().toList();
    }

    public record Operation(String method, String path, List<String> roles) {

        /** The path with a made-up value for each parameter: the call must fail before any lookup. */
        String callablePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
