package io.caseswarm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

/**
 * What every Caseswarm service promises an operator: it starts against the real broker and its own
 * database, migrates its schema (the event store included) and says so on its readiness probe, which
 * checks both the database and the broker.
 * A service's test extends this, annotated {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class ServiceReadinessContract {

    protected TestDatabase database;

    @Test
    void startsMigratesItsDatabaseAndReportsReady() throws Exception {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka broker"));
        given().when().get("/q/health/live").then().statusCode(200);

        try (Connection connection = database.connect();
                ResultSet tables = connection.getMetaData().getTables(null, "public", "events", null)) {
            org.junit.jupiter.api.Assertions.assertTrue(tables.next(), "the event store table exists");
        }
    }
}
