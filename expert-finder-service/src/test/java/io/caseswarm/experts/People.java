package io.caseswarm.experts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The directory as tests fill it: profiles, callers with tokens, and what reached {@code expert-events}. */
public final class People {

    /** The HR system that keeps the directory in step with its own; registers everyone in the tests. */
    public static final String HR_SYSTEM = "hr-sync";

    private People() {
    }

    public static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A whole profile, reachable round the clock in UTC, with capacity 2. */
    public static String profile(String id, String skill, int level, String presence) {
        return """
                {"id": "%s", "name": "Person %s", "email": "%s@example.com", "chatHandle": "@%s", "timeZone": "UTC",
                 "workingHours": {"start": "00:00", "end": "23:59"}, "skills": [{"name": "%s", "level": %d}],
                 "capacity": 2, "presence": "%s"}""".formatted(id, id, id, id, skill, level, presence);
    }

    /** A request made with a valid token for {@code user} holding {@code roles}. */
    public static RequestSpecification as(LocalIssuer issuer, String user, String... roles) {
        return given().auth().oauth2(issuer.issue(user, roles)).contentType(ContentType.JSON);
    }

    public static String register(LocalIssuer issuer, String skill, int level, String presence) {
        String id = newId();
        as(issuer, HR_SYSTEM, Roles.INTEGRATION).body(profile(id, skill, level, presence))
                .post("/people").then().statusCode(201);
        return id;
    }

    /**
     * The first {@code count} directory events of one person. Events of one person are published in the
     * order they were written, so when the last expected one has arrived, nothing else can sit before it.
     */
    public static List<ConsumerRecord<String, String>> eventsOf(String bootstrapServers, String personId,
            int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            return reader.readForKey(personId, count, Duration.ofSeconds(60));
        }
    }

    /** The refusal a client gets: the status, as a problem document, naming {@code fields} if given. */
    public static ValidatableResponse refused(Response response, int status, String... fields) {
        ValidatableResponse then = response.then().log().ifValidationFails()
                .statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (fields.length > 0) {
            then.body("errors.field", hasItems(fields));
        }
        return then;
    }
}
