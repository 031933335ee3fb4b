package io.caseswarm.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.TopicReader;
import io.caseswarm.testing.TcpProxy;

/**
 * The chaos suite: N cases go through the whole swarm flow over REST, concurrently, while every
 * service is {@code kill -9}ed and restarted, the broker is hard-killed and restarted, and the
 * databases go away for a while. At the end every effect a user would notice is counted: each must
 * be there exactly once. Run as {@code ./caseswarm chaos} (this class's {@link #main}) or, small, as
 * {@code ChaosIT}.
 *
 * <p>Faults come at fixed points of the flow's progress (the first after 20%), and the flow is held
 * back a little so that it cannot finish before the last fault: each fault hits a flow in full swing.
 */
final class ChaosRun {

    /** How the database is made to fail. */
    enum DbFault {
        /** Each service's connection path goes through a {@link TcpProxy} that is cut (does not touch the server). */
        PROXY,
        /** The machine's PostgreSQL server is restarted ({@code pg_ctlcluster ... restart}): only on purpose. */
        RESTART_SERVER
    }

    /**
     * {@code servicesTogether}: kill all five services at once (each still once), which keeps a small run
     * short; otherwise one after the other, each at its own point of the flow.
     */
    record Settings(int cases, boolean deduplicate, DbFault dbFault, int concurrency, Duration dbOutage,
            boolean servicesTogether, int replicas, boolean faults) {

        static Settings of(int cases, boolean deduplicate, DbFault dbFault) {
            return new Settings(cases, deduplicate, dbFault, Math.min(cases, 12), Duration.ofSeconds(8), false, 1, true);
        }

        Settings servicesKilledTogether() {
            return new Settings(cases, deduplicate, dbFault, concurrency, dbOutage, true, replicas, faults);
        }

        /**
         * swarm-service and expert-finder-service run as {@code replicas} processes each; with {@code faults}, the
         * publishing replica of each is killed or stopped once (the scale-out run's faults, not the chaos run's).
         */
        Settings scaledOut(int replicas, boolean faults) {
            return new Settings(cases, deduplicate, dbFault, concurrency, dbOutage, servicesTogether, replicas, faults);
        }

        boolean isScaledOut() {
            return replicas > 1;
        }
    }

    /** One fault and what it took to get over it. */
    record Fault(String what, double atProgress, Duration ready, Duration recovered) {
    }

    /** One effect a user would notice: how many were expected, how many seen, how many too many. */
    record Effect(String name, long expected, long seen, long duplicates, long missing) {

        boolean exact() {
            return duplicates == 0 && missing == 0 && seen == expected;
        }
    }

    /** What the run found; {@link #passed()} says whether it is what the mode expects. */
    record Report(Settings settings, Duration took, List<Fault> faults, Map<String, Effect> effects,
            List<String> failures, List<String> duplicateFindings, Map<String, Long> deadLetters,
            List<String> deadLetterSamples, Map<String, int[]> appliedLines, int conflictsToJoiners,
            int forbiddenSwarmRequests, int mailsSentAgain, int restarts, Duration flow,
            List<AggregateOrder.Finding> order, List<String> scaleOut) {

        /** Cases taken through the whole flow per minute, from the first call to the last case done. */
        double casesPerMinute() {
            return effects.get("cases driven through the whole flow").seen() / (flow.toMillis() / 60_000.0);
        }

        long duplicatesFound() {
            return effects.values().stream().mapToLong(Effect::duplicates).sum()
                    + appliedLines.values().stream().mapToLong(counts -> counts[1]).sum();
        }

        /** With de-duplication on: everything exactly once. Off: the duplicates must have been found. */
        boolean passed() {
            return settings.deduplicate() ? failures.isEmpty() : duplicatesFound() > 0;
        }

        String summary() {
            StringBuilder out = new StringBuilder();
            out.append("%n=== %s: %d cases, de-duplication %s, %s, took %s ===%n".formatted(
                    settings.isScaledOut() ? "Scale-out run, %d replicas of swarm-service and expert-finder-service"
                            .formatted(settings.replicas()) : "Chaos run",
                    settings.cases(), settings.deduplicate() ? "ON" : "OFF (caseswarm.inbox.deduplicate=false)",
                    !settings.faults() ? "no faults" : settings.isScaledOut() ? "replica faults"
                            : "database fault: " + settings.dbFault(), seconds(took)));
            out.append("%nThroughput: %d cases through the whole flow in %s, %.1f cases/min (%d at a time)%n".formatted(
                    effects.get("cases driven through the whole flow").seen(), seconds(flow), casesPerMinute(),
                    settings.concurrency()));
            if (!scaleOut.isEmpty()) {
                out.append("%nReplicas:%n".formatted());
                scaleOut.forEach(line -> out.append("  ").append(line).append('\n'));
            }
            out.append("%nOrder per aggregate on the topics (first delivery of each event id):%n".formatted());
            order.forEach(finding -> out.append("  ").append(finding.summary()).append('\n'));
            out.append("%nFaults (%d kills, %d restarts):%n".formatted(faults.size(), restarts));
            out.append("  %-40s %10s %12s %14s%n".formatted("fault", "progress", "ready after", "flow moves after"));
            faults.forEach(f -> out.append("  %-40s %9.0f%% %12s %14s%n".formatted(f.what(), f.atProgress() * 100,
                    seconds(f.ready()), seconds(f.recovered()))));
            out.append("%nEffects:%n  %-44s %9s %9s %11s %8s%n".formatted("effect", "expected", "seen", "duplicates",
                    "missing"));
            effects.values().forEach(e -> out.append("  %-44s %9d %9d %11d %8d %s%n".formatted(e.name(), e.expected(),
                    e.seen(), e.duplicates(), e.missing(), e.exact() ? "ok" : "<-- NOT EXACTLY ONCE")));
            out.append("%nDead-letter topics:%n".formatted());
            deadLetters.forEach((topic, count) -> out.append("  %-44s %9d %s%n".formatted(topic, count,
                    count == 0 ? "ok" : "<-- NOT EMPTY")));
            deadLetterSamples.forEach(sample -> out.append("    ").append(sample).append('\n'));
            out.append(("%n'Applied <type> <id>' log lines per consumer (events / applied more than once in one life /"
                    + " again after a kill -9, which may be a rolled-back first try):%n").formatted());
            appliedLines.forEach((service, counts) -> out.append("  %-44s %9d %9d %9d%n".formatted(service, counts[0],
                    counts[1], counts[2])));
            out.append(("%nMails the SMTP server took twice with the same Message-ID (a kill between sending and"
                    + " recording; mail clients show one): %d%n").formatted(mailsSentAgain));
            out.append("409 answers to a joining expert (retried): %d%n".formatted(conflictsToJoiners));
            out.append(("403 answers to the case owner asking for a swarm before swarm-service knew the owner"
                    + " (retried): %d%n").formatted(forbiddenSwarmRequests));
            if (!duplicateFindings.isEmpty()) {
                out.append("%nDuplicates found (%d, first 20):%n".formatted(duplicateFindings.size()));
                duplicateFindings.stream().limit(20).forEach(d -> out.append("  ").append(d).append('\n'));
            }
            if (!failures.isEmpty()) {
                out.append("%nFailures (%d, first 30):%n".formatted(failures.size()));
                failures.stream().limit(30).forEach(f -> out.append("  ").append(f).append('\n'));
            }
            out.append("%nVerdict: %s%n".formatted(passed()
                    ? (settings.deduplicate() ? "PASSED: every effect exactly once, nothing dead-lettered"
                            : "PASSED: with de-duplication off the harness found " + duplicatesFound() + " duplicates")
                    : (settings.deduplicate() ? "FAILED: see the failures above"
                            : "FAILED: de-duplication was off but no duplicate was found")));
            return out.toString();
        }
    }

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String OWNER = "ana.lima";
    private static final String LEAD = "lea.park";
    private static final int EXPERTS = 10;
    /** The inbox's line for an event applied and committed: type, id, and the consumer (a service may have several). */
    private static final Pattern APPLIED = Pattern.compile("Applied (\\S+) (\\S+) from \\S+ as (\\S+)");
    private static final String RESTART_MARKER = "=== CHAOS: restarted after kill -9 ===";

    private final Settings settings;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicInteger flowsRunning = new AtomicInteger();
    private volatile int allowedSteps = Integer.MAX_VALUE;
    private final AtomicInteger conflictsToJoiners = new AtomicInteger();
    /** Message-IDs delivered more than once: the same mail, sent again after a crash before its record. */
    private final Set<String> mailsSentAgain = ConcurrentHashMap.newKeySet();
    private final AtomicInteger forbiddenSwarmRequests = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private int restarts;
    private RunningSystem system;
    /** The faults and checks of a scaled-out run; null otherwise. */
    private ReplicaFaults replicaFaults;
    /** Spreads calls over a scaled-out service's replicas, as its Kubernetes Service does. */
    private final AtomicInteger calls = new AtomicInteger();

    /** What the flow did to one case, to compare the effects with. */
    private static final class CaseRecord {
        final int index;
        final String customerId;
        final String email;
        String caseId;
        String number;
        String swarmId;
        String joiner;
        boolean done;

        CaseRecord(int index, String run) {
            this.index = index;
            this.customerId = "cust-" + run + "-" + index;
            this.email = customerId + "@example.com";
        }

        boolean declines() {
            return index % 2 == 0;
        }

        int steps() {
            return declines() ? 10 : 9;
        }
    }

    ChaosRun(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int cases = 200;
        boolean deduplicate = true;
        DbFault dbFault = DbFault.RESTART_SERVER;
        boolean together = false;
        int replicas = 1;
        boolean faults = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--no-dedup" -> deduplicate = false;
                case "--services-together" -> together = true;
                case "--db-fault" -> dbFault = "proxy".equals(args[++i]) ? DbFault.PROXY : DbFault.RESTART_SERVER;
                case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                case "--no-faults" -> faults = false;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (use --cases N, --no-dedup, --db-fault proxy|restart, --services-together, --replicas N,"
                        + " --no-faults)");
            }
        }
        Settings settings = Settings.of(cases, deduplicate, dbFault).scaledOut(replicas, faults);
        Report report = new ChaosRun(together ? settings.servicesKilledTogether() : settings).run();
        System.out.println(report.summary());
        System.exit(report.passed() ? 0 : 1);
    }

    Report run() {
        Instant start = Instant.now();
        Map<String, String> extra = settings.deduplicate() ? Map.of() : Map.of("caseswarm.inbox.deduplicate", "false");
        log("starting the system (5 services, broker, SMTP server)%s", settings.deduplicate() ? "" : " with de-duplication OFF");
        // Each run keeps its services' logs in a folder of its own (the log lines are part of the evidence).
        String logsBefore = System.getProperty("caseswarm.logs");
        Path logs = Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath().normalize()
                .resolve("system-tests/target/chaos-logs/" + (settings.deduplicate() ? "dedup-" : "no-dedup-") + run);
        System.setProperty("caseswarm.logs", logs.toString());
        log("service logs in %s", logs);
        try {
            system = settings.isScaledOut()
                    ? RunningSystem.startReplicated(extra, RunningSystem.SERVICES, Map.of("swarm-service", settings.replicas(),
                            "expert-finder-service", settings.replicas()))
                    : RunningSystem.start(extra, settings.dbFault() == DbFault.PROXY);
        } finally {
            if (logsBefore == null) {
                System.clearProperty("caseswarm.logs");
            } else {
                System.setProperty("caseswarm.logs", logsBefore);
            }
        }
        try {
            if (settings.isScaledOut()) {
                replicaFaults = new ReplicaFaults(system);
                replicaFaults.checkSpread("at start");
            }
            prepare();
            List<CaseRecord> cases = new ArrayList<>();
            for (int i = 0; i < settings.cases(); i++) {
                cases.add(new CaseRecord(i, run));
            }
            int totalSteps = cases.stream().mapToInt(CaseRecord::steps).sum();
            ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
            List<Future<?>> flows = new ArrayList<>();
            // Counted before the fault thread starts: it gives up on a flow that has no case running.
            flowsRunning.set(cases.size());
            Thread chaos = Thread.ofPlatform().name("chaos").start(() -> {
                if (settings.faults()) {
                    injectFaults(totalSteps);
                }
            });
            Instant flowStart = Instant.now();
            for (CaseRecord c : cases) {
                flows.add(workers.submit(() -> {
                    try {
                        flow(c);
                        c.done = true;
                    } catch (RuntimeException e) {
                        failures.add("case " + c.index + " (" + c.number + "): flow stopped: " + e.getMessage());
                    } finally {
                        flowsRunning.decrementAndGet();
                    }
                }));
            }
            for (Future<?> flow : flows) {
                try {
                    flow.get();
                } catch (Exception e) {
                    failures.add("worker: " + e);
                }
            }
            Duration flow = Duration.between(flowStart, Instant.now());
            workers.shutdown();
            allowedSteps = Integer.MAX_VALUE;
            chaos.join();
            log("flow done (%d/%d steps); checking every effect", steps.get(), totalSteps);
            return verify(cases, Duration.between(start, Instant.now()), flow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (replicaFaults != null) {
                replicaFaults.close();
            }
            system.close();
        }
    }

    // ------------------------------------------------------------------------------------------
    // The faults
    // ------------------------------------------------------------------------------------------

    private void injectFaults(int totalSteps) {
        List<String> plan = new ArrayList<>(RunningSystem.SERVICES);
        if (settings.isScaledOut()) {
            plan = new ArrayList<>(List.of("kill the publishing swarm-service", "stop the publishing expert-finder-service"));
        } else if (settings.servicesTogether()) {
            plan = new ArrayList<>(List.of("services", "broker", "database"));
        } else {
            plan.add(2, "broker");
            plan.add(5, "database");
        }
        int count = plan.size();
        int margin = Math.max(settings.concurrency(), totalSteps / 25);
        try {
            for (int i = 0; i < count; i++) {
                int threshold = (int) Math.ceil(totalSteps * (0.20 + 0.65 * i / (count - 1)));
                allowedSteps = threshold + margin;
                awaitSteps(threshold);
                double progress = (double) steps.get() / totalSteps;
                Instant at = Instant.now();
                String what = inject(plan.get(i));
                for (String service : RunningSystem.SERVICES) {
                    system.replicas(service).forEach(ServiceProcess::awaitReady);
                }
                Duration ready = Duration.between(at, Instant.now());
                int before = steps.get();
                allowedSteps = (i + 1 < count ? (int) (totalSteps * (0.20 + 0.65 * (i + 1) / (count - 1))) : totalSteps)
                        + margin;
                awaitSteps(before + 1);
                Duration recovered = Duration.between(at, Instant.now());
                faults.add(new Fault(what, progress, ready, recovered));
                log("%s at %.0f%%: ready again after %s, flow moving after %s", what, progress * 100, seconds(ready),
                        seconds(recovered));
            }
        } catch (RuntimeException e) {
            failures.add("fault injection stopped: " + e);
        } finally {
            allowedSteps = Integer.MAX_VALUE;
        }
    }

    private String inject(String target) {
        switch (target) {
            case "kill the publishing swarm-service" -> {
                restarts++;
                return replicaFaults.killLeader("swarm-service", RESTART_MARKER);
            }
            case "stop the publishing expert-finder-service" -> {
                restarts++;
                return replicaFaults.terminateLeader("expert-finder-service", RESTART_MARKER);
            }
            case "broker" -> {
                killBroker();
                restarts++;
                sleep(Duration.ofSeconds(3));
                system.broker().startProcess();
                return "kill -9 Kafka broker";
            }
            case "services" -> {
                RunningSystem.SERVICES.forEach(name -> system.service(name).kill());
                RunningSystem.SERVICES.forEach(name -> system.service(name).restart(RESTART_MARKER));
                restarts += RunningSystem.SERVICES.size();
                return "kill -9 all five services at once";
            }
            case "database" -> {
                if (settings.dbFault() == DbFault.PROXY) {
                    RunningSystem.SERVICES.forEach(s -> system.databaseProxy(s).cut());
                    sleep(settings.dbOutage());
                    RunningSystem.SERVICES.forEach(s -> system.databaseProxy(s).restore());
                    return "database cut " + settings.dbOutage().toSeconds() + " s (proxy)";
                }
                restartPostgres();
                restarts++;
                return "PostgreSQL server restart";
            }
            default -> {
                ServiceProcess service = system.service(target);
                service.kill();
                service.restart(RESTART_MARKER);
                restarts++;
                return "kill -9 " + target;
            }
        }
    }

    /**
     * {@code kill -9} of the broker: found among this JVM's child processes by its port, so that the
     * harness does not depend on a newer {@code KafkaBroker} than the one it is built against.
     */
    private void killBroker() {
        String port = "--port " + system.bootstrapServers().substring(system.bootstrapServers().lastIndexOf(':') + 1);
        List<ProcessHandle> brokers = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("BrokerMain")
                        && String.join(" ", p.info().arguments().orElse(new String[0])).contains(port))
                .toList();
        if (brokers.size() != 1) {
            throw new IllegalStateException("found " + brokers.size() + " broker processes with " + port);
        }
        brokers.getFirst().destroyForcibly();
        brokers.getFirst().onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static void restartPostgres() {
        try (var clusters = Files.list(Path.of("/etc/postgresql"))) {
            String version = clusters.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                    .inheritIO().start();
            if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
                throw new IllegalStateException("pg_ctlcluster restart failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot restart PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitSteps(int target) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (steps.get() < target) {
            if (Instant.now().isAfter(deadline) || flowsRunning.get() == 0) {
                throw new IllegalStateException("the flow did not reach step " + target + " (at " + steps.get() + ")");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    // ------------------------------------------------------------------------------------------
    // The flow of one case
    // ------------------------------------------------------------------------------------------

    private void prepare() {
        for (int i = 1; i <= EXPERTS; i++) {
            String id = expert(i);
            String name = "Expert " + i;
            List<Map<String, Object>> skills = List.of(Map.of("name", "billing", "level", 2 + i % 4),
                    Map.of("name", "postgres", "level", 1 + i % 5));
            Api.Response registered = call(() -> api("expert-finder-service", "hr-sync", "integration").post("/people",
                    Map.of("id", id, "name", name, "email", id + "@example.com", "chatHandle", "@" + id,
                            "timeZone", "UTC", "workingHours", Map.of("start", "00:00", "end", "23:59"),
                            "skills", skills, "capacity", 20, "presence", "available")));
            registered.expect(201);
        }
        String article = call(() -> api("knowledge-service", LEAD, "lead").post("/articles", Map.of(
                "title", "Fixing invoice sync failures", "body", "When invoices stop syncing, rotate the sync token.",
                "tags", List.of("billing", "sync"), "product", "Billing Cloud"))).expect(201).get("id").asText();
        call(() -> api("knowledge-service", LEAD, "lead").post("/articles/" + article + "/publish", null)).expect(200);
    }

    private static String expert(int i) {
        return "chaos.expert%02d".formatted(i);
    }

    private void flow(CaseRecord c) {
        gate();
        JsonNode opened = createOnce(() -> api("case-service", OWNER, "agent").post("/cases", Map.of(
                "subject", "Invoices fail to sync (" + c.customerId + ")",
                "description", "Since Monday the nightly invoice sync stops at 40%.",
                "customer", Map.of("id", c.customerId, "name", "Customer " + c.index, "email", c.email),
                "channel", "email", "product", "Billing Cloud", "priority", "high", "ownerId", OWNER)),
                () -> first(api("case-service", OWNER, "agent").get("/cases?customer=" + c.customerId + "&limit=5")),
                status -> false);
        c.caseId = opened.get("id").asText();
        c.number = opened.get("number").asText();
        step();

        gate();
        awaitJson("suggestions for " + c.number, () -> api("case-service", OWNER, "agent").get("/cases/" + c.caseId),
                body -> body.path("suggestions").size() > 0);
        step();

        gate();
        Map<String, Object> request = Map.of("caseId", c.caseId, "question", "Why does the sync stop at 40%?",
                "stepsTried", "Restarted the sync job", "skills", List.of("billing", "postgres"), "teamSize", 2);
        c.swarmId = createOnce(() -> api("swarm-service", OWNER, "agent").post("/swarms", request),
                () -> first(api("swarm-service", OWNER, "agent").get("/swarms?caseId=" + c.caseId)),
                status -> {
                    // Until swarm-service has applied the case's events it does not know the case (404) or
                    // its owner yet (403): both pass once the events arrive.
                    if (status == 403) {
                        forbiddenSwarmRequests.incrementAndGet();
                    }
                    return status == 404 || status == 409 || status == 403;
                }).get("id").asText();
        step();

        gate();
        List<String> invited = members(awaitJson("2 invited for " + c.number, () -> swarm(c),
                s -> members(s, "invited").size() >= 2), "invited");
        step();

        String decliner = null;
        if (c.declines()) {
            gate();
            decliner = invited.getFirst();
            answer(c, decliner, "decline", "declined");
            String gone = decliner;
            invited = members(awaitJson("the next candidate for " + c.number, () -> swarm(c),
                    s -> members(s, "invited").size() >= 2 && !members(s, "invited").contains(gone)), "invited");
            step();
        }

        gate();
        c.joiner = invited.getFirst();
        answer(c, c.joiner, "join", "joined");
        step();

        gate();
        post(c, c.joiner, "expert", "The sync token expired on Monday (" + c.number + ").");
        step();
        gate();
        post(c, OWNER, "agent", "Thanks, rotating it now (" + c.number + ").");
        step();

        gate();
        // Only a member of a swarm on the case may be named as a helper: case-service learns them from events.
        awaitJson("case-service to know " + c.joiner + " as a swarm member", () -> api("case-service", OWNER, "agent")
                .get("/cases/" + c.caseId), view -> CaseJson.isSwarmMember(view, c.joiner));
        Api.Response resolved = call(() -> api("case-service", OWNER, "agent").post("/cases/" + c.caseId + "/resolve",
                Map.of("summary", "Rotated the expired sync token", "helpedBy", List.of(c.joiner))));
        if (resolved.status() != 200 && !"resolved".equals(caseView(c).path("status").asText())) {
            throw new IllegalStateException("resolve answered " + resolved.status() + ": " + resolved.body());
        }
        step();

        gate();
        awaitJson("swarm of " + c.number + " closed", () -> swarm(c), s -> "closed".equals(s.path("status").asText()));
        step();
    }

    private void answer(CaseRecord c, String person, String action, String status) {
        for (int attempt = 1;; attempt++) {
            Api.Response response = call(() -> api("swarm-service", person, "expert")
                    .post("/swarms/" + c.swarmId + "/members/" + person + "/" + action, Map.of()));
            if (response.status() == 200) {
                return;
            }
            if (status.equals(memberStatus(swarm(c).body(), person))) {
                return; // an earlier try went through, its answer was lost
            }
            if (response.status() == 409 && attempt < 10) {
                if ("join".equals(action)) {
                    conflictsToJoiners.incrementAndGet();
                }
                sleep(Duration.ofMillis(500));
                continue;
            }
            throw new IllegalStateException(person + " could not " + action + " swarm of " + c.number + ": "
                    + response.status() + " " + response.body());
        }
    }

    private void post(CaseRecord c, String author, String role, String text) {
        for (int attempt = 1;; attempt++) {
            try {
                Api.Response response = api("swarm-service", author, role).post("/swarms/" + c.swarmId + "/posts",
                        Map.of("text", text));
                if (response.status() == 201) {
                    return;
                }
                if (response.status() < 500 && response.status() != 409) {
                    throw new IllegalStateException("post answered " + response.status() + ": " + response.body());
                }
            } catch (IllegalStateException unreachable) {
                if (!(unreachable.getCause() instanceof IOException)) {
                    throw unreachable;
                }
            }
            // The answer may have been lost after the post was stored: look before posting again.
            Optional<JsonNode> posts = tryGet(() -> api("swarm-service", OWNER, "agent").get("/swarms/" + c.swarmId + "/posts"));
            if (posts.isPresent() && posts.get().findValuesAsText("text").contains(text)) {
                return;
            }
            checkPatience(attempt, "post to the swarm of " + c.number);
            sleep(Duration.ofMillis(500));
        }
    }

    private Api.Response swarm(CaseRecord c) {
        return api("swarm-service", OWNER, "agent").get("/swarms/" + c.swarmId);
    }

    private JsonNode caseView(CaseRecord c) {
        return call(() -> api("case-service", OWNER, "agent").get("/cases/" + c.caseId)).body();
    }

    private static List<String> members(JsonNode swarm, String status) {
        List<String> people = new ArrayList<>();
        swarm.path("members").forEach(m -> {
            if (status == null || status.equals(m.path("status").asText())) {
                people.add(m.path("personId").asText());
            }
        });
        return people;
    }

    private static String memberStatus(JsonNode swarm, String person) {
        for (JsonNode m : swarm.path("members")) {
            if (person.equals(m.path("personId").asText())) {
                return m.path("status").asText();
            }
        }
        return null;
    }

    /** Waits while the flow is ahead of the fault plan, so that the faults hit a flow in full swing. */
    private void gate() {
        while (steps.get() >= allowedSteps) {
            sleep(Duration.ofMillis(100));
        }
    }

    private void step() {
        steps.incrementAndGet();
    }

    // ------------------------------------------------------------------------------------------
    // Calls that survive a service going away
    // ------------------------------------------------------------------------------------------

    private Api api(String service, String user, String... roles) {
        String token = tokens.computeIfAbsent(user + "/" + String.join(",", roles),
                key -> system.issuer().issue(user, roles));
        // A replica that is down is skipped, as its Service's endpoints would skip it once it is unready.
        List<ServiceProcess> live = system.replicas(service).stream().filter(ServiceProcess::isAlive).toList();
        String url = live.isEmpty() ? system.url(service) : live.get(Math.floorMod(calls.incrementAndGet(), live.size())).url();
        return new Api(url).as(token);
    }

    /** Repeats a call while the service cannot be reached or answers 5xx (it is being killed or restarted). */
    private static Api.Response call(Supplier<Api.Response> call) {
        for (int attempt = 1;; attempt++) {
            try {
                Api.Response response = call.get();
                if (response.status() < 500) {
                    return response;
                }
            } catch (IllegalStateException unreachable) {
                if (!(unreachable.getCause() instanceof IOException)) {
                    throw unreachable;
                }
            }
            checkPatience(attempt, "a call");
            sleep(Duration.ofMillis(250));
        }
    }

    private static Optional<JsonNode> tryGet(Supplier<Api.Response> get) {
        try {
            Api.Response response = get.get();
            return response.status() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IllegalStateException unreachable) {
            return Optional.empty();
        }
    }

    /** The first item of a list: a page's {@code items}, or a plain array. */
    private static Optional<JsonNode> first(Api.Response list) {
        JsonNode items = list.body().has("items") ? list.body().get("items") : list.body();
        return list.status() == 200 && items.size() > 0 ? Optional.of(items.get(0)) : Optional.empty();
    }

    /**
     * Creates something once although the answer may be lost: before trying again after a failure it looks
     * whether the earlier try went through. {@code notYet} says which answers mean "try again later".
     */
    private static JsonNode createOnce(Supplier<Api.Response> create, Supplier<Optional<JsonNode>> lookup,
            Predicate<Integer> notYet) {
        for (int attempt = 1;; attempt++) {
            if (attempt > 1) {
                try {
                    Optional<JsonNode> existing = lookup.get();
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                } catch (IllegalStateException unreachable) {
                    // look again next time
                }
            }
            try {
                Api.Response response = create.get();
                if (response.status() == 201) {
                    return response.body();
                }
                if (response.status() < 500 && !notYet.test(response.status())) {
                    throw new IllegalStateException("answered " + response.status() + ": " + response.body());
                }
            } catch (IllegalStateException unreachable) {
                if (!(unreachable.getCause() instanceof IOException)) {
                    throw unreachable;
                }
            }
            checkPatience(attempt, "a create");
            sleep(Duration.ofMillis(250));
        }
    }

    private static JsonNode awaitJson(String what, Supplier<Api.Response> get, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> body = tryGet(get);
            if (body.isPresent() && done.test(body.get())) {
                return body.get();
            }
            sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException("waited " + seconds(PATIENCE) + " in vain for " + what);
    }

    private static void checkPatience(int attempt, String what) {
        if (attempt * 250L > PATIENCE.toMillis()) {
            throw new IllegalStateException("gave up on " + what + " after " + attempt + " tries");
        }
    }

    // ------------------------------------------------------------------------------------------
    // The effects, counted
    // ------------------------------------------------------------------------------------------

    private Report verify(List<CaseRecord> cases, Duration flowTook, Duration flow) {
        List<CaseRecord> done = cases.stream().filter(c -> c.done).toList();
        List<String> duplicates = new ArrayList<>();
        Map<String, Effect> effects = new LinkedHashMap<>();
        effects.put("cases driven through the whole flow", new Effect("cases driven through the whole flow",
                cases.size(), done.size(), 0, cases.size() - done.size()));

        // The swarms as they are now: each closed, with the joiner, and everybody ever invited.
        Map<String, Set<String>> invitedPerCase = new HashMap<>();
        long closed = 0, resolvedWithTeam = 0, withSwarm = 0;
        for (CaseRecord c : cases) {
            if (c.swarmId == null) {
                continue;
            }
            withSwarm++;
            JsonNode swarm = call(() -> swarm(c)).body();
            invitedPerCase.put(c.number, new HashSet<>(members(swarm, null)));
            if ("closed".equals(swarm.path("status").asText())) {
                closed++;
            } else {
                failures.add(c.number + ": swarm " + c.swarmId + " is " + swarm.path("status").asText());
            }
            JsonNode view = caseView(c);
            if ("resolved".equals(view.path("status").asText()) && c.joiner != null
                    && "joined".equals(memberStatus(swarm, c.joiner)) && members(swarm, null).size() >= 2
                    + (c.declines() ? 1 : 0)) {
                resolvedWithTeam++;
            } else {
                failures.add(c.number + ": not resolved with its team: case " + view.path("status").asText()
                        + ", members " + swarm.path("members"));
            }
        }
        long opened = cases.stream().filter(c -> c.caseId != null).count();
        effects.put("cases resolved with their team", new Effect("cases resolved with their team", opened,
                resolvedWithTeam, 0, opened - resolvedWithTeam));
        effects.put("swarms closed", new Effect("swarms closed", withSwarm, closed, 0, withSwarm - closed));

        // Draft articles: one per resolved case (they arrive a little after the swarm closes).
        Map<String, String> numberByCaseId = new HashMap<>();
        cases.stream().filter(c -> c.caseId != null).forEach(c -> numberByCaseId.put(c.caseId, c.number));
        Map<String, Integer> drafts = settle(() -> countDrafts(numberByCaseId.keySet()),
                counts -> counts.size() >= numberByCaseId.size());
        effects.put("draft articles (one per case)", count("draft articles (one per case)", numberByCaseId.keySet(),
                drafts, duplicates, id -> "draft article for " + numberByCaseId.get(id)));

        // Mail, as each inbox shows it: customers twice, each invited expert once per swarm. A mail client
        // shows one mail per Message-ID, so that is what is counted; repeats are reported beside it.
        MailServer mail = system.mail();
        Map<String, Integer> customerMails = new HashMap<>();
        Set<String> expectedCustomerMails = new HashSet<>();
        Map<String, Integer> expertMails = new HashMap<>();
        Set<String> expectedExpertMails = new HashSet<>();
        for (CaseRecord c : cases) {
            if (c.number != null) {
                expectedCustomerMails.add(c.email + " | received " + c.number);
                expectedCustomerMails.add(c.email + " | solved " + c.number);
            }
        }
        invitedPerCase.forEach((number, people) -> people.forEach(p -> expectedExpertMails.add(p + "@example.com | " + number)));
        settle(() -> {
            customerMails.clear();
            for (CaseRecord c : cases) {
                if (c.number == null) {
                    continue;
                }
                for (MailServer.ReceivedMail m : distinctMessages(mail.mailsTo(c.email))) {
                    String kind = m.subject().startsWith("We have your case") ? "received"
                            : m.subject().endsWith("is solved") ? "solved" : "other: " + m.subject();
                    customerMails.merge(c.email + " | " + kind + " " + c.number, 1, Integer::sum);
                }
            }
            return customerMails;
        }, seen -> seen.keySet().containsAll(expectedCustomerMails));
        effects.put("customer mails (received + solved)", count("customer mails (received + solved)",
                expectedCustomerMails, customerMails, duplicates, key -> "mail " + key));
        settle(() -> {
            expertMails.clear();
            for (int i = 1; i <= EXPERTS; i++) {
                String address = expert(i) + "@example.com";
                for (MailServer.ReceivedMail m : distinctMessages(mail.mailsTo(address))) {
                    expertMails.merge(address + " | " + caseNumberIn(m.subject()), 1, Integer::sum);
                }
            }
            return expertMails;
        }, seen -> seen.keySet().containsAll(expectedExpertMails));
        effects.put("invitation mails (one per member)", count("invitation mails (one per member)",
                expectedExpertMails, expertMails, duplicates, key -> "invitation mail " + key));

        // The notification log, as a lead reads it.
        Map<String, Integer> logged = new HashMap<>();
        Set<String> expectedLog = new HashSet<>();
        expectedCustomerMails.forEach(expectedLog::add);
        expectedExpertMails.forEach(expectedLog::add);
        List<String> addresses = new ArrayList<>();
        cases.stream().filter(c -> c.number != null).forEach(c -> addresses.add(c.email));
        for (int i = 1; i <= EXPERTS; i++) {
            addresses.add(expert(i) + "@example.com");
        }
        for (String address : addresses) {
            JsonNode log = call(() -> api("notification-service", LEAD, "lead")
                    .get("/notifications?recipient=" + address + "&limit=500")).body();
            for (JsonNode entry : log) {
                String subject = entry.path("subject").asText();
                String key = address.startsWith("chaos.expert") ? address + " | " + caseNumberIn(subject)
                        : address + " | " + (subject.startsWith("We have your case") ? "received"
                                : subject.endsWith("is solved") ? "solved" : "other: " + subject) + " " + caseNumberIn(subject);
                if (!"sent".equals(entry.path("status").asText())) {
                    key += " [" + entry.path("status").asText() + "]";
                }
                logged.merge(key, 1, Integer::sum);
            }
        }
        effects.put("notification log entries", count("notification log entries", expectedLog, logged, duplicates,
                key -> "notification log entry " + key));

        // The directory: once every swarm has closed, nobody carries one.
        long busy = 0;
        for (int i = 1; i <= EXPERTS; i++) {
            String id = expert(i);
            long load = call(() -> api("expert-finder-service", OWNER, "agent").get("/people/" + id)).body().path("load").asLong();
            if (load != 0) {
                busy++;
                failures.add(id + " still carries load " + load + " after every swarm closed");
            }
        }
        effects.put("experts back to load 0", new Effect("experts back to load 0", EXPERTS, EXPERTS - busy, 0, busy));

        // The topics: per ce_id, and the effects that show on them.
        Map<String, Long> deadLetters = new TreeMap<>();
        List<String> deadLetterSamples = new ArrayList<>();
        Map<String, Integer> suggested = new HashMap<>();
        Map<String, Integer> invitations = new HashMap<>();
        Map<String, Integer> closings = new HashMap<>();
        Set<String> swarmIds = new HashSet<>();
        cases.stream().filter(c -> c.swarmId != null).forEach(c -> swarmIds.add(c.swarmId));
        long republished = 0;
        for (String topic : List.of("case-events", "swarm-events", "expert-events", "knowledge-events",
                "notification-events")) {
            Map<String, Set<String>> idsByType = new HashMap<>();
            Map<String, Integer> recordsPerId = new HashMap<>();
            for (ConsumerRecord<String, String> r : readAll(topic)) {
                String id = TopicReader.header(r, "ce_id");
                String type = TopicReader.header(r, "ce_type");
                recordsPerId.merge(id, 1, Integer::sum);
                if (recordsPerId.get(id) > 1) {
                    continue;
                }
                idsByType.computeIfAbsent(type, t -> new HashSet<>()).add(id);
                if ("knowledge-suggested".equals(type) && numberByCaseId.containsKey(r.key())) {
                    suggested.merge(r.key(), 1, Integer::sum);
                } else if ("expert-invited".equals(type) && swarmIds.contains(r.key())) {
                    invitations.merge(r.key(), 1, Integer::sum);
                } else if ("swarm-closed".equals(type) && swarmIds.contains(r.key())) {
                    closings.merge(r.key(), 1, Integer::sum);
                }
            }
            republished += recordsPerId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            List<ConsumerRecord<String, String>> dead = readAll(topic + "-dlq");
            deadLetters.put(topic + "-dlq", (long) dead.size());
            dead.stream().limit(3).forEach(r -> deadLetterSamples.add(topic + "-dlq: " + TopicReader.header(r, "ce_type") + " "
                    + TopicReader.header(r, "ce_id") + ": " + reason(r)));
            if (!dead.isEmpty()) {
                failures.add(topic + "-dlq holds " + dead.size() + " records");
            }
        }
        effects.put("knowledge-suggested per case (distinct ce_id)", count(
                "knowledge-suggested per case (distinct ce_id)", numberByCaseId.keySet(), suggested, duplicates,
                id -> "knowledge-suggested for " + numberByCaseId.get(id)));
        Map<String, Integer> expectedInvitations = new HashMap<>();
        cases.stream().filter(c -> c.swarmId != null && invitedPerCase.containsKey(c.number))
                .forEach(c -> expectedInvitations.put(c.swarmId, invitedPerCase.get(c.number).size()));
        long invitationsExpected = expectedInvitations.values().stream().mapToLong(Integer::longValue).sum();
        long invitationsSeen = invitations.values().stream().mapToLong(Integer::longValue).sum();
        long invitationsExtra = 0, invitationsMissing = 0;
        for (var e : expectedInvitations.entrySet()) {
            int seen = invitations.getOrDefault(e.getKey(), 0);
            invitationsExtra += Math.max(0, seen - e.getValue());
            invitationsMissing += Math.max(0, e.getValue() - seen);
        }
        effects.put("expert-invited per member (distinct ce_id)", new Effect("expert-invited per member (distinct ce_id)",
                invitationsExpected, invitationsSeen, invitationsExtra, invitationsMissing));
        effects.put("swarm-closed per swarm (distinct ce_id)", count("swarm-closed per swarm (distinct ce_id)", swarmIds,
                closings, duplicates, id -> "swarm-closed for swarm " + id));
        log("%d records were published more than once with the same ce_id (the outbox relay publishes at least"
                + " once; consumers skip them by ce_id)", republished);

        // Every consumer's log: each event id applied once (a repeat after a kill -9 may be a rolled-back try).
        Map<String, int[]> applied = new LinkedHashMap<>();
        for (String service : RunningSystem.SERVICES) {
            applied.put(service, appliedLines(system.replicas(service).stream().map(ServiceProcess::logFile).toList(),
                    service, duplicates));
        }

        applied.forEach((service, counts) -> {
            if (settings.deduplicate() && counts[1] > 0) {
                failures.add(service + " applied " + counts[1] + " events more than once in one life of a replica");
            }
        });

        // Each aggregate's events on its topic in the order its service stored them, whichever replica published.
        List<AggregateOrder.Finding> order = new ArrayList<>();
        Map.of("case-events", "case-service", "swarm-events", "swarm-service", "expert-events", "expert-finder-service")
                .forEach((topic, service) -> order.add(AggregateOrder.check(topic, readAll(topic), system.database(service))));
        order.stream().filter(finding -> !finding.outOfOrder().isEmpty())
                .forEach(finding -> failures.add(finding.topic() + " out of order: " + finding.outOfOrder()));
        List<String> scaleOut = replicaFaults == null ? List.of() : replicaFaults.evidence();
        if (replicaFaults != null) {
            replicaFaults.doublePublishers().forEach(service -> failures.add("two replicas of " + service
                    + " published at the same time"));
        }

        effects.values().stream().filter(e -> !e.exact()).forEach(e -> failures.add(e.name() + ": expected "
                + e.expected() + ", seen " + e.seen() + " (" + e.duplicates() + " duplicates, " + e.missing() + " missing)"));
        return new Report(settings, flowTook, List.copyOf(faults), effects, List.copyOf(failures), duplicates,
                deadLetters, deadLetterSamples, applied, conflictsToJoiners.get(), forbiddenSwarmRequests.get(),
                mailsSentAgain.size(), restarts, flow, order, scaleOut);
    }

    /** Draft articles per case: every article announced as drafted, as the knowledge base shows it now. */
    private Map<String, Integer> countDrafts(Set<String> caseIds) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> articles = new HashSet<>();
        for (ConsumerRecord<String, String> r : readAll("knowledge-events")) {
            if ("article-drafted".equals(TopicReader.header(r, "ce_type"))) {
                articles.add(r.key());
            }
        }
        for (String article : articles) {
            JsonNode a = call(() -> api("knowledge-service", LEAD, "lead").get("/articles/" + article)).body();
            String source = a.path("sourceCaseId").asText(null);
            if ("draft".equals(a.path("status").asText()) && source != null && caseIds.contains(source)) {
                counts.merge(source, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Counts how often each expected thing was seen; anything seen that was not expected is a duplicate too. */
    /** One mail per Message-ID, as a mail client shows them; a repeated id is remembered. */
    private List<MailServer.ReceivedMail> distinctMessages(List<MailServer.ReceivedMail> mails) {
        Map<String, MailServer.ReceivedMail> byId = new LinkedHashMap<>();
        for (MailServer.ReceivedMail m : mails) {
            Matcher id = MESSAGE_ID.matcher(m.text());
            String key = id.find() ? id.group(1) : "no Message-ID " + byId.size();
            if (byId.putIfAbsent(key, m) != null) {
                mailsSentAgain.add(key);
            }
        }
        return List.copyOf(byId.values());
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private static Effect count(String name, Set<String> expected, Map<String, Integer> seen, List<String> duplicates,
            java.util.function.Function<String, String> describe) {
        long total = 0, extra = 0, missing = 0;
        for (String key : expected) {
            int n = seen.getOrDefault(key, 0);
            total += n;
            if (n > 1) {
                extra += n - 1;
                duplicates.add(describe.apply(key) + ": " + n + " times");
            } else if (n == 0) {
                missing++;
            }
        }
        for (var e : seen.entrySet()) {
            if (!expected.contains(e.getKey())) {
                total += e.getValue();
                extra += e.getValue();
                duplicates.add(describe.apply(e.getKey()) + ": not expected, seen " + e.getValue() + " times");
            }
        }
        return new Effect(name, expected.size(), total, extra, missing);
    }

    private static <T> T settle(Supplier<T> read, Predicate<T> complete) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        T seen = read.get();
        while (!complete.test(seen) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(2));
            seen = read.get();
        }
        sleep(Duration.ofSeconds(2)); // a late duplicate would show now
        return read.get();
    }

    private static String caseNumberIn(String subject) {
        Matcher m = Pattern.compile("CS-\\d+").matcher(subject);
        return m.find() ? m.group() : subject;
    }

    /** Events seen, applied twice within one process life, applied again after a restart. */
    /**
     * Counts the "Applied" lines in a service's logs, one log per replica: each life of each replica (a restart
     * begins a new one) is apart, since an event applied once in a replica that died before its commit is
     * applied again by another, or by it after its restart.
     */
    private static int[] appliedLines(List<Path> logs, String service, List<String> duplicates) {
        Map<String, List<Integer>> lives = new HashMap<>();
        int life = 0;
        try {
            for (Path log : logs) {
                life++;
                for (String line : Files.readAllLines(log, UTF_8)) {
                    if (line.startsWith(RESTART_MARKER)) {
                        life++;
                        continue;
                    }
                    Matcher m = APPLIED.matcher(line);
                    if (m.find()) {
                        lives.computeIfAbsent(m.group(1) + " " + m.group(2) + " as " + m.group(3), k -> new ArrayList<>())
                                .add(life);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int sameLife = 0, afterRestart = 0;
        for (var e : lives.entrySet()) {
            List<Integer> seen = e.getValue();
            if (seen.size() < 2) {
                continue;
            }
            long distinctLives = seen.stream().distinct().count();
            if (distinctLives < seen.size()) {
                sameLife++;
                duplicates.add(service + " applied " + e.getKey() + " " + seen.size() + " times in one life");
            } else {
                afterRestart++;
            }
        }
        return new int[] {lives.size(), sameLife, afterRestart};
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        StringBuilder reason = new StringBuilder();
        for (Header h : record.headers()) {
            if (h.key().toLowerCase().contains("reason") || h.key().toLowerCase().contains("exception")) {
                String value = h.value() == null ? "" : new String(h.value(), UTF_8);
                reason.append(value, 0, Math.min(value.length(), 160)).append(' ');
            }
        }
        return reason.toString().trim();
    }

    /** A duration as the run reports print it: "12.3 s", or "-" for none. */
    static String seconds(Duration d) {
        return d == null ? "-" : "%.1f s".formatted(d.toMillis() / 1000.0);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[chaos %s] %s%n", java.time.LocalTime.now().withNano(0), format.formatted(args));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
