package io.caseswarm.swarms.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The world the swarm API tests act in: cases announced as case-service would, experts invited as the
 * expert finder would, and people calling with their own tokens.
 */
final class SwarmFixture {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Owns the cases of these tests. */
    static final String OWNER = "ana.lima";
    /** Another agent: owns none of them. */
    static final String OTHER_AGENT = "omar.haddad";
    static final String LEAD = "lena.berg";
    static final String RAJ = "raj.patel";
    static final String MEI = "mei.chen";
    /** An expert nobody invited. */
    static final String STRANGER = "sam.ortiz";

    private final EventSender events;
    private final LocalIssuer issuer;
    private final TestDatabase database;

    SwarmFixture(EventSender events, LocalIssuer issuer, TestDatabase database) {
        this.events = events;
        this.issuer = issuer;
        this.database = database;
    }

    /** A call by {@code personId} holding {@code roles}, with a token of the issuer the service trusts. */
    RequestSpecification as(String personId, String... roles) {
        return given().auth().oauth2(issuer.issue(personId, roles)).contentType(ContentType.JSON);
    }

    RequestSpecification owner() {
        return as(OWNER, Roles.AGENT);
    }

    RequestSpecification lead() {
        return as(LEAD, Roles.LEAD);
    }

    RequestSpecification expert(String personId) {
        return as(personId, Roles.EXPERT);
    }

    /** An open case owned by {@code ownerId}, once the swarm service has learnt of it and its owner. */
    String knownCase(String ownerId) {
        String caseId = UUID.randomUUID().toString();
        open(caseId);
        events.send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, ownerId));
        awaitKnownCase(caseId, "owner_id is not null");
        return caseId;
    }

    /** case-service hands the case to {@code ownerId}. */
    void reassign(String caseId, String ownerId) {
        events.send("case-events", caseId, "case-assigned",
                "{\"caseId\":\"%s\",\"ownerId\":\"%s\"}".formatted(caseId, ownerId));
        awaitKnownCase(caseId, "owner_id = '" + ownerId + "'");
    }

    /** An open case nobody has been assigned yet. */
    String unassignedCase() {
        String caseId = UUID.randomUUID().toString();
        open(caseId);
        awaitKnownCase(caseId, "status = 'open'");
        return caseId;
    }

    void resolve(String caseId) {
        caseMoved(caseId, "case-resolved", "resolved");
    }

    /** case-service announced {@code type} (case-resolved, case-reopened, case-closed); returns once the case is {@code status}. */
    void caseMoved(String caseId, String type, String status) {
        events.send("case-events", caseId, type, "{\"caseId\":\"%s\"}".formatted(caseId));
        awaitKnownCase(caseId, "status = '" + status + "'");
    }

    static String swarmRequest(String caseId) {
        return """
                {"caseId": "%s", "question": "Why does the sync stop?", "stepsTried": "Restarted it",
                 "skills": ["Billing", "postgres"], "teamSize": 2}""".formatted(caseId);
    }

    /** A swarm the owner asked for on {@code caseId}. */
    String swarmOn(String caseId) {
        return owner().body(swarmRequest(caseId)).post("/swarms").then().statusCode(201).extract().path("id");
    }

    /** The expert finder invites {@code personIds}; returns once the swarm lists them. */
    void invite(String swarmId, String caseId, String... personIds) {
        for (String personId : personIds) {
            events.send("expert-events", swarmId, "expert-invited",
                    "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\",\"email\":\"%s@example.com\"}"
                            .formatted(swarmId, caseId, personId, personId));
        }
        await().atMost(PATIENCE).untilAsserted(() -> owner().get("/swarms/" + swarmId)
                .then().body("members.personId", hasItems(personIds)));
    }

    /** Every swarm event this service has appended about {@code caseId} (and so will publish), in order. */
    List<String> storedEventsAbout(String caseId) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("select stream_id, event_type from events"
                        + " where payload ->> 'caseId' = ? order by position")) {
            query.setString(1, caseId);
            List<String> stored = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void open(String caseId) {
        events.send("case-events", caseId, "case-opened",
                "{\"caseId\":\"%s\",\"number\":\"CS-000777\",\"subject\":\"Sync stops\"}".formatted(caseId));
    }

    private void awaitKnownCase(String caseId, String condition) {
        await().atMost(PATIENCE).until(() -> {
            try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                    "select count(*) from known_case where case_id = ?::uuid and " + condition)) {
                query.setString(1, caseId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getInt(1) == 1;
                }
            }
        });
    }
}
