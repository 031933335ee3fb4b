package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.caseswarm.auth.LocalIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The people of the tests at the desk: who calls, and the cases they open. */
record Desk(LocalIssuer issuer) {

    RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(issuer.issue(user, roles));
    }

    RequestSpecification owner() {
        return as("ana.lima", "agent");
    }

    RequestSpecification lead() {
        return as("lea.park", "lead");
    }

    /** A case of {@code customerId}, opened by a lead and owned by ana.lima; answers its id. */
    String openCase(String customerId) {
        return lead().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Since Monday the nightly sync stops.",
                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"}, "ownerId": "ana.lima"}
                """.formatted(customerId))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    static String newCustomer() {
        return "cust-" + UUID.randomUUID();
    }

    static Response post(RequestSpecification caller, String path, String json) {
        return caller.contentType(ContentType.JSON).body(json).post(path);
    }
}
