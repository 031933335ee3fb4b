package io.caseswarm.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.notifications.RealMailServer;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The delivery log shows everybody's addresses and messages: leads, admins and other systems only. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryLogAccessTest {

    LocalIssuer issuer;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "lead", "admin", "integration" })
    void leadsAdminsAndOtherSystemsReadTheDeliveryLog(String role) {
        given().auth().oauth2(issuer.issue("someone." + role, role))
                .get("/notifications?recipient=ada@example.com").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "expert", "agent", "customer" })
    void expertsAgentsAndCustomersMayNotReadTheDeliveryLog(String role) {
        given().auth().oauth2(issuer.issue("someone." + role, role))
                .get("/notifications?recipient=ada@example.com")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
