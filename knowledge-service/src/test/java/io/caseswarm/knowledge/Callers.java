package io.caseswarm.knowledge;

import static io.restassured.RestAssured.given;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.restassured.specification.RequestSpecification;

/** The people who use the knowledge base in tests, each calling with a real token from the test issuer. */
public record Callers(LocalIssuer issuer) {

    public RequestSpecification agent() {
        return as("ana.lima", Roles.AGENT);
    }

    public RequestSpecification expert() {
        return as("raj.patel", Roles.EXPERT);
    }

    public RequestSpecification lead() {
        return as("mia.chen", Roles.LEAD);
    }

    public RequestSpecification integration() {
        return as("crm-portal", Roles.INTEGRATION);
    }

    public RequestSpecification customer() {
        return as("cust-ada", Roles.CUSTOMER);
    }

    public RequestSpecification as(String personId, String... roles) {
        return given().auth().oauth2(issuer.issue(personId, roles));
    }
}
