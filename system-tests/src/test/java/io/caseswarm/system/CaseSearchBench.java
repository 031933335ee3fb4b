package io.caseswarm.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;

/**
 * How fast an agent's queue and a search answer over many cases: seeds N cases (default 100,000)
 * through case-service's own API, on a system of its own, then times each kind of {@code GET /cases}
 * one request after another, as one agent's browser would, and prints p50, p99 and max per kind.
 * Run with {@code ./caseswarm bench}; a benchmark, not a test: it prints figures and fails only when
 * a request fails.
 */
public final class CaseSearchBench {

    private static final int SEED_CLIENTS = 6;
    private static final int TIMED_REQUESTS = 300;
    private static final int WARM_UP = 30;
    private static final List<String> AGENTS = agents();
    private static final List<String> WORDS = List.of("invoice", "sync", "login", "export", "printer", "payroll",
            "hóa đơn", "đồng bộ", "τιμολόγιο", "σύνδεση", "فاکتور", "ورود", "fattura", "stampante", "rimborso");
    private static final String[] PRIORITIES = { "low", "normal", "normal", "normal", "high", "urgent" };
    private static final String[] CHANNELS = { "email", "web", "chat", "phone", "api" };

    private final Api cases;
    private final RunningSystem system;

    private CaseSearchBench(RunningSystem system) {
        this.system = system;
        this.cases = new Api(system.url("case-service"));
    }

    public static void main(String[] args) throws Exception {
        int count = args.length == 2 && args[0].equals("--cases") ? Integer.parseInt(args[1]) : 100_000;
        try (RunningSystem system = RunningSystem.startOnly("case-service")) {
            CaseSearchBench bench = new CaseSearchBench(system);
            bench.seed(count);
            bench.time();
        }
    }

    /** Opens {@code count} cases from several clients at once; every tenth gets a public message too. */
    private void seed(int count) throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(SEED_CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < SEED_CLIENTS; c++) {
            running.add(clients.submit(() -> {
                Api lead = cases.as(system.issuer().issue("lea.park", "lead"));
                Random own = new Random(next.get() * 31L + Thread.currentThread().threadId());
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    openOne(lead, own, i);
                    if (i % 10_000 == 0 && i > 0) {
                        System.out.printf("  %,d cases opened%n", i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Seeded %,d cases in %.0f s: %.0f cases/s through POST /cases (%d clients)%n", count,
                seconds, count / seconds, SEED_CLIENTS);
    }

    private static void openOne(Api lead, Random random, int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", pick(random, WORDS) + " " + pick(random, WORDS) + " #" + i);
        body.put("description", "Reported: " + pick(random, WORDS) + " fails since " + (1 + i % 28) + " days");
        body.put("customer", Map.of("id", "cust-" + (i % 20_000), "name", "Customer " + (i % 20_000),
                "email", "customer-" + (i % 20_000) + "@example.com"));
        body.put("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
        body.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        body.put("product", "Product " + (i % 12));
        if (i % 7 != 0) { // one in seven stays new, in nobody's queue yet
            body.put("ownerId", AGENTS.get(i % AGENTS.size()));
        }
        JsonNode opened = lead.post("/cases", body).expect(201);
        if (i % 10 == 0) {
            lead.post("/cases/" + opened.get("id").asText() + "/messages",
                    Map.of("body", "Tried again: " + pick(random, WORDS) + " still fails", "visibility", "public"))
                    .expect(201);
        }
    }

    /** Each kind of list, timed one request after another after a warm-up; prints its percentiles. */
    private void time() {
        String agent = AGENTS.get(3);
        Api asAgent = cases.as(system.issuer().issue(agent, "agent"));
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("agent's queue: owner=me&status=open,pending", "/cases?owner=me&status=open,pending");
        kinds.put("unassigned: status=new&unassigned=true", "/cases?status=new&unassigned=true");
        kinds.put("filters: status=open&priority=urgent,high&product=Product 3&channel=email",
                "/cases?status=open&priority=urgent,high&product=Product%203&channel=email");
        kinds.put("words, common: q=invoice", "/cases?q=invoice");
        kinds.put("words in two scripts: q=τιμολογιο rimborso (typed without accents)",
                "/cases?q=" + URLEncoder.encode("τιμολογιο rimborso", StandardCharsets.UTF_8));
        kinds.put("words + filters: q=fattura&status=open,pending&sort=newest", "/cases?q=fattura&status=open,pending&sort=newest");
        kinds.put("everything, newest first: sort=newest", "/cases?sort=newest");
        System.out.printf("%n%-72s %8s %8s %8s %8s%n", "GET /cases (limit 50), " + TIMED_REQUESTS + " requests each", "p50 ms",
                "p99 ms", "max ms", "items");
        String fifth = fifthPageCursor(asAgent);
        if (fifth != null) { // a small run may not give the agent five pages
            kinds.put("5th page of the agent's queue (limit 10, by its cursor)",
                    "/cases?owner=me&status=open,pending&limit=10&cursor=" + fifth);
        }
        kinds.forEach((name, path) -> report(name, asAgent, path));
    }

    private static void report(String name, Api asAgent, String path) {
        List<Double> millis = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < WARM_UP + TIMED_REQUESTS; i++) {
            long start = System.nanoTime();
            JsonNode page = asAgent.get(path).expect(200);
            double took = (System.nanoTime() - start) / 1e6;
            if (i >= WARM_UP) {
                millis.add(took);
                items = page.get("items").size();
            }
        }
        Percentiles took = Percentiles.of(millis);
        System.out.printf("%-72s %8.1f %8.1f %8.1f %8d%n", name, took.at(50), took.at(99), took.max(), items);
    }

    /** Where the fifth page of the agent's queue starts: a keyset cursor stays valid, so it is timed on its own. */
    private static String fifthPageCursor(Api asAgent) {
        String cursor = null;
        for (int page = 1; page < 5 && (page == 1 || cursor != null); page++) {
            JsonNode found = asAgent.get("/cases?owner=me&status=open,pending&limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            cursor = found.path("nextCursor").asText(null);
        }
        return cursor;
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> agents() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            agents.add("agent-" + i);
        }
        return agents;
    }
}
