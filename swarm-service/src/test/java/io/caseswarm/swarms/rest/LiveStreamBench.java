package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How fast the live room is, and how many clients one swarm-service holds. Not a test (its name keeps it out
 * of the suite); run it on its own:
 *
 * <pre>./mvnw -B -q -pl swarm-service test -Dtest=LiveStreamBench [-Dbench.invitations=200
 *     -Dbench.clients=100,500,1000,2000 -Dbench.seconds=10]</pre>
 *
 * <ol>
 * <li>latency: {@code bench.invitations} times, one after the other, the expert finder's {@code expert-invited}
 * is sent to Kafka and timed until a client of the swarm's stream reads the {@code swarm-member-invited} it
 * became (consumed, appended, committed, woken by NOTIFY, tailed, written): p50, p99, max;
 * <li>clients: for each count in {@code bench.clients}, that many clients follow one swarm's stream while the
 * owner posts once a second for {@code bench.seconds} seconds (so each client gets one event a second), and
 * it checks that every client got every post, with the post-to-client latency (p50, p99, max).
 * </ol>
 * Clients run in this JVM, on the same machine as the service, the database and the broker, so the figures
 * are a floor for what one service holds, not a ceiling. They are printed and written to
 * {@code target/live-stream-bench.txt}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveStreamBench {

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        SwarmFixture world = new SwarmFixture(events, issuer, database);
        String caseId = world.knownCase(OWNER);
        String swarmId = world.swarmOn(caseId);
        String room = "/swarms/" + swarmId + "/stream";
        String ownerToken = issuer.issue(OWNER, Roles.AGENT);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        int invitations = Integer.getInteger("bench.invitations", 200);
        long[] latencies = new long[invitations];
        try (SseClient client = SseClient.open(http, room, ownerToken, Map.of("Last-Event-ID", "1"))) {
            client.awaitSubscribed();
            for (int i = 0; i < invitations; i++) {
                long start = System.nanoTime();
                events.send("expert-events", swarmId, "expert-invited",
                        "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"bench-%d\",\"email\":\"b%d@example.com\"}"
                                .formatted(swarmId, caseId, i, i));
                SseClient.Event invited = client.next(Duration.ofSeconds(30));
                latencies[i] = System.nanoTime() - start;
                if (!invited.type().equals("swarm-member-invited") || !invited.data().contains("bench-" + i)) {
                    throw new AssertionError("Expected the invitation of bench-" + i + ", got " + invited);
                }
            }
        }
        line("expert-invited -> SSE swarm-member-invited, %d in a row: %s", invitations, describe(latencies));

        long lastVersion = 1 + invitations;
        for (String count : System.getProperty("bench.clients", "100,500,1000,2000").split(",")) {
            lastVersion = clients(http, world, swarmId, ownerToken, Integer.parseInt(count.strip()), lastVersion);
        }
        String text = report.toString();
        System.out.println("\n" + text);
        Files.writeString(Path.of("target/live-stream-bench.txt"), text);
    }

    /** {@code count} clients on one room, one post a second; returns the room's version after. */
    private long clients(HttpClient http, SwarmFixture world, String swarmId, String token, int count, long version)
            throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        String room = "/swarms/" + swarmId + "/stream";
        List<SseClient> clients = new ArrayList<>();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            long opening = System.nanoTime();
            List<Future<SseClient>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opened.add(readers.submit(() -> {
                    SseClient client = SseClient.open(http, room, token, Map.of("Last-Event-ID", Long.toString(version)));
                    client.awaitSubscribed();
                    return client;
                }));
            }
            for (Future<SseClient> client : opened) {
                clients.add(client.get());
            }
            long openedIn = System.nanoTime() - opening;
            long[] postedAt = new long[seconds];
            List<Future<long[]>> received = new ArrayList<>();
            for (SseClient client : clients) {
                received.add(readers.submit(() -> {
                    long[] at = new long[seconds];
                    for (int i = 0; i < seconds; i++) {
                        client.next(Duration.ofSeconds(60));
                        at[i] = System.nanoTime();
                    }
                    return at;
                }));
            }
            long next = System.nanoTime();
            for (int i = 0; i < seconds; i++) {
                while (System.nanoTime() < next) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                }
                postedAt[i] = System.nanoTime();
                world.owner().body(Map.of("text", "tick " + i)).post("/swarms/" + swarmId + "/posts").then()
                        .statusCode(201);
                next += 1_000_000_000L;
            }
            long[] latencies = new long[count * seconds];
            int missing = 0;
            int k = 0;
            for (Future<long[]> got : received) {
                try {
                    long[] at = got.get();
                    for (int i = 0; i < seconds; i++) {
                        latencies[k++] = at[i] - postedAt[i];
                    }
                } catch (Exception e) {
                    missing++;
                }
            }
            line("%d clients on one room (opened in %d ms), 1 post/s for %d s: %d clients missed posts; post -> client %s",
                    count, openedIn / 1_000_000, seconds, missing, describe(Arrays.copyOf(latencies, k)));
        } finally {
            clients.forEach(SseClient::close);
            readers.shutdownNow();
        }
        return version + seconds;
    }

    private static String describe(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(ms(sorted[sorted.length / 2]),
                ms(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]),
                ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private void line(String format, Object... args) {
        report.append(format.formatted(args)).append('\n');
    }
}
