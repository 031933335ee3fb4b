package io.caseswarm.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.testing.KafkaBroker;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Cases keep coming in while the broker is away: each is accepted at once, waits in the outbox, and is
 * published exactly once, in order, when the broker is back. Subscribers lose nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = @ResourceArg(name = "own-broker", value = "true"))
class IntakeDuringBrokerOutageTest {

    private static final int CASES = 5;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaBroker broker;

    LocalIssuer issuer;

    @Test
    void casesOpenedWhileTheBrokerIsDownArePublishedOnceWhenItIsBack() {
        String customerId = "cust-" + UUID.randomUUID();
        List<String> opened = new ArrayList<>();
        broker.stopProcess();
        try {
            for (int i = 0; i < CASES; i++) {
                opened.add(given().auth().oauth2(issuer.issue("crm", "integration")).contentType(ContentType.JSON)
                        .body("""
                                {"subject": "Outage intake %d", "description": "Sent while the broker was down.",
                                 "customer": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                                 "channel": "api", "product": "Billing Cloud", "priority": "normal"}"""
                                .formatted(i, customerId))
                        .post("/cases").then().statusCode(201).extract().<String>path("id"));
            }
        } finally {
            broker.startProcess();
        }

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            java.util.function.Predicate<ConsumerRecord<String, String>> ourOpening = r -> opened.contains(r.key())
                    && "case-opened".equals(TopicReader.header(r, "ce_type"));
            reader.readUntil(all -> all.stream().filter(ourOpening).count() >= CASES, Duration.ofSeconds(90));
            reader.readUntil(all -> false, Duration.ofSeconds(3)); // a duplicate would have arrived by now
            List<ConsumerRecord<String, String>> ours = reader.readUntil(all -> true, Duration.ZERO).stream()
                    .filter(ourOpening).toList();
            assertThat(ours).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(opened);
        }
    }
}
