package io.caseswarm.cases.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.event.CloudEventHeaders;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * How fast the reports answer over a year of a large desk, and how long their model takes to rebuild from the topic.
 * Not a test (its name keeps it out of the suite); run it with {@code ./caseswarm bench reports} or:
 *
 * <pre>./mvnw -B -q -pl case-service test -Dtest=ReportBench [-Dbench.cases=1000000 -Dbench.queries=50]</pre>
 *
 * {@code bench.cases} cases of 2026 (opened uniformly over the year, 5 channels, 4 priorities, 20 products; half
 * answered within a day, 90% resolved after a spread of minutes to weeks, a tenth of those reopened and resolved
 * again) are written to case-events as case-service publishes them, with the live consumers of this run switched off.
 * Each case has its SLA applied, on the default calendar, so that its business time is counted too, and its first
 * response and resolution met (in time or late) as the SLA keeper reports them. The reporting
 * model is then rebuilt from the topic ({@code POST /admin/projections/reports/rebuild}, timed to its end), and
 * each report is asked {@code bench.queries} times: the default period (30 days by day), the year by month, the year by
 * week in Rome, and the desk now. Written to {@code target/report-bench.txt}.
 */
@QuarkusTest
@TestProfile(ReportBench.OnlyTheRebuild.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
public class ReportBench {

    private static final Instant YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] CHANNELS = { "email", "email", "web", "web", "chat", "phone", "api" };
    private static final String[] PRIORITIES = { "low", "normal", "normal", "normal", "high", "urgent" };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    LocalIssuer issuer;

    private final StringBuilder report = new StringBuilder();

    /** The reports' live consumers (and the automation, which would act on cases this store never held) are off. */
    public static class OnlyTheRebuild implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("caseswarm.automation.enabled", "false",
                    "mp.messaging.incoming.case-reporting.enabled", "false",
                    "mp.messaging.incoming.swarm-reporting.enabled", "false",
                    "mp.messaging.incoming.expert-reporting.enabled", "false",
                    "mp.messaging.incoming.case-automation.enabled", "false");
        }
    }

    @Test
    void measure() throws Exception {
        int cases = Integer.getInteger("bench.cases", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 50);
        line("Report bench: %,d cases of 2026 on case-events, %d queries per report; %d cores, JVM max heap %d MB"
                .formatted(cases, queries, Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20));

        long start = System.nanoTime();
        long events = publish(cases);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        line("published %,d events in %.1f s".formatted(events, publishSeconds));

        String admin = issuer.issue("ola.admin", "admin");
        String path = "/admin/projections/reports/rebuild";
        start = System.nanoTime();
        RestAssured.given().auth().oauth2(admin).post(path).then().statusCode(202);
        JsonPath status;
        do {
            Thread.sleep(1_000);
            status = RestAssured.given().auth().oauth2(admin).get(path).then().statusCode(200).extract().jsonPath();
        } while ("running".equals(status.getString("state")));
        if (!"done".equals(status.getString("state"))) {
            throw new IllegalStateException("The rebuild ended " + status.prettify());
        }
        long replayed = status.getLong("eventsReplayed");
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        line("rebuilt the reporting model from %,d events in %.1f s: %,.0f events/s"
                .formatted(replayed, rebuildSeconds, replayed / rebuildSeconds));

        String lead = issuer.issue("lea.park", "lead");
        time(lead, "GET /reports/period (30 days to 2026-12-31, by day)", "/reports/period?to=2026-12-31", queries);
        time(lead, "GET /reports/period (2026 by month)",
                "/reports/period?from=2026-01-01&to=2026-12-31&bucket=month", queries);
        time(lead, "GET /reports/period (2026 by week, Europe/Rome, priority high)",
                "/reports/period?from=2026-01-01&to=2026-12-31&bucket=week&timeZone=Europe/Rome&priority=high", queries);
        time(lead, "GET /reports/now", "/reports/now", queries);
        Path out = Path.of("target", "report-bench.txt");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void time(String token, String name, String path, int queries) {
        RestAssured.given().auth().oauth2(token).get(path).then().statusCode(200); // warm
        double[] ms = new double[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            RestAssured.given().auth().oauth2(token).get(path).then().statusCode(200);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        line("%-70s p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms".formatted(name, percentile(ms, 0.50),
                percentile(ms, 0.99), ms[ms.length - 1]));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The cases' events, each case's in order on its key, as case-service's relay would publish them. */
    private long publish(int cases) throws Exception {
        Random random = new Random(42);
        long sent = 0;
        long yearSeconds = Duration.ofDays(365).toSeconds();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int n = 1; n <= cases; n++) {
                String caseId = UUID.randomUUID().toString();
                String number = "CS-%07d".formatted(n);
                Instant opened = YEAR.plusSeconds((long) (random.nextDouble() * yearSeconds));
                List<ProducerRecord<String, String>> records = new ArrayList<>();
                records.add(record(caseId, "case-opened", opened, """
                        {"caseId":"%s","number":"%s","subject":"Invoices fail to sync","description":"It stops.",
                         "customer":{"id":"c-%d","name":"A Customer","email":"c%d@example.com"},"channel":"%s",
                         "product":"product-%d","priority":"%s","openedAt":"%s"}""".formatted(caseId, number, n % 50_000,
                        n % 50_000, CHANNELS[random.nextInt(CHANNELS.length)], random.nextInt(20),
                        PRIORITIES[random.nextInt(PRIORITIES.length)], opened)));
                // The SLA its policy gives it: its business time counts on the default calendar (weekdays 09–17 UTC).
                records.add(record(caseId, "case-sla-applied", opened, """
                        {"caseId":"%s","number":"%s","terms":{"policyId":"standard","policyVersion":1,
                         "calendarId":"default","firstResponse":"PT8H","resolution":"PT40H","warnAt":0.75,
                         "pauseOnHold":true},"appliedAt":"%s"}""".formatted(caseId, number, opened)));
                if (random.nextBoolean()) {
                    Instant answered = opened.plusSeconds(60 + random.nextInt(86_400));
                    records.add(record(caseId, "case-message-added", answered, """
                            {"caseId":"%s","number":"%s","messageId":"%s","authorId":"ana.lima","authorRole":"agent",
                             "visibility":"public","body":"Looking into it","attachments":[],"addedAt":"%s"}"""
                            .formatted(caseId, number, UUID.randomUUID(), answered)));
                    records.add(slaMet(caseId, number, "first-response", opened.plusSeconds(8 * 3_600), answered));
                }
                if (random.nextInt(10) < 9) {
                    // Minutes to weeks: a log-uniform spread from 5 minutes to 30 days.
                    Instant resolved = opened.plusSeconds((long) Math.exp(Math.log(300)
                            + random.nextDouble() * (Math.log(30 * 86_400) - Math.log(300))));
                    records.add(resolved(caseId, number, resolved));
                    records.add(slaMet(caseId, number, "resolution", opened.plusSeconds(5 * 86_400), resolved));
                    if (random.nextInt(10) == 0) {
                        Instant reopened = resolved.plusSeconds(3_600 + random.nextInt(5 * 86_400));
                        records.add(record(caseId, "case-reopened", reopened, """
                                {"caseId":"%s","number":"%s","ownerId":"ana.lima","reason":"Again","by":"c",
                                 "reopenedAt":"%s"}""".formatted(caseId, number, reopened)));
                        records.add(resolved(caseId, number, reopened.plusSeconds(600 + random.nextInt(86_400))));
                    }
                }
                for (ProducerRecord<String, String> record : records) {
                    producer.send(record);
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static ProducerRecord<String, String> resolved(String caseId, String number, Instant at) {
        return record(caseId, "case-resolved", at, """
                {"caseId":"%s","number":"%s","subject":"Invoices fail to sync","description":"It stops.",
                 "product":"p","ownerId":"ana.lima","resolution":{"summary":"Fixed"},"resolvedAt":"%s"}"""
                .formatted(caseId, number, at));
    }

    private static ProducerRecord<String, String> slaMet(String caseId, String number, String milestone, Instant due,
            Instant at) {
        return record(caseId, "case-sla-met", at, """
                {"caseId":"%s","number":"%s","milestone":"%s","policyId":"standard","dueAt":"%s","metAt":"%s",
                 "inTime":%s}""".formatted(caseId, number, milestone, due, at, !at.isAfter(due)));
    }

    private static ProducerRecord<String, String> record(String caseId, String type, Instant at, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("case-events", caseId, json);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/case-service");
        header(record, CloudEventHeaders.SUBJECT, caseId);
        header(record, CloudEventHeaders.TIME, at.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    private void line(String text) {
        report.append(text).append(System.lineSeparator());
    }
}
