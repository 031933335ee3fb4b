package io.caseswarm.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;

/**
 * P3, the whole flow at a fixed offered rate. Each flow opens a case, asks for a swarm on it, waits for the
 * invitations, has the first invited expert join, waits until case-service knows the new member and
 * resolves the case naming them; the resolution then closes the swarm, drafts an article and sends the
 * mails, downstream. Flows start on time whatever earlier ones do (an open loop, one virtual thread each:
 * {@link LoadLoops#open}'s fixed senders would run out, since a flow spends most of a second waiting on the
 * system), so a system that falls behind shows it as backlog: records the consumer groups have not consumed, and
 * flows still in flight. A rate holds when both stay flat over the window.
 *
 * <p>Its experts are the ones {@link SwarmInvitationBench#attach} registered (billing and sync, free all day).
 */
final class WholeFlowBench {

    /** Backlog, every few seconds of a window. */
    record Sample(double atSeconds, long lag, long inFlight) {
    }

    /**
     * One rate held for one window. {@code lagRise} and {@code inFlightRise}: how much each grew over the
     * window's settled part (after its first quarter, while flows ramp up), by a least-squares line.
     */
    record Window(double offered, Duration length, long started, long failed, String firstFailure,
            LatencySeries flowTime, List<Sample> samples, double lagRise, double inFlightRise,
            Map<String, Long> residentMb) {

        /** No growing backlog, and every flow went through. */
        boolean flat() {
            return failed == 0 && lagRise <= Math.max(LAG_TOLERANCE, meanLag() / 2)
                    && inFlightRise <= Math.max(IN_FLIGHT_TOLERANCE, meanInFlight() / 2);
        }

        double meanLag() {
            return settled(samples).stream().mapToLong(Sample::lag).average().orElse(0);
        }

        double meanInFlight() {
            return settled(samples).stream().mapToLong(Sample::inFlight).average().orElse(0);
        }

        String describe() {
            return ("%.2f flows/s for %d s: %,d flows, %d failed; lag mean %.0f, rise %.0f; "
                    + "in flight mean %.1f, rise %.1f; %s; %s")
                    .formatted(offered, length.toSeconds(), started, failed, meanLag(), lagRise, meanInFlight(),
                            inFlightRise, flat() ? "flat" : "GROWING", flowTime.describe())
                    + (firstFailure == null ? "" : "; first failure: " + firstFailure);
        }
    }

    /** The search's outcome: the highest rate found flat, and its long confirming window. */
    record Result(double highestFlat, Window confirmed, List<Window> tried) {
    }

    /** A backlog this small is noise: commits are periodic, so a consumer's lag moves by a few seconds' records. */
    private static final double LAG_TOLERANCE = 100;
    private static final double IN_FLIGHT_TOLERANCE = 5;
    private static final double SLOWEST = 0.25;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String OWNER = SwarmInvitationBench.OWNER;

    private final RunningSystem system;
    private final Api cases;
    private final Api swarms;
    private final Map<String, Api> experts = new ConcurrentHashMap<>();
    private final AtomicLong flows = new AtomicLong();

    WholeFlowBench(RunningSystem system) {
        this.system = system;
        this.cases = new Api(system.url("case-service")).as(system.issuer().issue(OWNER, "agent"));
        this.swarms = new Api(system.url("swarm-service")).as(system.issuer().issue(OWNER, "agent"));
    }

    /**
     * Finds the highest rate that holds: doubles from {@code start} until a window grows (or halves until one
     * holds), up to {@code fastest}; narrows the gap {@code narrowings} times, then holds the rate found for
     * {@code confirm}. If that long window grows, it steps down by a fifth once and confirms again. A first
     * window at half the starting rate, not judged, runs the flow's code paths warm first.
     */
    Result search(double start, double fastest, Duration step, int narrowings, Duration confirm) {
        System.out.println("  warm-up: " + hold(start / 2, step).describe());
        List<Window> tried = new ArrayList<>();
        double flat = 0;
        double growing = Double.POSITIVE_INFINITY;
        for (double rate = start; rate <= fastest && rate >= SLOWEST; rate = flat > 0 ? rate * 2 : rate / 2) {
            Window window = tried(tried, rate, step);
            if (!window.flat()) {
                growing = rate;
                if (flat > 0) {
                    break;
                }
            } else {
                flat = rate;
                if (growing < Double.POSITIVE_INFINITY) {
                    break;
                }
            }
        }
        for (int i = 0; i < narrowings && flat > 0 && growing < Double.POSITIVE_INFINITY; i++) {
            double middle = round((flat + growing) / 2);
            if (middle <= flat || middle >= growing) {
                break;
            }
            if (tried(tried, middle, step).flat()) {
                flat = middle;
            } else {
                growing = middle;
            }
        }
        if (flat == 0) {
            throw new IllegalStateException("Not even %.2f flows/s held: %s".formatted(SLOWEST, tried.getLast().describe()));
        }
        Window confirmed = tried(tried, flat, confirm);
        if (!confirmed.flat()) {
            flat = round(flat * 0.8);
            confirmed = tried(tried, flat, confirm);
        }
        return new Result(flat, confirmed, tried);
    }

    private Window tried(List<Window> tried, double rate, Duration length) {
        Window window = hold(rate, length);
        tried.add(window);
        System.out.println("  " + window.describe());
        return window;
    }

    /**
     * Starts {@code perSecond} flows a second for {@code length}, sampling the backlog as they run; then
     * waits for the flows to finish and the consumers to catch up, so that the next window starts empty.
     */
    Window hold(double perSecond, Duration length) {
        LatencySeries flowTime = new LatencySeries("P3 flow, case opened → resolved, at %.2f flows/s".formatted(perSecond));
        AtomicLong inFlight = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        long total = Math.max(1, Math.round(perSecond * length.toMillis() / 1000.0));
        long sampleEvery = Math.max(1_000_000_000L, length.toNanos() / 24);
        Map<String, Long> residentMb = new TreeMap<>();
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            long start = System.nanoTime();
            long nextSample = start;
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    if (System.nanoTime() >= nextSample) {
                        samples.add(new Sample((System.nanoTime() - start) / 1e9, lag.total(), inFlight.get()));
                        nextSample += sampleEvery;
                    }
                    LockSupport.parkNanos(Math.min(wait, 10_000_000L));
                }
                inFlight.incrementAndGet();
                running.add(Thread.ofVirtual().start(() -> {
                    try {
                        flow(flows.getAndIncrement());
                        flowTime.recordNanos(System.nanoTime() - due);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getMessage());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }));
            }
            samples.add(new Sample((System.nanoTime() - start) / 1e9, lag.total(), inFlight.get()));
            RunningSystem.SERVICES.forEach(name -> residentMb.put(name, system.service(name).residentMemoryMb()));
            for (Thread flow : running) {
                join(flow);
            }
            lag.awaitCaughtUp(Duration.ofMinutes(10));
        }
        return new Window(perSecond, length, total, failed.get(), firstFailure.get(), flowTime, samples,
                rise(samples, Sample::lag), rise(samples, Sample::inFlight), residentMb);
    }

    /** One case, from its opening to its resolution with the help of a swarm. */
    private void flow(long n) {
        String caseId = cases.post("/cases", Map.of("subject", "Invoices fail to sync, flow " + n,
                "description", "The nightly invoice sync stops at 40% since the upgrade.",
                "customer", Map.of("id", "cust-p3-" + n, "name", "Customer " + n, "email", "p3-" + n + "@example.com"),
                "channel", "web", "product", "Billing Cloud", "priority", "high", "ownerId", OWNER))
                .expect(201).get("id").asText();
        Map<String, Object> request = Map.of("caseId", caseId, "question", "Why does the nightly sync stop at 40%?",
                "skills", List.of("billing", "sync"), "teamSize", 2);
        // Until swarm-service has the case's events it does not know the case (404) or its owner (403) yet.
        String swarmId = awaitAnswer("swarm-service to know case " + caseId, () -> swarms.post("/swarms", request),
                answer -> answer.status() == 201, answer -> answer.status() == 404 || answer.status() == 403)
                .get("id").asText();
        JsonNode swarm = awaitAnswer("an invitation in swarm " + swarmId, () -> swarms.get("/swarms/" + swarmId),
                answer -> answer.status() == 200 && invited(answer.body()) != null, answer -> answer.status() == 200);
        String expert = invited(swarm);
        awaitAnswer(expert + " to join swarm " + swarmId, () -> expert(expert)
                .post("/swarms/" + swarmId + "/members/" + expert + "/join", Map.of()),
                answer -> answer.status() == 200, answer -> answer.status() == 409);
        awaitAnswer("case-service to know " + expert + " in case " + caseId, () -> cases.get("/cases/" + caseId),
                answer -> answer.status() == 200 && CaseJson.isSwarmMember(answer.body(), expert),
                answer -> answer.status() == 200);
        cases.post("/cases/" + caseId + "/resolve", Map.of("summary", "Rotated the expired sync token",
                "helpedBy", List.of(expert))).expect(200);
    }

    private Api expert(String personId) {
        return experts.computeIfAbsent(personId,
                id -> new Api(system.url("swarm-service")).as(system.issuer().issue(id, "expert")));
    }

    private static String invited(JsonNode swarm) {
        for (JsonNode member : swarm.path("members")) {
            if ("invited".equals(member.path("status").asText())) {
                return member.path("personId").asText();
            }
        }
        return null;
    }

    /** Calls until {@code done}, every {@link #POLL} while {@code notYet}; any other answer fails the flow. */
    private static JsonNode awaitAnswer(String what, Supplier<Api.Response> call,
            Predicate<Api.Response> done, Predicate<Api.Response> notYet) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        for (Api.Response answer = call.get();; answer = call.get()) {
            if (done.test(answer)) {
                return answer.body();
            }
            if (!notYet.test(answer)) {
                throw new IllegalStateException("waiting for " + what + ": HTTP " + answer.status() + " " + answer.body());
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("waited " + PATIENCE.toSeconds() + " s in vain for " + what);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** How much a quantity grew over the window's settled part, by the slope of a least-squares line. */
    private static double rise(List<Sample> samples, ToLongFunction<Sample> quantity) {
        List<Sample> settled = settled(samples);
        if (settled.size() < 3) {
            return 0;
        }
        double n = settled.size();
        double meanT = settled.stream().mapToDouble(Sample::atSeconds).sum() / n;
        double meanY = settled.stream().mapToLong(quantity).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (Sample sample : settled) {
            covariance += (sample.atSeconds() - meanT) * (quantity.applyAsLong(sample) - meanY);
            variance += (sample.atSeconds() - meanT) * (sample.atSeconds() - meanT);
        }
        double span = settled.getLast().atSeconds() - settled.getFirst().atSeconds();
        return variance == 0 ? 0 : covariance / variance * span;
    }

    /** The samples after the window's first quarter, when the flows in flight have ramped up. */
    private static List<Sample> settled(List<Sample> samples) {
        if (samples.isEmpty()) {
            return samples;
        }
        double from = samples.getLast().atSeconds() / 4;
        return samples.stream().filter(sample -> sample.atSeconds() >= from).toList();
    }

    private static double round(double rate) {
        return Math.round(rate * 4) / 4.0;
    }

    private static void join(Thread flow) {
        try {
            flow.join(PATIENCE.multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
