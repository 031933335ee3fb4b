package io.caseswarm.experts.rest;

import static io.caseswarm.experts.People.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.People;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventContract;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Pods over REST: admins define them, their leads keep their members, everyone who works cases reads them;
 * each change is published as pod-defined, and whatever is refused changes nothing and publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PodsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    String podId;
    String lead;
    String member;
    String newcomer;
    String product;

    @BeforeEach
    void aPodWithALeadAndAMember() {
        podId = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        product = "Product " + podId;
        lead = People.register(issuer, "billing", 3, "available");
        member = People.register(issuer, "billing", 4, "available");
        newcomer = People.register(issuer, "billing", 2, "available");
        admin().body(pod("Billing", List.of(member), List.of(lead))).put("/pods/" + podId)
                .then().statusCode(201).header("Location", containsString("/pods/" + podId));
    }

    @Test
    void anAdminDefinesAPodEveryoneWhoWorksCasesReadsItAndItIsPublishedWhole() throws Exception {
        for (String role : List.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION)) {
            as("reader", role).get("/pods/" + podId).then().statusCode(200)
                    .body("name", equalTo("Billing")).body("products", contains(product))
                    .body("skills", contains("billing", "invoices")).body("members", contains(member))
                    .body("leads", contains(lead)).body("slackChannel", equalTo("C0123ABCD"));
            as("reader", role).get("/pods").then().statusCode(200).body("id", hasItem(podId));
        }
        admin().body(pod("Billing", List.of(member), List.of(lead))).put("/pods/" + podId)
                .then().statusCode(200); // the same again: no change, no event
        admin().body(pod("Billing EMEA", List.of(member, newcomer), List.of(lead))).put("/pods/" + podId)
                .then().statusCode(200).body("name", equalTo("Billing EMEA"));

        List<ConsumerRecord<String, String>> events = eventsOf(2);
        events.forEach(EventContract.load()::check);
        JsonNode latest = json.readTree(events.get(1).value());
        assertThat(latest.get("name").asText()).isEqualTo("Billing EMEA");
        assertThat(latest.get("members")).extracting(JsonNode::asText).containsExactly(member, newcomer);
        assertThat(latest.get("leads")).extracting(JsonNode::asText).containsExactly(lead);
        assertThat(latest.get("products")).extracting(JsonNode::asText).containsExactly(product);
        assertThat(latest.get("slackChannel").asText()).isEqualTo("C0123ABCD");
        assertThat(latest.get("definedBy").asText()).isEqualTo("root");
        assertThat(events.getFirst().key()).isEqualTo(podId);
    }

    @Test
    void aLeadOfThePodChangesItsMembersAndNothingElse() {
        as(lead, Roles.LEAD).body(pod("Billing", List.of(member, newcomer), List.of(lead))).put("/pods/" + podId)
                .then().statusCode(200).body("members", contains(member, newcomer));

        refused(as(lead, Roles.LEAD).body(pod("Billing", List.of(member), List.of(lead, newcomer)))
                .put("/pods/" + podId), 403);
        refused(as(lead, Roles.LEAD).body(pod("Mine now", List.of(member), List.of(lead))).put("/pods/" + podId), 403);
        refused(as(lead, Roles.LEAD).body(pod("Billing", List.of(member), List.of(lead)).replace("C0123ABCD", "C0999ZZZZ"))
                .put("/pods/" + podId), 403);
        refused(as(lead, Roles.LEAD).body(pod("Billing", List.of(member), List.of(lead)).replace(product, "Other"))
                .put("/pods/" + podId), 403);
        // A lead of no pod, or one with the lead role who is not this pod's lead.
        refused(as("lena.berg", Roles.LEAD).body(pod("Billing", List.of(), List.of(lead))).put("/pods/" + podId), 403);
        refused(as(newcomer, Roles.LEAD).body(pod("Billing", List.of(newcomer), List.of(lead))).put("/pods/" + podId),
                403);
        // Only an admin creates a pod, even one naming the caller its lead.
        String another = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        refused(as(lead, Roles.LEAD).body(pod("Mine", List.of(), List.of(lead)).replace(product, another))
                .put("/pods/" + another), 403);
        as(lead, Roles.LEAD).get("/pods/" + another).then().statusCode(404);
        // The pod's lead, but with a role that does not steer anything.
        for (String role : List.of(Roles.EXPERT, Roles.AGENT, Roles.INTEGRATION, Roles.CUSTOMER)) {
            refused(as(lead, role).body(pod("Billing", List.of(), List.of(lead))).put("/pods/" + podId), 403);
        }
        as("cust-1", Roles.CUSTOMER).get("/pods").then().statusCode(403);
        as("cust-1", Roles.CUSTOMER).get("/pods/" + podId).then().statusCode(403);

        admin().get("/pods/" + podId).then().body("members", contains(member, newcomer)).body("leads", contains(lead))
                .body("name", equalTo("Billing"));
        assertThat(eventsOf(2)).extracting(r -> TopicReader.header(r, "ce_type")).containsOnly("pod-defined");
        assertNothingElsePublished(2);
    }

    @Test
    void badIdsFieldsAndSizesAreRefusedNamingTheFieldAndChangeNothing() {
        String good = pod("Billing", List.of(member), List.of(lead));
        for (String badId : List.of("Billing", "b", "a".repeat(41), "-billing", "bill_ing", "bill%20ing", "p%C3%B6d")) {
            refused(admin().body(good).put("/pods/" + badId), 400);
        }
        refused(admin().body(good.replace("\"name\": \"Billing\"", "\"name\": \"<script>\"")).put("/pods/" + podId),
                400, "name");
        refused(admin().body(good.replace("\"name\": \"Billing\"", "\"name\": \"" + "x".repeat(201) + "\""))
                .put("/pods/" + podId), 400, "name");
        refused(admin().body(good.replace("{", "{\"owner\": \"root\", ")).put("/pods/" + podId), 400);
        refused(admin().body(good.replace("{", "{\"id\": \"other\", ")).put("/pods/" + podId), 400);
        refused(admin().body(good.replace("\"C0123ABCD\"", "\"#billing\"")).put("/pods/" + podId), 400, "slackChannel");
        refused(admin().body(good.replace("\"" + member + "\"", "\"Not.An.Id\"")).put("/pods/" + podId), 400);
        refused(admin().body(good.replace("\"" + member + "\"", "\"" + member + "\", \"" + member + "\""))
                .put("/pods/" + podId), 400, "members").body("errors.message", hasItem(containsString(member)));
        refused(admin().body(good.replace("\"invoices\"", "\"Billing \"")).put("/pods/" + podId), 400, "skills");
        refused(admin().body(good.replace("\"" + product + "\"", "\"A\", \"a\"")).put("/pods/" + podId), 400,
                "products");
        String tooMany = IntStream.range(0, 51).mapToObj(i -> "\"p" + i + "\"").collect(Collectors.joining(", "));
        refused(admin().body(good.replace("\"" + product + "\"", tooMany)).put("/pods/" + podId), 400);
        refused(admin().body(good.replace("\"members\": [", "\"members\": null, \"x\": [")).put("/pods/" + podId), 400);
        refused(admin().body("").put("/pods/" + podId), 400);
        refused(admin().contentType("text/plain").body(good).put("/pods/" + podId), 415);

        admin().get("/pods/" + podId).then().body("name", equalTo("Billing")).body("members", contains(member));
        assertNothingElsePublished(1);
    }

    @Test
    void peopleNotInTheDirectoryAProductOfAnotherPodAndAPersonsIdAreRefusedWithTheReason() {
        String stranger = People.newId();
        refused(admin().body(pod("Billing", List.of(member, stranger), List.of(lead))).put("/pods/" + podId), 400,
                "members").body("errors.message", hasItem(containsString(stranger)));
        refused(admin().body(pod("Billing", List.of(member), List.of(stranger))).put("/pods/" + podId), 400, "leads");

        String rival = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        refused(admin().body(pod("Rival", List.of(), List.of()).replace(product, product.toUpperCase()))
                .put("/pods/" + rival), 409).body("detail", containsString(podId));
        admin().get("/pods/" + rival).then().statusCode(404);

        // A pod's id and a person's share the topic's keys: neither may take the other's.
        refused(admin().body(pod("People", List.of(), List.of()).replace(product, "Other " + podId)).put("/pods/" + member),
                409);
        refused(People.as(issuer, People.HR_SYSTEM, Roles.INTEGRATION)
                .body(People.profile(podId, "billing", 3, "available")).post("/people"), 409);

        admin().get("/pods/" + podId).then().body("members", contains(member)).body("slackChannel", equalTo("C0123ABCD"));
        assertNothingElsePublished(1);
    }

    @Test
    void aPodNeedsNoSlackChannelNorProducts() {
        String quiet = "pod-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body("""
                {"name": "Platform", "products": [], "skills": [], "members": [], "leads": []}""")
                .put("/pods/" + quiet).then().statusCode(201).body("slackChannel", nullValue()).body("products",
                        org.hamcrest.Matchers.empty());
    }

    private String pod(String name, List<String> members, List<String> leads) {
        return """
                {"name": "%s", "products": ["%s"], "skills": ["Billing", "invoices"], "members": [%s], "leads": [%s],
                 "slackChannel": "C0123ABCD"}""".formatted(name, product, quoted(members), quoted(leads));
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
    }

    private List<ConsumerRecord<String, String>> eventsOf(int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            return reader.readForKey(podId, count, Duration.ofSeconds(60));
        }
    }

    /** The pod's events are in order: had a refused call published anything, there would be more than these. */
    private void assertNothingElsePublished(int expected) {
        try (TopicReader reader = new TopicReader(bootstrapServers, "expert-events")) {
            reader.readForKey(podId, expected, Duration.ofSeconds(60));
            reader.readUntil(records -> false, Duration.ofSeconds(2));
            assertThat(reader.readForKey(podId, expected + 1, Duration.ZERO)).hasSize(expected);
        }
    }


    private RequestSpecification admin() {
        return as("root", Roles.ADMIN);
    }

    private RequestSpecification as(String user, String... roles) {
        return People.as(issuer, user, roles);
    }
}
