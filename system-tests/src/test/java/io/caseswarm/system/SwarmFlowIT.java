package io.caseswarm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.slack.SlackRequestVerifier;
import io.caseswarm.system.SpanCollector.ReceivedSpan;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The whole swarm flow across the five services, driven over REST only, as the systems around
 * Caseswarm would drive it; every step is checked the way a user (or a subscriber) would see it.
 */
class SwarmFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The agent who owns every case here, and the pod lead who publishes the knowledge. */
    private static final String OWNER = "ana.lima";
    private static final String LEAD = "lea.park";

    /** How long an invitation to an urgent case's swarm waits for an answer in this system. */
    private static final Duration URGENT_INVITATION_TIMEOUT = Duration.ofSeconds(15);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        Instant start = Instant.now();
        // Urgent invitations lapse in seconds here, so the urgent case below sees one expire and be replaced.
        system = RunningSystem.start(Map.of("caseswarm.invitations.timeout.urgent", URGENT_INVITATION_TIMEOUT.toString()),
                false);
        System.out.printf("System started in %.1f s%n%s", Duration.between(start, Instant.now()).toMillis() / 1000.0,
                system.report());
        registerPeople();
        publishArticle("Fixing invoice sync failures",
                "When invoices stop syncing, the sync token has usually expired. Rotate the token.",
                List.of("billing", "sync"));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCaseIsSwarmedResolvedAndItsFixCaptured() {
        String caseId = openCase("Invoices fail to sync", "ada-" + UUID.randomUUID() + "@example.com");
        String customerEmail = as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId)
                .then().extract().path("customer.email");

        // The knowledge base suggests the matching article for the new case.
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId)
                .then().body("suggestions.title", org.hamcrest.Matchers.hasItem("Fixing invoice sync failures")));

        // The owner asks for a swarm; the expert finder invites a team covering the skills, never the owner.
        Instant requested = Instant.now();
        String swarmId = requestSwarm(caseId, List.of("billing", "postgres"), 2);
        List<String> invited = awaitMembers(swarmId, "invited", 2);
        Duration toFirstInvitation = Duration.between(requested, Instant.now());
        assertThat(invited).doesNotContain("ana.lima").doesNotContain("zoe.offline");

        // One declines from the invitation mail: the link opens a page that changes nothing (a mail scanner
        // that fetches it declines nobody); its button declines, once; and the next candidate is asked.
        String decliner = invited.get(0);
        String declineLink = awaitActionLink(decliner, swarmId, "Decline");
        given().get(declineLink).then().statusCode(200).contentType(ContentType.HTML);
        assertThat(memberStatus(swarmId, decliner)).isEqualTo("invited");
        given().post(declineLink).then().statusCode(200);
        given().post(declineLink).then().statusCode(410);
        assertThat(memberStatus(swarmId, decliner)).isEqualTo("declined");
        List<String> afterDecline = awaitMembers(swarmId, "invited", 2);
        assertThat(afterDecline).doesNotContain(decliner);
        String newcomer = afterDecline.stream().filter(p -> !invited.contains(p)).findFirst().orElseThrow();

        // The other joins from the swarm's Slack message, as the person their Slack user is linked to; the
        // message is then updated to show them in.
        String joiner = invited.get(1);
        JsonNode message = awaitSlackMessageOf(swarmId);
        assertThat(message.path("body").path("channel").asText()).isEqualTo(RunningSystem.SLACK_CHANNEL);
        String messageTs = message.path("answer").path("ts").asText();
        pressSlackButton(slackUserOf(joiner), "swarm_join", swarmId).then().statusCode(200);
        assertThat(memberStatus(swarmId, joiner)).isEqualTo("joined");
        await().atMost(PATIENCE).until(() -> system.slack().recorded().stream()
                .filter(request -> request.path("method").asText().equals("chat.update"))
                .map(request -> request.path("body"))
                .anyMatch(body -> body.path("ts").asText().equals(messageTs)
                        && body.path("blocks").toString().contains("<@" + slackUserOf(joiner) + "> – joined")));
        as(joiner, "expert").baseUri(url("swarm-service")).contentType(ContentType.JSON)
                .body("{\"text\": \"The sync token expired on Monday.\"}")
                .post("/swarms/" + swarmId + "/posts").then().statusCode(201);
        as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId + "/posts")
                .then().body("text", org.hamcrest.Matchers.contains("The sync token expired on Monday."))
                .body("authorId", org.hamcrest.Matchers.contains(joiner));
        as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId)
                .then().body("status", org.hamcrest.Matchers.equalTo("active"));

        // The owner resolves the case, naming the joiner as a helper once case-service knows them as a member
        // (only members may be named): the swarm closes and the fix becomes a draft article.
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("case-service"))
                .get("/cases/" + caseId).then().body("swarms.memberIds.flatten()", org.hamcrest.Matchers.hasItem(joiner)));
        as(OWNER, "agent").baseUri(url("case-service")).contentType(ContentType.JSON)
                .body("{\"summary\": \"Rotated the expired sync token\", \"helpedBy\": [\"" + joiner + "\"]}")
                .post("/cases/" + caseId + "/resolve").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId)
                .then().body("status", org.hamcrest.Matchers.equalTo("closed")));
        await().atMost(PATIENCE).untilAsserted(() -> as(LEAD, "lead").baseUri(url("knowledge-service"))
                .get("/articles?status=draft&limit=50")
                .then().body("findAll { it.sourceCaseId == '" + caseId + "' }.size()", org.hamcrest.Matchers.equalTo(1)));

        // A lead's reports count it: the case opened and resolved, the swarm asked for, declined by one and joined
        // by another (the days around today, whenever the run crosses midnight).
        String days = "?from=%s&to=%s&product=Billing Cloud".formatted(LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusDays(1));
        await().atMost(PATIENCE).untilAsserted(() -> as(LEAD, "lead").baseUri(url("case-service"))
                .get("/reports/swarms" + days).then().statusCode(200)
                .body("total.requested", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.declined", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.joined", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.firstJoinSeconds.count", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("load.busiest.value", org.hamcrest.Matchers.hasItem(joiner)));
        await().atMost(PATIENCE).untilAsserted(() -> as(LEAD, "lead").baseUri(url("case-service"))
                .get("/reports/period" + days).then().statusCode(200)
                .body("total.opened", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.resolved", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.daysToClose.count", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        // What the subscribers saw, in order, on each topic.
        assertThat(typesOn("case-events", caseId, 6)).containsExactly("case-opened", "case-assigned", "case-sla-applied",
                "case-resolved", "case-sla-met", "case-sla-met");
        assertThat(typesOn("swarm-events", swarmId, 8)).containsSubsequence("swarm-requested", "swarm-member-invited",
                "swarm-member-declined", "swarm-member-joined", "swarm-post-added", "swarm-closed");
        assertThat(typesOn("expert-events", swarmId, 3)).containsOnly("expert-invited").hasSize(3);
        assertThat(typesOn("knowledge-events", caseId, 1)).containsExactly("knowledge-suggested");

        // And the people: the customer heard twice, each invited expert got the invitation with its actions.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(system.mail().mailsTo(customerEmail))
                .extracting(MailServer.ReceivedMail::subject)
                .anyMatch(subject -> subject.startsWith("We have your case"))
                .anyMatch(subject -> subject.endsWith("is solved")));
        for (String expert : List.of(decliner, joiner, newcomer)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(system.mail().mailsTo(expert + "@example.com"))
                    .extracting(MailServer.ReceivedMail::text)
                    .anyMatch(text -> text.contains("/swarms/" + swarmId + "/members/" + expert + "/join")
                            && text.contains("/swarms/" + swarmId + "/members/" + expert + "/decline")));
        }
        as(LEAD, "lead").baseUri(url("notification-service")).get("/notifications?recipient=" + customerEmail)
                .then().body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));

        System.out.printf("POST /swarms → first expert-invited seen as member: %d ms%n", toFirstInvitation.toMillis());
    }

    /**
     * Nothing stalls silently: an urgent case nobody answers reaches its first-response warning on time;
     * the default rule tells the owner and, as nobody swarms it yet, asks for a swarm with the skills of the
     * group that covers its product; the invitee who says nothing has their invitation lapse and the next
     * candidate is asked. The SLA here counts in seconds on a calendar where every hour counts.
     */
    @Test
    void anUrgentCaseAtRiskIsSwarmedByRuleAndASilentInviteeIsReplaced() {
        String product = "Payments Gateway";
        String day = "[{\"start\": \"00:00\", \"end\": \"24:00\"}]";
        as("ola.admin", "admin").baseUri(url("case-service")).contentType(ContentType.JSON).body("""
                {"name": "Every hour", "timeZone": "UTC", "hours": {"monday": %1$s, "tuesday": %1$s,
                 "wednesday": %1$s, "thursday": %1$s, "friday": %1$s, "saturday": %1$s, "sunday": %1$s}}"""
                .formatted(day)).put("/calendars/all-hours").then().statusCode(201);
        as("ola.admin", "admin").baseUri(url("case-service")).contentType(ContentType.JSON).body("""
                {"name": "Payments, urgent", "rank": 1, "calendarId": "all-hours",
                 "conditions": {"priorities": ["urgent"], "products": ["%s"]},
                 "targets": {"firstResponse": "PT20S", "resolution": "PT1H"}, "warnAt": 0.5}""".formatted(product))
                .put("/sla-policies/payments-urgent").then().statusCode(201);
        as("ola.admin", "admin").baseUri(url("case-service")).contentType(ContentType.JSON).body("""
                {"name": "Payments", "memberIds": ["ana.lima"], "leadIds": ["lea.park"], "skills": ["fraud"],
                 "products": ["%s"]}""".formatted(product)).put("/groups/payments").then().statusCode(201);
        List<String> fraudExperts = List.of("ivo.fraud", "kai.fraud", "lin.fraud", "noa.fraud");
        for (int i = 0; i < fraudExperts.size(); i++) {
            register(fraudExperts.get(i), "Fraud Expert " + i, Map.of("fraud", 5 - i), 2, "available");
        }

        String caseId = as(OWNER, "agent").baseUri(url("case-service")).contentType(ContentType.JSON).body("""
                {"subject": "Card payments declined", "description": "Every card payment fails since 10:02.",
                 "customer": {"id": "cust-%s", "name": "A Shop", "email": "shop-%s@example.com"},
                 "product": "%s", "priority": "urgent", "ownerId": "ana.lima"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), product))
                .post("/cases").then().statusCode(201).extract().path("id");
        String number = as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then()
                .extract().path("number");

        // The first response warns at half its 20 s, and the rules fire on the warning.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(historyTypes(caseId))
                .contains("case-sla-warning", "automation-rule-fired", "case-swarm-wanted", "case-notice-requested"));
        as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then()
                .body("sla.find { it.milestone == 'first-response' }.state",
                        org.hamcrest.Matchers.oneOf("warning", "breached"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(system.mail().mailsTo("ana.lima@example.com"))
                .anyMatch(mail -> mail.subject().contains(number + ": first response at risk")));

        // The rule's swarm, asked on the owner's behalf, invites the experts of the group covering the product.
        String swarmId = awaitSwarmOf(caseId);
        as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId).then()
                .body("requestedBy", org.hamcrest.Matchers.equalTo(OWNER))
                .body("requestedVia", org.hamcrest.Matchers.equalTo("automation:swarm-high-priority-at-risk"))
                .body("ownerId", org.hamcrest.Matchers.equalTo(OWNER));
        List<String> invited = awaitMembers(swarmId, "invited", 3);
        assertThat(fraudExperts).containsAll(invited);
        String silent = invited.get(0);
        for (String expert : invited.subList(1, invited.size())) {
            as(expert, "expert").baseUri(url("swarm-service"))
                    .post("/swarms/" + swarmId + "/members/" + expert + "/join").then().statusCode(200);
        }

        // The one who said nothing lapses, and the candidate left is asked in their place.
        assertThat(awaitMembers(swarmId, "expired", 1)).containsExactly(silent);
        String replacement = fraudExperts.stream().filter(expert -> !invited.contains(expert)).findFirst().orElseThrow();
        assertThat(awaitMembers(swarmId, "invited", 1)).containsExactly(replacement);
        as(silent, "expert").baseUri(url("swarm-service")).post("/swarms/" + swarmId + "/members/" + silent + "/join")
                .then().statusCode(409);
    }

    /**
     * The customer and the owner talk through the case: the customer writes, the owner answers in public
     * (which reaches the customer's inbox) and waits on them; their reply opens the case again; it is
     * resolved, and the customer reopens it within the window.
     */
    @Test
    void theCustomerAndTheOwnerTalkThroughTheCaseFromFirstWordToReopening() {
        String customerId = "cust-" + UUID.randomUUID();
        String customerEmail = "eve-" + UUID.randomUUID() + "@example.com";
        String caseId = openCase("Η σύνδεση αποτυγχάνει", customerEmail, as(OWNER, "agent"), customerId);
        String number = as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then().extract().path("number");
        RequestSpecification customer = as(customerId, "customer");

        say(as(customerId, "customer"), caseId, "Since this morning I cannot log in.", "public");
        say(as(OWNER, "agent"), caseId, "Customer is on the legacy SSO tenant.", "internal");
        say(as(OWNER, "agent"), caseId, "Could you send the time of the last failed login?", "public");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(system.mail().mailsTo(customerEmail))
                .anyMatch(mail -> mail.subject().equals("[" + number + "] Re: Η σύνδεση αποτυγχάνει")
                        && mail.text().contains("Could you send the time of the last failed login?")));
        move(caseId, "/status", "{\"status\": \"pending\", \"reason\": \"Waiting for the login time\"}", "pending");

        say(customer, caseId, "It was 09:14 today.", "public");
        assertStatus(caseId, "open");
        move(caseId, "/resolve", "{\"summary\": \"Moved the tenant to the new SSO\"}", "resolved");
        as(customerId, "customer").baseUri(url("case-service")).contentType(ContentType.JSON)
                .body("{\"reason\": \"It fails again\"}").post("/cases/" + caseId + "/reopen")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("open"));

        as(customerId, "customer").baseUri(url("case-service")).get("/cases/" + caseId + "/messages")
                .then().body("items.body", org.hamcrest.Matchers.contains("Since this morning I cannot log in.",
                        "Could you send the time of the last failed login?", "It was 09:14 today."));
        // The SLA follows the conversation: the public answer meets the first response, the resolution the
        // next response the customer's reply started, and the resolution itself.
        assertThat(typesOn("case-events", caseId, 14)).containsExactly("case-opened", "case-assigned",
                "case-sla-applied", "case-message-added", "case-message-added", "case-message-added", "case-sla-met",
                "case-status-changed", "case-message-added", "case-status-changed", "case-resolved", "case-sla-met",
                "case-sla-met", "case-reopened");
        // The internal note never reached the customer's inbox.
        assertThat(system.mail().mailsTo(customerEmail)).noneMatch(mail -> mail.text().contains("legacy SSO"));
    }

    /**
     * Email both ways: a customer mails the support address; the case opens and the acknowledgement
     * reaches them in the same thread; the owner answers in public; the customer answers that from
     * their mail client, quoting it; the answer is a message on the same case, without the quote.
     */
    @Test
    void aCustomerWhoMailsSupportIsAnsweredInOneThreadAndTheirReplyLandsOnTheSameCase() {
        String customerEmail = "giulia-" + UUID.randomUUID() + "@example.it";
        String firstId = UUID.randomUUID() + "@mail.example.it";
        system.mail().deliver(customerEmail, RunningSystem.SUPPORT_ADDRESS, mail("""
                From: Giulia Bianchi <%s>
                To: support@caseswarm.local
                Subject: Fattura duplicata nel portale
                Message-ID: <%s>
                Date: Wed, 02 Dec 2026 09:05:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Buongiorno, nel portale vedo la fattura 2026-114 due volte.
                """.formatted(customerEmail, firstId)));

        // The case opens for the sender; the acknowledgement answers her mail in its thread.
        String caseId = await().atMost(PATIENCE).until(() -> caseOf(customerEmail), java.util.Objects::nonNull);
        String number = as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then()
                .body("channel", org.hamcrest.Matchers.equalTo("email"))
                .body("subject", org.hamcrest.Matchers.equalTo("Fattura duplicata nel portale"))
                .extract().path("number");
        MailServer.ReceivedMail acknowledgement = awaitMail(customerEmail, "We have your case");
        assertThat(header(acknowledgement, "In-Reply-To")).isEqualTo("<" + firstId + ">");
        assertThat(header(acknowledgement, "Reply-To")).contains(RunningSystem.SUPPORT_ADDRESS);
        assertThat(header(acknowledgement, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(acknowledgement.subject()).contains("[" + number + "]");

        // The owner takes the case and answers in public: a mail in the same thread.
        as(LEAD, "lead").baseUri(url("case-service")).contentType(ContentType.JSON).body("{\"ownerId\": \"" + OWNER + "\"}")
                .post("/cases/" + caseId + "/assign").then().statusCode(200);
        say(as(OWNER, "agent"), caseId, "Abbiamo rimosso il duplicato: ora la vede una volta sola?", "public");
        MailServer.ReceivedMail answer = awaitMail(customerEmail, "[" + number + "] Re:");
        assertThat(header(answer, "References")).contains("<" + firstId + ">");
        assertThat(header(answer, "Auto-Submitted")).isNull();
        String answerId = header(answer, "Message-ID");

        // She answers from her client, which threads and quotes as clients do.
        system.mail().deliver(customerEmail, RunningSystem.SUPPORT_ADDRESS, mail("""
                From: Giulia Bianchi <%s>
                To: Caseswarm Support <support@caseswarm.local>
                Subject: Re: %s
                Message-ID: <%s>
                In-Reply-To: %s
                References: <%s> %s
                Date: Wed, 02 Dec 2026 10:41:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Sì, adesso la vedo una volta sola. Grazie!

                Il giorno mer 2 dic 2026 alle 10:30 Caseswarm Support ha scritto:
                > Abbiamo rimosso il duplicato: ora la vede una volta sola?
                """.formatted(customerEmail, answer.subject(), UUID.randomUUID() + "@mail.example.it", answerId, firstId,
                answerId)));

        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("case-service"))
                .get("/cases/" + caseId + "/messages").then()
                .body("items.findAll { it.authorRole == 'customer' }.body",
                        org.hamcrest.Matchers.hasItem("Sì, adesso la vedo una volta sola. Grazie!")));
        assertThat(caseOf(customerEmail)).isEqualTo(caseId);
    }

    @Test
    void anExpertAtFullCapacityIsNotInvited() {
        // zoe.busy carries one swarm at a time; she joins the first one and is then left out of the second.
        String firstCase = openCase("Payment page times out", "bob-" + UUID.randomUUID() + "@example.com");
        String first = requestSwarm(firstCase, List.of("payments"), 1);
        assertThat(awaitMembers(first, "invited", 1)).containsExactly("zoe.busy");
        as("zoe.busy", "expert").baseUri(url("swarm-service")).post("/swarms/" + first + "/members/zoe.busy/join")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("expert-finder-service")).get("/people/zoe.busy")
                .then().body("load", org.hamcrest.Matchers.equalTo(1)));

        String secondCase = openCase("Refunds stuck in pending", "cy-" + UUID.randomUUID() + "@example.com");
        String second = requestSwarm(secondCase, List.of("payments"), 1);
        assertThat(awaitMembers(second, "invited", 1)).containsExactly("raj.patel");
    }

    /**
     * The expert finder learns who knows what from cases solved: ivo.novak declared nothing of SFTP, was added to
     * an SFTP swarm by name and named as having helped solve it; the next SFTP swarm invites him on that evidence
     * alone, and says so.
     */
    @Test
    void anExpertWhoDeclaredNoSuchSkillIsInvitedOnWhatTheyShowed() {
        String firstCase = openCase("SFTP uploads are rejected", "eve-" + UUID.randomUUID() + "@example.com");
        String first = requestSwarm(firstCase, List.of("sftp"), 1);
        as(OWNER, "agent").baseUri(url("swarm-service")).contentType(ContentType.JSON)
                .body("{\"personId\": \"ivo.novak\"}").post("/swarms/" + first + "/members").then().statusCode(200);
        as("ivo.novak", "expert").baseUri(url("swarm-service")).contentType(ContentType.JSON)
                .body("{\"text\": \"The partner's host key changed; pin the new one.\"}")
                .post("/swarms/" + first + "/posts").then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("case-service"))
                .get("/cases/" + firstCase).then()
                .body("swarms.memberIds.flatten()", org.hamcrest.Matchers.hasItem("ivo.novak")));
        as(OWNER, "agent").baseUri(url("case-service")).contentType(ContentType.JSON)
                .body("{\"summary\": \"Pinned the partner's new host key\", \"helpedBy\": [\"ivo.novak\"]}")
                .post("/cases/" + firstCase + "/resolve").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as(OWNER, "agent").baseUri(url("expert-finder-service"))
                .queryParam("skills", "sftp").get("/candidates").then()
                .body("personId", org.hamcrest.Matchers.hasItem("ivo.novak")));

        String secondCase = openCase("SFTP transfers fail again", "fay-" + UUID.randomUUID() + "@example.com");
        String second = requestSwarm(secondCase, List.of("sftp"), 1);
        assertThat(awaitMembers(second, "invited", 1)).containsExactly("ivo.novak");
        as(LEAD, "lead").baseUri(url("expert-finder-service")).get("/staffing/" + second).then().statusCode(200)
                .body("decisions[0].invited", org.hamcrest.Matchers.contains("ivo.novak"))
                .body("decisions[0].ranked[0].matchedSkills", org.hamcrest.Matchers.contains("sftp"))
                .body("decisions[0].ranked[0].evidence[0]",
                        org.hamcrest.Matchers.startsWith("helped on 1 swarm on sftp in the last 180 days"));
    }

    @Test
    void oneTraceFollowsACaseFromTheRestCallThroughTheServicesThatReactToIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        Supplier<RequestSpecification> inTheCallersTrace =
                () -> as(OWNER, "agent").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
        String caseId = openCase("Exports are empty", "dee-" + UUID.randomUUID() + "@example.com", inTheCallersTrace.get());

        // case-service published the case in the caller's trace, and knowledge-service answered in it too.
        assertThat(traceIdsOn("case-events", caseId, 2)).containsOnly(traceId);
        assertThat(traceIdsOn("knowledge-events", caseId, 1)).containsOnly(traceId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(system.log("knowledge-service"))
                .contains("traceId=" + traceId));

        // The swarm asked for in the same trace: the invitation's mail is its last hop, three services on.
        requestSwarm(caseId, List.of("billing"), 1, inTheCallersTrace);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ReceivedSpan> trace = system.spans().trace(traceId);
            assertThat(trace).extracting(ReceivedSpan::service).containsAll(RunningSystem.SERVICES);
            Set<String> known = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).as("every span's parent was exported, or is the caller's")
                    .allSatisfy(span -> assertThat(span.parentSpanId()).isIn(Stream.concat(known.stream(),
                            Stream.of(callerSpan)).toList()));
            ReceivedSpan invitationReceived = trace.stream()
                    .filter(span -> span.service().equals("notification-service") && span.name().equals("consume expert-events"))
                    .findFirst().orElseThrow(() -> new AssertionError("no expert-events span of notification-service"));
            assertThat(ancestry(trace, invitationReceived)).containsExactly(
                    "notification-service CONSUMER consume expert-events",
                    "expert-finder-service PRODUCER publish expert-events",
                    "expert-finder-service CONSUMER consume swarm-events",
                    "swarm-service PRODUCER publish swarm-events",
                    "swarm-service SERVER POST /swarms");
        });
    }

    /**
     * The alerts (deploy/k8s) and the dashboards (deploy/grafana) query the services' metrics by name: each name
     * they use must be one the services export (or, for a counter or timer that has not yet had anything to
     * count here, one their code declares), or an alert would never fire and a panel stay empty.
     */
    @Test
    void everyMetricTheAlertsAndDashboardsQueryIsOneTheServicesExport() {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath();
        Map<String, String> queried = MetricsInUse.queried(root);
        assertThat(queried).as("metric names in the alerts and dashboards")
                .containsKeys("caseswarm_outbox_lag_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                        "http_server_requests_seconds_bucket");

        Set<String> exported = new java.util.HashSet<>(MetricsInUse.declared(root));
        for (String service : RunningSystem.SERVICES) {
            given().baseUri(url(service)).get("/q/metrics").then().statusCode(200).extract().asString().lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    // a histogram's family name (x_seconds) stands for its series (x_seconds_bucket, ...)
                    .forEach(series -> {
                        exported.add(series);
                        exported.add(series.replaceAll("_(bucket|count|sum|max)$", ""));
                    });
        }
        // The HTTP latency buckets are exported for real, not only declared: the 95th percentile panels need them.
        assertThat(exported).contains("http_server_requests_seconds_bucket", "caseswarm_outbox_leader");
        assertThat(queried.keySet().stream().filter(name -> !exported.contains(name))
                .map(name -> name + " (" + queried.get(name) + ")").toList())
                .as("metrics queried but neither exported nor declared by any service").isEmpty();
    }

    /** A span and its ancestors up to the trace's first span in a service, each as "service KIND name". */
    private static List<String> ancestry(List<ReceivedSpan> trace, ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
        List<String> path = new ArrayList<>();
        for (ReceivedSpan at = span; at != null; at = byId.get(at.parentSpanId())) {
            path.add(at.service() + " " + at.kind() + " " + at.name());
        }
        return path;
    }

    private static void registerPeople() {
        register("ana.lima", "Ana Lima", Map.of("billing", 3), 3, "available");
        register("raj.patel", "Raj Patel", Map.of("billing", 5, "postgres", 3, "payments", 2), 3, "available");
        register("mei.chen", "Mei Chen", Map.of("postgres", 5), 2, "available");
        register("omar.haddad", "Omar Haddad", Map.of("billing", 4, "postgres", 2), 2, "available");
        register("zoe.offline", "Zoe Offline", Map.of("billing", 5, "postgres", 5), 3, "offline");
        register("zoe.busy", "Zoe Busy", Map.of("payments", 5), 1, "available");
        register("ivo.novak", "Ivo Novak", Map.of("spanish", 2), 2, "available");
    }

    private static void register(String id, String name, Map<String, Integer> skills, int capacity, String presence) {
        String skillJson = skills.entrySet().stream()
                .map(skill -> "{\"name\": \"%s\", \"level\": %d}".formatted(skill.getKey(), skill.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        as("hr-sync", "integration").baseUri(url("expert-finder-service")).contentType(ContentType.JSON).body("""
                {"id": "%s", "name": "%s", "email": "%s@example.com", "chatHandle": "@%s", "timeZone": "UTC",
                 "workingHours": {"start": "00:00", "end": "23:59"}, "skills": [%s], "capacity": %d,
                 "presence": "%s", "slackUserId": "%s", "roles": ["%s"]}""".formatted(id, name, id, id, skillJson,
                capacity, presence, slackUserOf(id), id.equals(OWNER) ? "agent" : "expert"))
                .post("/people").then().statusCode(201);
    }

    /** Each person's Slack user, as the HR sync links them in the directory. */
    private static String slackUserOf(String personId) {
        return "U" + personId.replaceAll("[^a-z]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The link the person's invitation mail gives for {@code action} ("Join" or "Decline"). */
    private static String awaitActionLink(String personId, String swarmId, String action) {
        return await().atMost(PATIENCE).until(() -> system.mail().mailsTo(personId + "@example.com").stream()
                .filter(mail -> mail.text().contains(swarmId))
                .flatMap(mail -> mail.text().lines())
                .map(String::strip)
                .filter(line -> line.startsWith(action + ":") && line.contains("/actions/"))
                .map(line -> line.substring(line.indexOf("http")))
                .reduce((first, last) -> last).orElse(null), java.util.Objects::nonNull);
    }

    /** The swarm's message as the app posted it to Slack (its buttons carry the swarm's id), and Slack's answer. */
    private static JsonNode awaitSlackMessageOf(String swarmId) {
        return await().atMost(PATIENCE).until(() -> system.slack().recorded().stream()
                .filter(request -> request.path("method").asText().equals("chat.postMessage"))
                .filter(request -> request.path("body").path("blocks").toString().contains(swarmId))
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** A click on a button of a swarm's message, sent and signed exactly as Slack sends it. */
    private static Response pressSlackButton(String slackUser, String actionId, String swarmId) {
        String payload = """
                {"type": "block_actions", "user": {"id": "%s", "team_id": "T0TEAM"}, "team": {"id": "T0TEAM"},
                 "channel": {"id": "%s"}, "trigger_id": "1.2.abc",
                 "actions": [{"type": "button", "action_id": "%s", "block_id": "swarm_actions", "value": "%s",
                              "action_ts": "1700000000.000001"}]}"""
                .formatted(slackUser, RunningSystem.SLACK_CHANNEL, actionId, swarmId);
        String body = "payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return given().baseUri(url("swarm-service"))
                .contentType("application/x-www-form-urlencoded; charset=utf-8")
                .header(SlackRequestVerifier.TIMESTAMP_HEADER, timestamp)
                .header(SlackRequestVerifier.SIGNATURE_HEADER, new SlackRequestVerifier(RunningSystem.SLACK_SIGNING_SECRET)
                        .signature(timestamp, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .body(body).post("/slack/interactions");
    }

    private static void publishArticle(String title, String body, List<String> tags) {
        String id = as(LEAD, "lead").baseUri(url("knowledge-service")).contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", body, "tags", tags, "product", "Billing Cloud"))
                .post("/articles").then().statusCode(201).extract().path("id");
        as(LEAD, "lead").baseUri(url("knowledge-service")).post("/articles/" + id + "/publish").then().statusCode(200);
    }

    private static String openCase(String subject, String customerEmail) {
        return openCase(subject, customerEmail, as(OWNER, "agent"));
    }

    private static String openCase(String subject, String customerEmail, RequestSpecification caller) {
        return openCase(subject, customerEmail, caller, "cust-" + UUID.randomUUID());
    }

    private static String openCase(String subject, String customerEmail, RequestSpecification caller, String customerId) {
        return caller.baseUri(url("case-service")).contentType(ContentType.JSON).body("""
                {"subject": "%s", "description": "Since Monday the nightly invoice sync stops at 40%%.",
                 "customer": {"id": "%s", "name": "A Customer", "email": "%s"},
                 "channel": "email", "product": "Billing Cloud", "priority": "high", "ownerId": "ana.lima"}"""
                .formatted(subject, customerId, customerEmail))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private static void say(RequestSpecification author, String caseId, String body, String visibility) {
        author.baseUri(url("case-service")).contentType(ContentType.JSON)
                .body(Map.of("body", body, "visibility", visibility))
                .post("/cases/" + caseId + "/messages").then().statusCode(201);
    }

    /** The owner posts {@code json} to the case's {@code action}; the case is then {@code status}. */
    private static void move(String caseId, String action, String json, String status) {
        as(OWNER, "agent").baseUri(url("case-service")).contentType(ContentType.JSON).body(json)
                .post("/cases/" + caseId + action).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    private static void assertStatus(String caseId, String status) {
        as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then()
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    /** Retries while the swarm service has not yet learnt of the case from case-events. */
    private static String requestSwarm(String caseId, List<String> skills, int teamSize) {
        return requestSwarm(caseId, skills, teamSize, () -> as(OWNER, "agent"));
    }

    private static String requestSwarm(String caseId, List<String> skills, int teamSize,
            Supplier<RequestSpecification> caller) {
        Map<String, Object> body = Map.of("caseId", caseId,
                "question", "Why does the nightly sync stop at 40%?", "stepsTried", "Restarted the sync job",
                "skills", skills, "teamSize", teamSize);
        String[] swarmId = new String[1];
        await().atMost(PATIENCE).until(() -> {
            ValidatableResponse response = caller.get().baseUri(url("swarm-service")).contentType(ContentType.JSON)
                    .body(body)
                    .post("/swarms").then();
            if (response.extract().statusCode() == 201) {
                swarmId[0] = response.extract().path("id");
                return true;
            }
            return false;
        });
        return swarmId[0];
    }

    private static List<String> historyTypes(String caseId) {
        return as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId + "/history").then()
                .statusCode(200).extract().path("type");
    }

    /** The swarm working on the case, once case-service has heard of it. */
    private static String awaitSwarmOf(String caseId) {
        String path = "swarms.swarmId";
        await().atMost(PATIENCE).until(() -> !as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId)
                .then().extract().<List<String>>path(path).isEmpty());
        return as(OWNER, "agent").baseUri(url("case-service")).get("/cases/" + caseId).then().extract()
                .<List<String>>path(path).getFirst();
    }

    private static List<String> awaitMembers(String swarmId, String status, int count) {
        String path = "members.findAll { it.status == '" + status + "' }.personId";
        await().atMost(PATIENCE).until(() -> as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId)
                .then().extract().<List<String>>path(path).size() >= count);
        return as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId).then().extract().path(path);
    }

    /** A member's status as the swarm shows it now (swarm-service records a command before it answers). */
    private static String memberStatus(String swarmId, String personId) {
        return as(OWNER, "agent").baseUri(url("swarm-service")).get("/swarms/" + swarmId).then().extract()
                .path("members.find { it.personId == '" + personId + "' }.status");
    }

    /** The one case of the customer with this address, once the desk has it; null before. */
    private static String caseOf(String email) {
        List<String> customers = as(LEAD, "lead").baseUri(url("case-service")).queryParam("email", email)
                .get("/customers").then().statusCode(200).extract().path("items.id");
        if (customers.isEmpty()) {
            return null;
        }
        List<String> cases = as(LEAD, "lead").baseUri(url("case-service")).get("/customers/" + customers.get(0) + "/cases")
                .then().statusCode(200).extract().path("items.id");
        assertThat(cases).hasSizeLessThanOrEqualTo(1);
        return cases.isEmpty() ? null : cases.get(0);
    }

    private static MailServer.ReceivedMail awaitMail(String to, String subjectStart) {
        return await().atMost(PATIENCE).until(() -> system.mail().mailsTo(to).stream()
                .filter(mail -> mail.subject().startsWith(subjectStart)).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** A header of a received mail, its folded lines joined; null when it has none. */
    private static String header(MailServer.ReceivedMail mail, String name) {
        java.util.regex.Matcher found = java.util.regex.Pattern
                .compile("(?im)^" + name + ":[ \\t]*(.*(?:\\r?\\n[ \\t]+.*)*)").matcher(mail.text());
        return found.find() ? found.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : null;
    }

    /** A mail as a client writes it: CRLF line ends. */
    private static byte[] mail(String text) {
        return text.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> traceIdsOn(String topic, String key, int atLeast) {
        try (TopicReader reader = new TopicReader(system.bootstrapServers(), topic)) {
            return reader.readForKey(key, atLeast, PATIENCE).stream()
                    .map(r -> TopicReader.header(r, "traceparent").split("-")[1]).toList();
        }
    }

    private static List<String> typesOn(String topic, String key, int atLeast) {
        try (TopicReader reader = new TopicReader(system.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(key, atLeast, PATIENCE);
            return records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        }
    }

    /** A call as {@code user} with {@code roles}, with a token from the system's issuer. */
    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(system.issuer().issue(user, roles));
    }

    private static String url(String service) {
        return system.url(service);
    }
}
