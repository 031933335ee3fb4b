package io.caseswarm.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The case shows what other services do for it, learnt from their events on the real broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CaseShowsSwarmsAndSuggestionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void theCaseShowsItsSwarmWithTheExpertsWhoJoinedUntilItCloses() throws Exception {
        String caseId = openCase();
        String swarmId = UUID.randomUUID().toString();

        send("swarm-events", swarmId, "swarm-requested", """
                {"swarmId":"%s","caseId":"%s","ownerId":"ana.lima","question":"Why does the sync stop?",
                 "skills":["billing"],"teamSize":2}""".formatted(swarmId, caseId));
        send("swarm-events", swarmId, "swarm-member-joined",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"raj.patel\"}".formatted(swarmId, caseId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/cases/" + caseId)
                .then().body("swarms[0].status", equalTo("active"))
                .body("swarms[0].question", equalTo("Why does the sync stop?"))
                .body("swarms[0].memberIds", contains("raj.patel")));

        CloudEvent closed = event(swarmId, "swarm-closed",
                "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"reason\":\"case-resolved\"}".formatted(swarmId, caseId));
        producer.send(closed.toRecord("swarm-events")).get();
        producer.send(closed.toRecord("swarm-events")).get(); // a redelivery changes nothing

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/cases/" + caseId)
                .then().body("swarms.size()", equalTo(1)).body("swarms[0].status", equalTo("closed")));
    }

    @Test
    void theCaseShowsTheArticlesSuggestedForIt() throws Exception {
        String caseId = openCase();
        given().get("/cases/" + caseId).then().body("suggestions.size()", equalTo(0));

        send("knowledge-events", caseId, "knowledge-suggested", """
                {"caseId":"%s","suggestions":[{"articleId":"a-1","title":"Fixing invoice sync","score":0.8}],
                 "suggestedAt":"2026-11-22T09:00:00Z"}""".formatted(caseId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/cases/" + caseId)
                .then().body("suggestions[0].articleId", equalTo("a-1"))
                .body("suggestions[0].title", equalTo("Fixing invoice sync")));
    }

    private void send(String topic, String key, String type, String data) throws Exception {
        producer.send(event(key, type, data).toRecord(topic)).get();
    }

    private static CloudEvent event(String subject, String type, String data) {
        return new CloudEvent(UUID.randomUUID(), type, "test", subject, Instant.now(), 1, data);
    }

    private static String openCase() {
        return given().contentType(ContentType.JSON).body("""
                {"subject": "Invoices fail to sync", "description": "Stops at 40%",
                 "customer": {"id": "cust-9", "name": "Ada", "email": "ada@example.com"}, "ownerId": "ana.lima"}""")
                .when().post("/cases").then().statusCode(201).extract().path("id");
    }
}
