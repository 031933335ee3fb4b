package io.caseswarm.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;
import io.caseswarm.system.CaseOpenedWatcher.Opened;
import io.caseswarm.system.SupportMails.SupportMail;

/**
 * How fast mail to the support address becomes cases: case-service reads the mailbox over IMAP from a real
 * mail server (GreenMail), on a system of its own, while this class sends mail over SMTP and reads
 * {@code case-events} as a subscriber would. Two figures:
 * <ul>
 * <li>latency: M mails (default 200) one after another at a fixed offered rate (5 a second), each timed
 * from the moment SMTP accepted it to the moment its case-opened was seen on the topic, with where that
 * time went;</li>
 * <li>throughput: a burst of B mails (default 1,000) handed to SMTP by several clients as fast as it takes
 * them, while case-service reads; B divided by the time from the first delivery to the last case-opened.</li>
 * </ul>
 * Run with {@code ./caseswarm bench mail}. A benchmark, not a test: it prints figures, and exits 1 only
 * when a mail never became a case.
 */
public final class MailIntakeBench {

    private static final double OFFERED_PER_SECOND = 5;
    private static final int SMTP_CLIENTS = 4;
    /** Sent and waited for one by one before timing: case-service's intake path warmed up, the watcher reading. */
    private static final int WARM_UP_MAILS = 10;
    /** Waiting for cases gives up once none has come for this long: a queue that moves is not a lost mail. */
    private static final Duration NO_PROGRESS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final RunningSystem system;
    private final CaseOpenedWatcher watcher;
    private final SupportMails mails = new SupportMails(RunningSystem.SUPPORT_ADDRESS);

    private MailIntakeBench(RunningSystem system, CaseOpenedWatcher watcher) {
        this.system = system;
        this.watcher = watcher;
    }

    /** The figures of one run, printed at the end; a phase that lost mail leaves the later ones null. */
    private record Results(LatencyRun latency, BurstRun burst, String failure, long averageMailBytes) {
    }

    public static void main(String[] args) throws Exception {
        int latencyMails = 200;
        int burstMails = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mails" -> latencyMails = positive(args, ++i);
                case "--burst" -> burstMails = positive(args, ++i);
                default -> usage("unknown option " + args[i]);
            }
        }
        System.out.println("Starting Kafka, the mail server, a fresh database and case-service ...");
        Results results;
        String services;
        try (RunningSystem system = RunningSystem.startOnly("case-service");
                CaseOpenedWatcher watcher = new CaseOpenedWatcher(system.bootstrapServers())) {
            results = new MailIntakeBench(system, watcher).run(latencyMails, burstMails);
            services = system.report(); // its memory after the run
        }
        // Printed after everything is stopped, so the table is the last thing on the screen.
        System.out.print("\n" + services);
        System.out.printf("Mails: %,d bytes on average (plain, HTML, text and HTML, with a PDF; five languages)%n",
                results.averageMailBytes());
        if (results.latency() != null) {
            results.latency().print();
        }
        if (results.burst() != null) {
            results.burst().print();
        }
        if (results.failure() != null) {
            System.out.println("\nFAILED: " + results.failure());
            System.exit(1);
        }
    }

    private Results run(int latencyMails, int burstMails) throws Exception {
        String failure = warmUp();
        if (failure != null) {
            return new Results(null, null, failure, mails.averageSize());
        }
        LatencyRun latency = measureLatency(latencyMails);
        if (latency.failure() != null) {
            return new Results(latency, null, latency.failure(), mails.averageSize());
        }
        BurstRun burst = measureBurst(burstMails);
        return new Results(latency, burst, burst.failure(), mails.averageSize());
    }

    private String warmUp() {
        System.out.printf("Warm-up: %d mails, each waited for%n", WARM_UP_MAILS);
        for (int i = 0; i < WARM_UP_MAILS; i++) {
            SupportMail mail = mails.next();
            system.mail().deliver(mail.from(), RunningSystem.SUPPORT_ADDRESS, mail.raw());
            String failure = awaitCases(List.of(mail), "warm-up");
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /**
     * One SMTP client sending on a fixed schedule (mail i is due at start + i / rate), so a slow delivery
     * delays only itself, and the offered rate stays what it says whatever intake does.
     */
    private LatencyRun measureLatency(int count) throws InterruptedException {
        System.out.printf("Latency: %d mails at %.0f a second (about %.0f s)%n", count, OFFERED_PER_SECOND,
                count / OFFERED_PER_SECOND);
        List<SupportMail> batch = prepare(count);
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        long intervalNanos = (long) (1e9 / OFFERED_PER_SECOND);
        long start = System.nanoTime();
        long lastSent = start;
        for (int i = 0; i < count; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            lastSent = System.nanoTime();
            SupportMail mail = batch.get(i);
            system.mail().deliver(mail.from(), RunningSystem.SUPPORT_ADDRESS, mail.raw());
            accepted.put(mail.messageId(), Instant.now());
        }
        double achievedRate = count < 2 ? OFFERED_PER_SECOND : (count - 1) / ((lastSent - start) / 1e9);
        String failure = awaitCases(batch, "latency");
        return new LatencyRun(count, achievedRate, timings(batch, accepted), failure);
    }

    /** SMTP clients deliver the whole burst as fast as the server takes it, while case-service reads. */
    private BurstRun measureBurst(int count) throws Exception {
        System.out.printf("Burst: %,d mails from %d SMTP clients at once%n", count, SMTP_CLIENTS);
        List<SupportMail> batch = prepare(count);
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(SMTP_CLIENTS);
        Instant firstDelivery = Instant.now();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < SMTP_CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    SupportMail mail = batch.get(i);
                    system.mail().deliver(mail.from(), RunningSystem.SUPPORT_ADDRESS, mail.raw());
                    accepted.put(mail.messageId(), Instant.now());
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Instant lastAccepted = accepted.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        System.out.printf("  SMTP took all %,d in %.1f s%n", count, seconds(firstDelivery, lastAccepted));
        String failure = awaitCases(batch, "burst");
        Instant lastSeen = batch.stream().flatMap(mail -> watcher.openedFor(mail.messageId()).stream())
                .map(Opened::seen).max(Comparator.naturalOrder()).orElse(lastAccepted);
        return new BurstRun(count, seconds(firstDelivery, lastAccepted), seconds(firstDelivery, lastSeen),
                timings(batch, accepted), failure);
    }

    /** Built before the clock starts: making a mail is the client's cost, not the desk's. */
    private List<SupportMail> prepare(int count) {
        List<SupportMail> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(mails.next());
        }
        return batch;
    }

    /**
     * Waits until every mail's case-opened is on the topic, printing progress; gives up when none has come
     * for {@link #NO_PROGRESS_TIMEOUT}, and then says how many are missing and what the intake log says of them.
     */
    private String awaitCases(List<SupportMail> batch, String phase) {
        List<String> ids = batch.stream().map(SupportMail::messageId).toList();
        long opened = 0;
        Instant lastProgress = Instant.now();
        Instant lastPrinted = Instant.now();
        while (opened < ids.size()) {
            sleep(Duration.ofMillis(50));
            long now = watcher.countOpened(ids);
            if (now > opened) {
                opened = now;
                lastProgress = Instant.now();
            }
            if (Duration.between(lastProgress, Instant.now()).compareTo(NO_PROGRESS_TIMEOUT) > 0) {
                List<String> missing = watcher.missing(ids);
                return "%s: %,d of %,d mails never became a case, %,d did (no case-opened for %d s); %s"
                        .formatted(phase, missing.size(), ids.size(), ids.size() - missing.size(),
                                NO_PROGRESS_TIMEOUT.toSeconds(), intakeLogOf(missing));
            }
            if (ids.size() > 1 && Duration.between(lastPrinted, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                System.out.printf("  %,d of %,d cases opened%n", opened, ids.size());
                lastPrinted = Instant.now();
            }
        }
        return null;
    }

    /** What case-service's intake log ({@code GET /inbound/mail}) says of the first few missing mails. */
    private String intakeLogOf(List<String> missing) {
        Api admin = new Api(system.url("case-service")).as(system.issuer().issue("bench.admin", "admin"));
        List<String> outcomes = new ArrayList<>();
        for (String id : missing.subList(0, Math.min(5, missing.size()))) {
            JsonNode items = admin.get("/inbound/mail?limit=1&messageId=" + java.net.URLEncoder.encode(id,
                    java.nio.charset.StandardCharsets.UTF_8)).expect(200).path("items");
            outcomes.add(id + ": " + (items.isEmpty() ? "not in the intake log (never read from the mailbox)"
                    : items.get(0).path("outcome").asText() + ", " + (items.get(0).path("caseId").isTextual()
                            ? "case " + items.get(0).path("caseId").asText() : "no case")));
        }
        return "the intake log says of the first " + outcomes.size() + ": " + String.join("; ", outcomes)
                + " (case-service's log: " + system.service("case-service").logFile() + ")";
    }

    /** Each mail's timings, in milliseconds, by stage; mails without a case are left out. */
    private MailTimings timings(List<SupportMail> batch, Map<String, Instant> accepted) {
        MailTimings timings = new MailTimings();
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i).messageId();
            int mailNumber = i + 1;
            watcher.openedFor(id).ifPresent(opened -> timings.add(mailNumber, accepted.get(id), opened));
        }
        return timings;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int positive(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[i].replace("_", "").replace(",", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return usage(args[i - 1] + " needs a positive number, not " + args[i]);
    }

    private static int usage(String problem) {
        System.err.println(problem + "\nusage: MailIntakeBench [--mails N] [--burst N]");
        System.exit(2);
        return 0;
    }

    /**
     * Milliseconds per mail, by stage. The latency a subscriber experiences ends when it sees the record, not at
     * the record's timestamp: the timestamp is set by case-service's producer as it sends, before the broker has
     * stored the record and before any consumer can fetch it, so it would leave out the last hop.
     */
    private static final class MailTimings {
        final List<Double> total = new ArrayList<>();
        final List<Double> untilOpened = new ArrayList<>();
        final List<Double> untilSent = new ArrayList<>();
        final List<Double> untilSeen = new ArrayList<>();
        /** Which mail (1-based, in sending order) took longest: the last of a run and the first differ in why. */
        int slowest;
        private double longest = -1;

        void add(int mailNumber, Instant accepted, Opened opened) {
            double took = millis(accepted, opened.seen());
            if (took > longest) {
                longest = took;
                slowest = mailNumber;
            }
            total.add(took);
            untilOpened.add(millis(accepted, opened.openedAt()));
            untilSent.add(millis(opened.openedAt(), opened.sentToKafka()));
            untilSeen.add(millis(opened.sentToKafka(), opened.seen()));
        }

        private static double millis(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }

        static void printHeader(String title) {
            System.out.printf("%n%-70s %8s %8s %8s %8s%n", title, "p50 ms", "p90 ms", "p99 ms", "max ms");
        }

        static void printRow(String name, List<Double> millis) {
            if (millis.isEmpty()) {
                System.out.printf("%-70s %8s%n", name, "none");
                return;
            }
            Percentiles p = Percentiles.of(millis);
            System.out.printf("%-70s %8.0f %8.0f %8.0f %8.0f%n", name, p.at(50), p.at(90), p.at(99), p.max());
        }

        void printStages() {
            printRow("    SMTP accepted -> case opened (openedAt: IMAP, parsing, intake)", untilOpened);
            printRow("    case opened -> sent to Kafka (record time: commit, outbox relay)", untilSent);
            printRow("    sent to Kafka -> seen by a subscriber (broker, fetch)", untilSeen);
        }
    }

    private record LatencyRun(int mails, double achievedRate, MailTimings timings, String failure) {

        void print() {
            MailTimings.printHeader("Latency: %,d mails offered at %.0f/s (%.2f/s achieved), one SMTP client"
                    .formatted(mails, OFFERED_PER_SECOND, achievedRate));
            MailTimings.printRow("  SMTP accepted -> case-opened seen on case-events", timings.total);
            timings.printStages();
            System.out.printf("  the slowest was mail %,d of %,d%n", timings.slowest, mails);
        }
    }

    private record BurstRun(int mails, double smtpSeconds, double intakeSeconds, MailTimings timings,
            String failure) {

        void print() {
            System.out.printf("%nBurst: %,d mails, %d SMTP clients, case-service reading all along%n", mails,
                    SMTP_CLIENTS);
            System.out.printf("  %-68s %8.1f mails/s  (%,d in %.1f s)%n", "SMTP accepted", mails / smtpSeconds,
                    mails, smtpSeconds);
            System.out.printf("  %-68s %8.1f mails/s  (%,d in %.1f s)%n",
                    "through IMAP intake (first delivery -> last case-opened seen)",
                    timings.total.size() / intakeSeconds, timings.total.size(), intakeSeconds);
            MailTimings.printHeader("  each burst mail, waiting included");
            MailTimings.printRow("  SMTP accepted -> case-opened seen on case-events", timings.total);
            timings.printStages();
        }
    }
}
