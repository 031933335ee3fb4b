package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./caseswarm bench}: every benchmark of the suite in one run, each beside the baseline it is
 * judged against, the baselines measured on this machine in the same run (a plain JDBC loop against
 * the same PostgreSQL; Kafka's own tools against the same broker). Prints one table and writes
 * {@code bench.json}, {@code bench.txt} and {@code latency.png}.
 *
 * <p>Sizes: {@code --smoke} (a minute or two, for the test that the command works), {@code --quick}
 * (a few minutes) and the full run (the default). {@code --out DIR} chooses where the files go.
 */
public final class BenchSuite {

    /** How long and how much each part runs, per size. */
    record Size(String name, Duration jdbcWarmUp, Duration jdbcTimed, int kafkaEndToEndRecords, int kafkaProducerRecords,
            Duration intakeWarmUp, Duration intakeTimed, int swarmWarmUp, int swarms, int experts, List<String> startedAlone,
            Duration atRest, int articles, int suggestions, long rebuildEvents, FlowSearch flows) {

        /** P3: the rate its search starts at and stays under, each step's window, narrowings, the confirming window. */
        record FlowSearch(double start, double fastest, Duration step, int narrowings, Duration confirm) {
        }

        static Size of(String name) {
            return switch (name) {
                case "smoke" -> new Size(name, Duration.ofSeconds(1), Duration.ofSeconds(2), 200, 5_000,
                        Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 3, 5, List.of("case-service", "knowledge-service"),
                        Duration.ofSeconds(1), 2_000, 50, 5_000, new FlowSearch(0.5, 1, Duration.ofSeconds(6), 0, Duration.ofSeconds(6)));
                case "quick" -> new Size(name, Duration.ofSeconds(3), Duration.ofSeconds(10), 2_000, 100_000,
                        Duration.ofSeconds(5), Duration.ofSeconds(10), 30, 30, 40, RunningSystem.SERVICES, Duration.ofSeconds(3),
                        50_000, 500, 100_000, new FlowSearch(4, 64, Duration.ofSeconds(10), 1, Duration.ofSeconds(30)));
                case "full" -> new Size(name, Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000, 500_000,
                        Duration.ofSeconds(20), Duration.ofSeconds(60), 200, 200, 100, RunningSystem.SERVICES, Duration.ofSeconds(10),
                        100_000, 2_000, 1_000_000, new FlowSearch(2, 64, Duration.ofSeconds(60), 2, Duration.ofMinutes(5)));
                default -> throw new IllegalArgumentException("No size " + name);
            };
        }
    }

    private static final long STARTED = System.nanoTime();
    private static final double RSS_GOAL_MB = 300;
    private static final double READY_GOAL_SECONDS = 3;

    private final Path root = Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath().normalize();
    private final Size size;
    private final BenchReport report;

    private JdbcAppendBaseline.Result jdbc;
    private KafkaToolBaseline.EndToEnd kafkaEndToEnd;

    BenchSuite(Size size) {
        this.size = size;
        this.report = new BenchReport(size.name());
    }

    public static void main(String[] args) {
        String size = "full";
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> size = "quick";
                case "--smoke" -> size = "smoke";
                case "--out" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out needs a folder");
                    }
                    out = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--quick, --smoke, --out DIR)");
            }
        }
        BenchSuite suite = new BenchSuite(Size.of(size));
        Path folder = out != null ? out : suite.root.resolve(".caseswarm/bench/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        suite.keepAotCaches();
        try {
            suite.run();
        } finally {
            // Services started later in this JVM (the system tests after BenchSuiteIT) start as they always do.
            System.clearProperty(AotCache.DIR_PROPERTY);
            System.clearProperty(AotCache.TRAIN_PROPERTY);
        }
        suite.report.write(folder);
        System.out.println();
        System.out.print(suite.report.table());
        System.out.println("\nWritten: " + folder.resolve("bench.txt") + ", bench.json, latency.png");
    }

    /** Every service started by this run keeps its JDK AOT cache in a folder of the run's own, emptied first. */
    private void keepAotCaches() {
        Path caches = root.resolve("system-tests/target/bench-aot");
        try {
            if (Files.exists(caches)) {
                try (Stream<Path> old = Files.list(caches)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(caches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(AotCache.DIR_PROPERTY, caches.toString());
        report.machine("aotCache", AotCache.supported() ? "JDK AOT cache, trained by each service's first start"
                : "none (JDK " + Runtime.version().feature() + " has no -XX:AOTCacheOutput)");
    }

    BenchReport run() {
        section("Baseline: PostgreSQL alone, the intake's transaction from " + JdbcAppendBaseline.CLIENTS + " JDBC clients");
        jdbc = JdbcAppendBaseline.run(root, size.jdbcWarmUp(), size.jdbcTimed());
        report.machine("postgresql", jdbc.serverVersion());
        report.add(jdbc.latency());
        System.out.printf("  %,.0f transactions/s%n", jdbc.perSecond());
        if (size.startedAlone().contains("case-service")) {
            caseServiceAlone();
        }
        List<String> others = size.startedAlone().stream().filter(name -> !name.equals("case-service")).toList();
        if (!others.isEmpty()) {
            eachRestartedAlone(others);
        }
        allFiveTogether();
        return report;
    }

    /**
     * P6 for case-service, started with nothing else starting: its first start (a fresh database, so its
     * migrations run; the JDK records its AOT cache), then, where the JDK keeps one, a restart without the
     * cache and the restart that counts, with it: how a replica or a new pod starts in a deployment. Then
     * the Kafka baselines, P1 with case-service alone, and P7.
     */
    private void caseServiceAlone() {
        String name = "case-service";
        section(name + " started alone");
        System.setProperty(AotCache.TRAIN_PROPERTY, "true");
        try (RunningSystem alone = RunningSystem.startOnly(name)) {
            System.clearProperty(AotCache.TRAIN_PROPERTY);
            ServiceProcess service = alone.service(name);
            report.add(BenchFigure.absolute("P6", "first start, " + name + " alone (fresh database)", seconds(service), "s",
                    BenchGoal.none()));
            service.stop(Duration.ofMinutes(3)); // a JVM that records its AOT cache writes it as it exits
            restartAlone(service, !size.name().equals("smoke"));
            kafkaBaselines(alone);
            rebuildCaseView(alone, caseIntake(alone, "case-service alone"));
        }
    }

    /**
     * P6 for the other services: first started together (fresh databases, so their migrations run; each JVM
     * records its AOT cache, and all write them at once as they stop, which is what takes a start's time
     * here), then each restarted with nothing else running, as {@link #caseServiceAlone()} is.
     */
    private void eachRestartedAlone(List<String> names) {
        section(names.size() == 1 ? names.getFirst() + " started, then restarted alone"
                : String.join(", ", names) + ": first started together, then each restarted alone");
        // The smoke run proves the AOT cache's round trip on case-service alone; recording more costs a minute.
        if (!size.name().equals("smoke")) {
            System.setProperty(AotCache.TRAIN_PROPERTY, "true");
        }
        try (RunningSystem system = RunningSystem.startOnly(Map.of(), names)) {
            System.clearProperty(AotCache.TRAIN_PROPERTY);
            for (String name : names) {
                String with = names.size() == 1 ? "alone" : "with %d others".formatted(names.size() - 1);
                report.add(BenchFigure.absolute("P6", "first start, %s %s (fresh database)".formatted(name, with),
                        seconds(system.service(name)), "s", BenchGoal.none()));
            }
            names.forEach(name -> system.service(name).signalStop());
            for (String name : names) {
                system.service(name).stop(Duration.ofMinutes(3));
            }
            for (String name : names) {
                restartAlone(system.service(name), size.name().equals("full"));
                system.service(name).stop(Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Restarts a stopped service alone and reports how soon it is ready and its memory at rest; it is left
     * running. With the JDK's AOT cache where there is one, after a restart without it when
     * {@code withoutCacheToo} (what the cache is worth).
     */
    private void restartAlone(ServiceProcess service, boolean withoutCacheToo) {
        String name = service.name();
        Path cache = AotCache.fileOf(name);
        boolean cached = cache != null && Files.exists(cache);
        if (cached && withoutCacheToo) {
            service.restart("---- restart without the AOT cache", AotCache.Use.NONE);
            service.awaitReady();
            report.add(BenchFigure.absolute("P6", "ready, " + name + " alone, restart without AOT cache",
                    seconds(service), "s", BenchGoal.none()));
            service.stop(Duration.ofSeconds(30));
        }
        if (cached) {
            service.restart("---- restart with the AOT cache", AotCache.Use.USE);
        } else {
            service.restart("---- restart");
        }
        service.awaitReady();
        report.add(BenchFigure.absolute("P6", "ready, " + name + " alone, restart" + (cached ? " with AOT cache" : ""),
                seconds(service), "s", BenchGoal.atMost(READY_GOAL_SECONDS, "s")));
        pause(size.atRest());
        report.add(BenchFigure.absolute("P6", "RSS at rest, " + name + " alone", service.residentMemoryMb(), "MB",
                BenchGoal.atMost(RSS_GOAL_MB, "MB")));
    }

    private void kafkaBaselines(RunningSystem system) {
        section("Baseline: Kafka's own tools against the same broker");
        KafkaToolBaseline kafka = new KafkaToolBaseline(root.resolve("deploy/kafka-broker/target/kafka"),
                system.bootstrapServers());
        kafkaEndToEnd = kafka.endToEnd(size.kafkaEndToEndRecords());
        System.out.printf("  EndToEndLatency (acks=all, 512 B, %,d records): p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms%n",
                kafkaEndToEnd.records(), kafkaEndToEnd.p50(), kafkaEndToEnd.p99(), kafkaEndToEnd.p999());
        KafkaToolBaseline.Producer producer = kafka.producer(size.kafkaProducerRecords());
        System.out.printf("  ProducerPerformance (acks=all, 512 B, %,d records): %,.0f records/s, p99 %.0f ms%n",
                producer.records(), producer.perSecond(), producer.p99());
        report.machine("kafkaEndToEnd", Map.of("p50Ms", kafkaEndToEnd.p50(), "p99Ms", kafkaEndToEnd.p99(), "p999Ms",
                kafkaEndToEnd.p999(), "records", kafkaEndToEnd.records()));
        report.machine("kafkaProducer", Map.of("recordsPerSecond", producer.perSecond(), "p99Ms", producer.p99(),
                "records", producer.records()));
    }

    private CaseIntakeBench.Result caseIntake(RunningSystem system, String label) {
        section("P1 case intake, " + label);
        CaseIntakeBench.Result intake = new CaseIntakeBench(system.url("case-service"),
                system.issuer().issue("lea.park", "lead")).run(label, size.intakeWarmUp(), size.intakeTimed(),
                        system.pids());
        report.add(intake.closedLoop());
        report.add(intake.atHalfRate());
        report.add(BenchFigure.against("P1", "POST /cases, " + label + ", " + CaseIntakeBench.CLIENTS + " clients",
                intake.perSecond(), "/s", "JDBC append + projection, " + JdbcAppendBaseline.CLIENTS + " clients",
                jdbc.perSecond(), BenchGoal.atLeastTimesBaseline(0.5)));
        report.add(BenchFigure.absolute("P1", "p99 at half that rate (%,.0f/s), %s".formatted(intake.offeredPerSecond(), label),
                intake.atHalfRate().millisAt(99), "ms", BenchGoal.atMost(20, "ms")));
        intake.cpuMsPerRequest().forEach((process, millis) -> report.add(BenchFigure.absolute("P1",
                "CPU per POST /cases at full rate, %s: %s".formatted(label, process), millis, "ms", BenchGoal.none())));
        return intake;
    }

    /** P7, judged against the rate at which the live intake just wrote case events. */
    private void rebuildCaseView(RunningSystem system, CaseIntakeBench.Result intake) {
        section("P7 rebuilding the case view from %,d case events".formatted(size.rebuildEvents()));
        CaseViewRebuildBench bench = new CaseViewRebuildBench(system.url("case-service"),
                system.issuer().issue("bench.admin", "admin"), system.database("case-service"));
        double eventsPerCase = bench.eventsPerCase();
        double live = intake.perSecond() * eventsPerCase;
        long events = bench.grow(size.rebuildEvents());
        long cases = bench.caseStreams();
        System.out.printf("  %,d case events of %,d cases in the store; live intake wrote %.0f/s (%.0f cases/s × %.1f)%n",
                events, cases, live, intake.perSecond(), eventsPerCase);
        CaseViewRebuildBench.Result rebuilt = bench.rebuild();
        if (rebuilt.cases() != cases) {
            throw new IllegalStateException("The rebuilt case view holds " + rebuilt.cases() + " cases, not " + cases);
        }
        report.add(BenchFigure.against("P7", "case view rebuilt from %,d case events, events/s".formatted(events),
                rebuilt.perSecond(), "/s", "case events written by the live intake, case-service alone", live,
                BenchGoal.atLeastTimesBaseline(20)));
        report.add(BenchFigure.absolute("P7", "rebuild of %,d cases (%,d events read)".formatted(cases, rebuilt.events()),
                rebuilt.seconds(), "s", BenchGoal.none()));
    }

    private void allFiveTogether() {
        section("All five services started together");
        try (SwarmInvitationBench invitations = new SwarmInvitationBench();
                RunningSystem all = RunningSystem.startOnly(invitations.mailSettings(), RunningSystem.SERVICES)) {
            for (String name : RunningSystem.SERVICES) {
                report.add(BenchFigure.absolute("P6", "ready, " + name + " with all five", seconds(all.service(name)), "s",
                        BenchGoal.none()));
            }
            pause(size.atRest());
            for (String name : RunningSystem.SERVICES) {
                report.add(BenchFigure.absolute("P6", "RSS at rest, " + name + " with all five",
                        all.service(name).residentMemoryMb(), "MB", BenchGoal.atMost(RSS_GOAL_MB, "MB")));
            }
            CaseIntakeBench.Result intake = caseIntake(all, "all five running");
            try (ConsumerLag lag = new ConsumerLag(all.bootstrapServers())) {
                long behind = lag.total();
                Duration drained = lag.awaitCaughtUp(Duration.ofMinutes(30));
                report.add(BenchFigure.absolute("P1", "after intake at full rate: %,d records behind, caught up in"
                        .formatted(behind), drained.toMillis() / 1000.0, "s", BenchGoal.none()));
            }
            section("P2 POST /swarms → expert-invited → invitation mail, " + size.swarms() + " swarms one after another (after "
                    + size.swarmWarmUp() + " untimed)");
            try (OutboxChainBaseline chain = new OutboxChainBaseline(root, all.bootstrapServers())) {
                LatencySeries floor = chain.run(Math.min(10, size.swarmWarmUp()), size.swarms(), OutboxChainBaseline.PAUSE);
                report.add(floor);
                report.add(BenchFigure.against("P2", "p99 " + OutboxChainBaseline.NAME, floor.millisAt(99), "ms",
                        "Kafka end-to-end p99 (acks=all)", kafkaEndToEnd.p99(), BenchGoal.none()));
            }
            invitations.attach(all, size.experts());
            SwarmInvitationBench.Result swarms = invitations.run(size.swarmWarmUp(), size.swarms());
            report.add(swarms.answered());
            report.add(swarms.toRequested());
            report.add(swarms.toInvitation());
            report.add(swarms.toMail());
            report.add(BenchFigure.against("P2", "p99 POST /swarms → first expert-invited consumed",
                    swarms.toInvitation().millisAt(99), "ms", "Kafka end-to-end p99 (acks=all)", kafkaEndToEnd.p99(),
                    BenchGoal.atMostTimesBaseline(3)));
            report.add(BenchFigure.against("P2", "p99 POST /swarms → invitation mail accepted by SMTP",
                    swarms.toMail().millisAt(99), "ms", "Kafka end-to-end p99 (acks=all)", kafkaEndToEnd.p99(),
                    BenchGoal.atMostTimesBaseline(10)));
            wholeFlow(all, intake);
            knowledgeSuggestions(all);
            for (String name : RunningSystem.SERVICES) {
                report.add(BenchFigure.absolute("P6", "RSS after P1, P2, P3 and P5, " + name, all.service(name).residentMemoryMb(),
                        "MB", BenchGoal.atMost(RSS_GOAL_MB, "MB")));
            }
        }
    }

    /**
     * P3 on the system P1 and P2 ran on, with P2's experts: the highest rate of whole flows that leaves no growing
     * backlog, beside the cases a second the same system took in when it did nothing but open them.
     */
    private void wholeFlow(RunningSystem system, CaseIntakeBench.Result intake) {
        Size.FlowSearch search = size.flows();
        section("P3 the whole flow (open → swarm → invite → join → resolve → draft, mails) at fixed rates, %d s a step"
                .formatted(search.step().toSeconds()));
        WholeFlowBench.Result result = new WholeFlowBench(system).search(search.start(), search.fastest(), search.step(),
                search.narrowings(), search.confirm());
        WholeFlowBench.Window held = result.confirmed();
        result.tried().forEach(window -> report.note("P3 " + window.describe()));
        report.add(held.flowTime());
        report.add(BenchFigure.against("P3", "highest whole-flow rate with a flat backlog, held %d s%s".formatted(
                held.length().toSeconds(), held.flat() ? "" : " (GREW)"), result.highestFlat(), "/s",
                "POST /cases alone, all five running", intake.perSecond(), BenchGoal.none()));
        report.add(BenchFigure.absolute("P3", "p99 flow, case opened → resolved, at that rate", held.flowTime().millisAt(99),
                "ms", BenchGoal.none()));
        held.residentMb().forEach((name, mb) -> report.add(BenchFigure.absolute("P6", "RSS under P3, " + name, mb, "MB",
                BenchGoal.atMost(RSS_GOAL_MB, "MB"))));
    }

    /** P5, on the system P1 and P2 ran on, now idle: the knowledge base grown to its size straight in its database. */
    private void knowledgeSuggestions(RunningSystem system) {
        section("P5 knowledge suggestions for a case's words, over " + "%,d".formatted(size.articles()) + " articles");
        KnowledgeSuggestionBench bench = new KnowledgeSuggestionBench(system.url("knowledge-service"),
                system.issuer().issue("ana.lima", "agent"), size.articles());
        System.out.printf("  %,d articles written and counted in %.0f s%n", size.articles(),
                bench.seed(system.database("knowledge-service")));
        KnowledgeSuggestionBench.Result suggestions = bench.run(size.suggestions() / 5, size.suggestions());
        report.add(suggestions.latency());
        report.add(BenchFigure.absolute("P5", "p99 POST /suggestions over %,d articles".formatted(size.articles()),
                suggestions.latency().millisAt(99), "ms", BenchGoal.atMost(20, "ms")));
        report.add(BenchFigure.absolute("P5", "cases answered with suggestions", suggestions.answeredWithSuggestions(), "%",
                BenchGoal.none()));
        report.add(BenchFigure.absolute("P5", "cases quoting an error code whose first suggestion has it in its title",
                suggestions.codeFirst(), "%", BenchGoal.none()));
    }

    private static double seconds(ServiceProcess service) {
        return service.startTime().toMillis() / 1000.0;
    }

    /** A part's title, with the time the run has taken so far: where a long run spends it shows in the log. */
    private static void section(String title) {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
        System.out.printf("%n== [%d:%02d] %s%n", seconds / 60, seconds % 60, title);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
