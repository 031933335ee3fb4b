package io.caseswarm.platform.deadline;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.ledger.LedgerReminders;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * How fast one poller fires deadlines, and how late, with 100,000 deadlines pending. Not a test (its
 * name keeps it out of the suite); run it on its own:
 *
 * <pre>./mvnw -B -q -pl event-platform test -Dtest=DeadlineBench [-Dbench.pending=100000 -Dbench.backlog=20000
 *     -Dbench.rate=100 -Dbench.seconds=60]</pre>
 *
 * <ol>
 * <li>schedules {@code bench.pending} deadlines due over the next 1 to 24 hours (they stay pending throughout);
 * <li>throughput: schedules {@code bench.backlog} deadlines already due, starts one poller on its own
 * thread (one replica) and times it until the last has fired;
 * <li>lag: schedules a stream of deadlines falling due {@code bench.rate} a second for {@code bench.seconds}
 * seconds and measures, for each, its due time to its handler's event (p50, p99, max).
 * </ol>
 * Each firing runs the test ledger's handler, a real command: it loads the aggregate's stream and
 * appends one event, in the transaction that deletes the deadline. The outbox relay is off, so the
 * figures are the poller's and the database's alone; real time, not the test clock. The figures are
 * printed and written to {@code target/deadline-bench.txt}.
 */
@QuarkusTest
@TestProfile(DeadlineBench.Profile.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq") })
class DeadlineBench {

    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "caseswarm.outbox.enabled", "false",
                    "caseswarm.deadlines.batch-size", "100",
                    // One line per firing is the production default; thousands a second of them would time the console.
                    "quarkus.log.category.\"io.caseswarm.platform.deadline\".level", System.getProperty("bench.log", "WARN"));
        }
    }

    private static final int CHUNK = 1_000;

    @Inject
    Deadlines deadlines;

    @Inject
    SettableClock clock;

    @Inject
    DeadlinesConfig config;

    @Inject
    DeadlineStore store;

    @Inject
    DeadlineHandlers handlers;

    TestDatabase database;

    @Test
    void bench() throws Exception {
        clock.reset();
        int pending = Integer.getInteger("bench.pending", 100_000);
        int backlog = Integer.getInteger("bench.backlog", 20_000);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 60);
        StringBuilder report = new StringBuilder();

        Instant base = clock.now();
        Duration spread = Duration.ofHours(23);
        long scheduling = System.nanoTime();
        schedule(pending, "pending-", i -> base.plus(Duration.ofHours(1)).plus(spread.multipliedBy(i).dividedBy(pending)));
        double scheduledPerSecond = pending / ((System.nanoTime() - scheduling) / 1e9);
        line(report, "scheduled %,d pending deadlines (1 to 24 h ahead) at %,.0f a second, %d per transaction",
                pending, scheduledPerSecond, CHUNK);

        Instant now = clock.now();
        schedule(backlog, "backlog-", i -> now.minusMillis(i % 60_000));
        DeadlinePoller replica = newReplica(new SimpleMeterRegistry());
        Instant started = clock.now();
        replica.start();
        try {
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("select count(*) from deadlines where aggregate_id like 'backlog-%'") == 0);
        } finally {
            replica.stop();
        }
        double elapsed = Duration.between(started, lastFired("backlog-")).toNanos() / 1e9;
        line(report, "throughput: one poller fired %,d overdue deadlines in %.1f s: %,.0f a second (batch size %d,"
                + " %,d others pending)", backlog, elapsed, backlog / elapsed, config.batchSize(),
                count("select count(*) from deadlines"));

        int stream = rate * seconds;
        Instant first = clock.now().plusSeconds(5 + stream / 2_000);
        schedule(stream, "stream-", i -> first.plusNanos(i * 1_000_000_000L / rate));
        if (clock.now().isAfter(first)) {
            line(report, "WARNING: scheduling the stream took until after its first deadline was due");
        }
        // A poller of its own, so that its lag metric counts the stream alone.
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        replica = newReplica(metrics);
        replica.start();
        try {
            await().atMost(Duration.ofSeconds(seconds + 300)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("select count(*) from deadlines where aggregate_id like 'stream-%'") == 0);
        } finally {
            replica.stop();
        }
        double[] lag = lagPercentiles("stream-");
        Timer measured = metrics.get("caseswarm.deadline.lag").timer();
        line(report, "lag: %,d deadlines falling due %d a second for %d s, %,d others pending: due -> handler's event"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; due -> committed (caseswarm_deadline_lag_seconds) mean %.1f ms",
                stream, rate, seconds, count("select count(*) from deadlines"), lag[0] * 1000, lag[1] * 1000,
                lag[2] * 1000, measured.mean(TimeUnit.MILLISECONDS));
        line(report, "lag p50 by 10 s of the stream, in ms (steady, or growing when the poller falls behind): %s",
                lagMediansBy10Seconds("stream-"));
        Path out = Path.of("target", "deadline-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private DeadlinePoller newReplica(SimpleMeterRegistry metrics) {
        return new DeadlinePoller(config, store, handlers, clock, metrics);
    }

    /** Deadlines {@code prefix0..n-1}, one aggregate each, due when {@code dueAt} says; the note carries the due time. */
    private void schedule(int n, String prefix, IntFunction<Instant> dueAt) {
        for (int from = 0; from < n; from += CHUNK) {
            int start = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = start; i < Math.min(start + CHUNK, n); i++) {
                    Instant due = dueAt.apply(i);
                    deadlines.schedule(LedgerReminders.KIND, prefix + i, "bench", due, Map.of("note", due.toString()));
                }
            });
        }
    }

    private Instant lastFired(String prefix) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select max(occurred_at) from events where event_type = 'reminder-sent' and stream_id like ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    /** p50, p99 and max in seconds, from each deadline's due time (in its note) to its handler's event. */
    private double[] lagPercentiles(String prefix) throws SQLException {
        String sql = "select percentile_cont(array[0.5, 0.99, 1.0]) within group (order by"
                + " extract(epoch from occurred_at - (payload->>'note')::timestamptz)::float8)"
                + " from events where event_type = 'reminder-sent' and stream_id like ?";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Double[] values = (Double[]) row.getArray(1).getArray();
                return new double[] { values[0], values[1], values[2] };
            }
        }
    }

    private String lagMediansBy10Seconds(String prefix) throws SQLException {
        String sql = "with lag as (select (payload->>'note')::timestamptz as due,"
                + " extract(epoch from occurred_at - (payload->>'note')::timestamptz)::float8 as seconds"
                + " from events where event_type = 'reminder-sent' and stream_id like ?)"
                + " select string_agg(round(median * 1000)::text, ' ' order by slot) from ("
                + " select floor(extract(epoch from due - (select min(due) from lag)) / 10) as slot,"
                + " percentile_cont(0.5) within group (order by seconds) as median from lag group by 1) slots";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String line = "deadline bench: " + format.formatted(args) + System.lineSeparator();
        System.out.print(line);
        report.append(line);
    }
}
