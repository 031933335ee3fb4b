package io.caseswarm.platform.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.retry.Backoff;
import io.caseswarm.platform.retry.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Fires due deadlines. Every replica runs a poller and they share the work: a round takes a batch of
 * due deadlines ({@code FOR UPDATE SKIP LOCKED}, then a claim that keeps them its own), and fires each
 * in a transaction of its own that deletes it, so a deadline fires once however many replicas poll.
 * Between rounds the poller sleeps until the next deadline is due, at most the poll interval.
 *
 * <p>Due means due by the {@link PlatformClock}, which tests move instead of waiting; they call
 * {@link #pollOnce()} after moving it.
 */
@ApplicationScoped
public class DeadlinePoller {

    private static final Logger LOG = Logger.getLogger(DeadlinePoller.class);
    /** Never poll back to back faster than this, even when a deadline another poller is taking looks due. */
    private static final Duration SHORTEST_SLEEP = Duration.ofMillis(1);

    private final DeadlinesConfig config;
    private final DeadlineStore store;
    private final DeadlineHandlers handlers;
    private final PlatformClock clock;
    private final MeterRegistry metrics;
    private final Backoff backoff;
    private final Timer lag;

    private volatile boolean running;
    private Thread worker;

    DeadlinePoller(DeadlinesConfig config, DeadlineStore store, DeadlineHandlers handlers, PlatformClock clock,
            MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.handlers = handlers;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(config.backoff(), config.maxBackoff());
        this.lag = Timer.builder("caseswarm.deadline.lag")
                .description("From a deadline's due time to its firing")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(metrics);
    }

    void onStart(@Observes StartupEvent startup) {
        Set<String> kinds = handlers.kinds(); // two handlers of one kind stop the service here
        warnAboutKindsNobodyHereFires(kinds);
        if (!config.enabled()) {
            LOG.info("Deadline poller disabled by configuration");
        } else if (kinds.isEmpty()) {
            LOG.debug("No deadline handlers in this service: nothing to poll for");
        } else {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stop();
    }

    synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("deadline-poller").daemon().start(this::run);
    }

    void stop() throws InterruptedException {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            notifyAll();
        }
        if (stopping != null) {
            // Not interrupted: a handler in the middle of a transaction finishes it.
            stopping.join(Duration.ofSeconds(10));
        }
    }

    /**
     * Fires every deadline that is due now by the platform clock, batch by batch, and returns how many
     * fired. The poller's own thread does this in a loop; tests call it after moving the clock.
     */
    public int pollOnce() {
        int fired = 0;
        Round round;
        do {
            round = fireBatch();
            fired += round.fired();
        } while (round.claimed() == config.batchSize());
        return fired;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                pollOnce();
                failures = 0;
                sleep(untilNextDue());
            } catch (RuntimeException | Error e) {
                // Never let the thread die: a poller that stopped would leave every deadline unfired, silently.
                Duration pause = backoff.after(++failures);
                LOG.warnf("Deadline poller could not fire due deadlines (%s); trying again in %s",
                        TransientFailures.describe(e), pause);
                sleep(pause);
            }
        }
    }

    private Round fireBatch() {
        Set<String> kinds = handlers.kinds();
        if (kinds.isEmpty()) {
            return new Round(0, 0);
        }
        // One claim per round: a deadline is deleted only under the claim it was taken with.
        UUID claim = UUID.randomUUID();
        Instant now = clock.now();
        List<Deadline> batch = QuarkusTransaction.requiringNew().call(
                () -> store.claim(claim, kinds, now, now.plus(config.claimTimeout()), config.batchSize()));
        int fired = 0;
        for (Deadline deadline : batch) {
            if (fire(deadline, claim)) {
                fired++;
            }
        }
        return new Round(batch.size(), fired);
    }

    /** True when it fired; false when it failed, or was cancelled or moved after the round took it. */
    private boolean fire(Deadline deadline, UUID claim) {
        DeadlineHandler handler = handlers.forKind(deadline.kind()).orElseThrow(); // a round takes only known kinds
        try {
            boolean fired = QuarkusTransaction.requiringNew().call(() -> {
                if (!store.deleteClaimed(deadline.id(), claim)) {
                    return false;
                }
                handler.fire(deadline);
                return true;
            });
            if (fired) {
                Duration late = Duration.between(deadline.dueAt(), clock.now());
                lag.record(late.isNegative() ? Duration.ZERO : late);
                metrics.counter("caseswarm.deadlines.fired", "kind", deadline.kind()).increment();
                LOG.infof("Fired deadline %s of %s (%s), due %s, %d ms late", deadline.kind(), deadline.aggregateId(),
                        deadline.key(), deadline.dueAt(), late.toMillis());
            }
            return fired;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            // Whatever the handler threw (an assertion, a class it could not load) is the deadline's failure.
            recordFailure(deadline, claim, e);
            return false;
        }
    }

    /**
     * The handler's transaction has rolled back: the deadline is still there, still claimed. It is
     * released until after a pause, or parked after too many permanent failures. If even that cannot be
     * written (the database is away), the round ends and the claim's expiry brings the deadline back.
     */
    private void recordFailure(Deadline deadline, UUID claim, Throwable failure) {
        boolean transientFailure = TransientFailures.isTransient(failure);
        int attempts = deadline.attempts() + 1;
        Instant now = clock.now();
        Instant parkedAt = !transientFailure && attempts >= config.attempts() ? now : null;
        Duration pause = backoff.after(attempts);
        String reason = TransientFailures.describe(failure);
        QuarkusTransaction.requiringNew().run(() -> store.recordFailure(deadline.id(), claim, attempts, reason,
                now.plus(pause), parkedAt));
        metrics.counter("caseswarm.deadlines.failures", "kind", deadline.kind(),
                "outcome", parkedAt != null ? "parked" : "retried").increment();
        if (parkedAt != null) {
            LOG.errorf(failure, "Parked deadline %s of %s (%s) after %d failed tries; it waits for an operator: %s",
                    deadline.kind(), deadline.aggregateId(), deadline.key(), attempts, reason);
        } else {
            LOG.warnf("Deadline %s of %s (%s) failed on try %d (%s); trying again in %s", deadline.kind(),
                    deadline.aggregateId(), deadline.key(), attempts, reason, pause);
        }
    }

    /** Until the next deadline is due, if that is sooner than the poll interval; never shorter than 1 ms. */
    private Duration untilNextDue() {
        Instant now = clock.now();
        Duration interval = config.pollInterval();
        Optional<Instant> next = store.nextAttempt(handlers.kinds(), now.plus(interval));
        if (next.isEmpty()) {
            return interval;
        }
        Duration wait = Duration.between(now, next.get());
        return wait.compareTo(SHORTEST_SLEEP) < 0 ? SHORTEST_SLEEP : wait;
    }

    /** Woken early only to stop. */
    private synchronized void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            for (long left = duration.toNanos(); running && left > 0; left = until - System.nanoTime()) {
                // Rounded up: waking a moment before the due time would only look, find nothing, and sleep again.
                wait(Math.max(1, (left + 999_999) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * A deadline of a kind without a handler here is left alone: in a rolling update it may be a newer
     * replica's to fire. It still counts as pending, and this says so at start, so that a kind whose
     * handler was removed does not wait unseen.
     */
    private void warnAboutKindsNobodyHereFires(Set<String> kinds) {
        try {
            Map<String, Long> orphans = QuarkusTransaction.requiringNew().call(() -> store.pendingOtherThan(kinds));
            if (!orphans.isEmpty()) {
                LOG.warnf("Pending deadlines of kinds no handler in this replica fires (kind=count): %s; this replica"
                        + " leaves them to one that has the handler", orphans);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Could not look for deadlines without a handler: %s", TransientFailures.describe(e));
        }
    }

    private record Round(int claimed, int fired) {
    }
}
