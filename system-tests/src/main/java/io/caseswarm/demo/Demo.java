package io.caseswarm.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.auth.LocalIssuer;

/**
 * Walks one case through Caseswarm on the running system ({@code ./caseswarm up}), printing what
 * happens at each step: a small directory of experts and some articles, then a case that is swarmed,
 * resolved and captured. Run it with {@code ./caseswarm demo}; it can be run again.
 */
public final class Demo {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    // The local issuer's keys, which ./caseswarm up made and the services verify tokens with.
    private final LocalIssuer issuer = LocalIssuer.inDirectory(
            Path.of(System.getenv().getOrDefault("CASESWARM_KEYS", ".caseswarm/keys")));
    // Who does what in the story: the agent who owns the case, the pod lead, the HR system.
    private final String ana = issuer.issue("ana.lima", "agent");
    private final String lead = issuer.issue("lea.park", "lead");
    private final String hrSystem = issuer.issue("hr-sync", "integration");

    private final Api cases = new Api(url("CASE", 8081));
    private final Api swarms = new Api(url("SWARM", 8082));
    private final Api experts = new Api(url("EXPERT_FINDER", 8083));
    private final Api knowledge = new Api(url("KNOWLEDGE", 8084));
    private final Api notifications = new Api(url("NOTIFICATION", 8085)).as(lead);
    private final Api mail = new Api(url("MAIL_API", 8025));
    private final String bootstrapServers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    public static void main(String[] args) {
        new Demo().run();
    }

    private void run() {
        step("1. The people directory: two pods of experts, and Ana, the agent who will own the case");
        person("ana.lima", "Ana Lima", "Europe/Lisbon", Map.of("billing", 3), 3, "available");
        person("raj.patel", "Raj Patel", "Asia/Kolkata", Map.of("billing", 5, "payments", 3), 2, "available");
        person("omar.haddad", "Omar Haddad", "Africa/Cairo", Map.of("billing", 4, "postgres", 2), 2, "available");
        person("mei.chen", "Mei Chen", "Asia/Singapore", Map.of("postgres", 5, "sync", 4), 2, "available");
        person("lena.berg", "Lena Berg", "Europe/Berlin", Map.of("sync", 3, "api", 4), 2, "busy");
        person("sam.offline", "Sam Offline", "America/New_York", Map.of("billing", 5, "sync", 5), 3, "offline");

        step("2. The knowledge base: published articles");
        article("Fixing invoice sync failures",
                "When invoices stop syncing part-way, the sync token has usually expired. Rotate it in Settings.",
                List.of("billing", "sync"));
        article("Reset a locked account", "Unlock the account in the admin console, then ask the user to log in.",
                List.of("accounts"));

        step("3. A customer writes in: the case is opened and Ana owns it");
        JsonNode opened = cases.as(ana).post("/cases", Map.of(
                "subject", "Invoices fail to sync",
                "description", "Since Monday the nightly invoice sync stops at 40% and no invoices reach the ledger.",
                "customer", Map.of("id", "cust-ada", "name", "Ada Lovelace", "email", "ada@example.com"),
                "channel", "email", "product", "Billing Cloud", "priority", "high", "ownerId", "ana.lima"))
                .expect(201);
        String caseId = opened.get("id").asText();
        String number = opened.get("number").asText();
        say("%s opened (%s), owner %s", number, caseId, opened.get("ownerId").asText());

        JsonNode suggestions = await("articles suggested for " + number,
                () -> cases.as(ana).get("/cases/" + caseId).body().get("suggestions"), s -> s.size() > 0);
        suggestions.forEach(s -> say("suggested: \"%s\" (score %s)", s.get("title").asText(), s.get("score")));

        step("4. Ana asks for a swarm: the expert finder picks a team covering billing and sync");
        Map<String, Object> request = Map.of("caseId", caseId,
                "question", "Why does the nightly sync stop at 40%?", "stepsTried", "Restarted the sync job twice",
                "skills", List.of("billing", "sync"), "teamSize", 2);
        Instant asked = Instant.now();
        String swarmId = await("the swarm service to know " + number, () -> swarms.as(ana).post("/swarms", request),
                response -> response.status() == 201).body().get("id").asText();
        JsonNode ranked = experts.as(ana).get("/candidates?skills=billing,sync&exclude=ana.lima").expect(200);
        ranked.forEach(c -> say("candidate %-12s score %.3f (skill %.2f, availability %.2f, capacity %.2f)",
                c.get("personId").asText(), c.get("score").asDouble(), c.get("skillMatch").asDouble(),
                c.get("availability").asDouble(), c.get("capacity").asDouble()));
        Instant firstInvitation = firstInvitationEvent(swarmId);
        List<String> invited = awaitMembers(swarmId, "invited", 2);
        say("invited: %s", invited);
        Instant firstEmail = await("the first invitation email", () -> firstDeliveryAfter(asked, invited),
                found -> found != null);
        say("POST /swarms → first expert-invited on Kafka: %d ms; → first invitation email sent: %d ms",
                Duration.between(asked, firstInvitation).toMillis(), Duration.between(asked, firstEmail).toMillis());

        step("5. " + invited.getFirst() + " declines: the next candidate is invited");
        swarms.as(issuer.issue(invited.getFirst(), "expert"))
                .post("/swarms/" + swarmId + "/members/" + invited.getFirst() + "/decline",
                Map.of("reason", "On call for another incident")).expect(200);
        List<String> now = awaitMembers(swarmId, "invited", 2);
        say("invited now: %s", now);

        step("6. " + invited.get(1) + " joins and the swarm works the case in its feed");
        String joiner = invited.get(1);
        Api asJoiner = swarms.as(issuer.issue(joiner, "expert"));
        asJoiner.post("/swarms/" + swarmId + "/members/" + joiner + "/join", null).expect(200);
        swarms.as(ana).post("/swarms/" + swarmId + "/posts",
                Map.of("text", "Customer says it started Monday; nothing changed on our side.")).expect(201);
        asJoiner.post("/swarms/" + swarmId + "/posts",
                Map.of("text", "The sync token expired on Monday. Rotating it fixes the sync.")).expect(201);
        swarms.as(ana).get("/swarms/" + swarmId + "/posts").expect(200)
                .forEach(p -> say("%s: %s", p.get("authorId").asText(), p.get("text").asText()));

        step("7. Ana resolves the case: the swarm closes, the fix becomes a draft article, Ada hears back");
        // Only a member of a swarm on the case may be named as a helper: case-service learns them from events.
        await(joiner + " to be a swarm member on the case", () -> cases.as(ana).get("/cases/" + caseId).body(),
                view -> view.path("swarms").findValues("memberIds").stream()
                        .anyMatch(ids -> ids.toString().contains("\"" + joiner + "\"")));
        cases.as(ana).post("/cases/" + caseId + "/resolve", Map.of("summary",
                "Rotated the expired sync token; the nightly sync runs to completion again.", "helpedBy",
                List.of(joiner))).expect(200);
        await("the swarm to close", () -> swarms.as(ana).get("/swarms/" + swarmId).body(),
                s -> "closed".equals(s.get("status").asText()));
        say("swarm %s closed", swarmId);
        JsonNode drafts = await("the draft article", () -> knowledge.as(lead).get("/articles?status=draft&limit=100").body(),
                list -> contains(list, "sourceCaseId", caseId));
        drafts.forEach(a -> {
            if (caseId.equals(a.path("sourceCaseId").asText())) {
                say("draft article \"%s\" (%s)", a.get("title").asText(), a.get("id").asText());
            }
        });

        step("8. What reached people's inboxes (the local SMTP server)");
        List<String> everyoneInvited = new ArrayList<>(invited);
        now.stream().filter(person -> !invited.contains(person)).forEach(everyoneInvited::add);
        List<String> addresses = new ArrayList<>(List.of("ada@example.com"));
        everyoneInvited.forEach(person -> addresses.add(person + "@example.com"));
        for (String address : addresses) {
            JsonNode mails = await("mail for " + address, () -> mail.get("/api/user/" + address + "/messages/INBOX")
                    .body(), m -> m.isArray() && m.size() > 0);
            mails.forEach(m -> say("%-24s %s", address, m.get("subject").asText()));
        }
        step("9. Who may see what: every call carries a token (./caseswarm token <user> <roles…> prints one)");
        say("no token               → HTTP %d", cases.get("/cases/" + caseId).status());
        say("Ada, the customer      → HTTP %d", cases.as(issuer.issue("cust-ada", "customer")).get("/cases/" + caseId).status());
        say("another customer       → HTTP %d (somebody else's case does not exist for them)",
                cases.as(issuer.issue("cust-bob", "customer")).get("/cases/" + caseId).status());
        say("%s resolving it  → HTTP %d (only the owner or a lead)", joiner, cases.as(issuer.issue(joiner, "agent"))
                .post("/cases/" + caseId + "/resolve", Map.of("summary", "again")).status());

        step("Done. Case " + number + " from open to captured knowledge, with one owner all along.");
    }

    private void person(String id, String name, String zone, Map<String, Integer> skills, int capacity,
            String presence) {
        List<Map<String, Object>> skillList = new ArrayList<>();
        skills.forEach((skill, level) -> skillList.add(Map.of("name", skill, "level", level)));
        Api.Response response = experts.as(hrSystem).post("/people", Map.of("id", id, "name", name, "email", id + "@example.com",
                "chatHandle", "@" + id, "timeZone", zone, "workingHours", Map.of("start", "00:00", "end", "23:59"),
                "skills", skillList, "capacity", capacity, "presence", presence));
        say("%-12s %s (%s, %s)", id, response.status() == 201 ? "registered" : "already registered", skills,
                presence);
    }

    private void article(String title, String body, List<String> tags) {
        JsonNode existing = knowledge.as(lead).get("/articles?status=published&limit=100").expect(200);
        if (contains(existing, "title", title)) {
            say("\"%s\" already published", title);
            return;
        }
        String id = knowledge.as(lead).post("/articles", Map.of("title", title, "body", body, "tags", tags,
                "product", "Billing Cloud")).expect(201).get("id").asText();
        knowledge.as(lead).post("/articles/" + id + "/publish", null).expect(200);
        say("\"%s\" published", title);
    }

    /** The earliest email sent to any of the invited after the swarm was asked for (reruns leave older ones). */
    private Instant firstDeliveryAfter(Instant asked, List<String> invited) {
        Instant first = null;
        for (String person : invited) {
            for (JsonNode delivery : notifications.get("/notifications?recipient=" + person + "@example.com").body()) {
                Instant at = Instant.parse(delivery.get("at").asText());
                if ("sent".equals(delivery.get("status").asText()) && at.isAfter(asked)
                        && (first == null || at.isBefore(first))) {
                    first = at;
                }
            }
        }
        return first;
    }

    private List<String> awaitMembers(String swarmId, String status, int count) {
        JsonNode swarm = await(count + " " + status + " members", () -> swarms.as(ana).get("/swarms/" + swarmId).body(),
                s -> members(s, status).size() >= count);
        return members(swarm, status);
    }

    private static List<String> members(JsonNode swarm, String status) {
        List<String> people = new ArrayList<>();
        swarm.path("members").forEach(m -> {
            if (status.equals(m.get("status").asText())) {
                people.add(m.get("personId").asText());
            }
        });
        return people;
    }

    /** When the broker received the swarm's first invitation, read as any subscriber would read it. */
    private Instant firstInvitationEvent(String swarmId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "caseswarm-demo-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("expert-events"));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (swarmId.equals(record.key())) {
                        return Instant.ofEpochMilli(record.timestamp());
                    }
                }
            }
        }
        throw new IllegalStateException("No expert-invited for swarm " + swarmId + " within " + PATIENCE);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Gave up waiting for " + what + " after " + PATIENCE);
    }

    private static boolean contains(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return true;
            }
        }
        return false;
    }

    private static String url(String service, int defaultPort) {
        return System.getenv().getOrDefault("CASESWARM_" + service + "_URL", "http://127.0.0.1:" + defaultPort);
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void say(String format, Object... args) {
        System.out.println("   " + format.formatted(args));
    }
}
