package io.caseswarm.platform.deadline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.clock.SettableClock;
import io.caseswarm.platform.ledger.LedgerReminders;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deadlines on the real database, with the platform clock standing still until a test moves it: what
 * is due is decided by the clock, and the application's own poller is off, so each test says when a
 * poller looks ({@link DeadlinePoller#pollOnce()}) or starts one of its own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq") })
class DeadlinesTest {

    private static final Instant T0 = Instant.parse("2030-01-07T08:00:00Z");
    private static final String KIND = LedgerReminders.KIND;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlinePoller poller;

    @Inject
    SettableClock clock;

    @Inject
    LedgerReminders reminders;

    @Inject
    EventStore events;

    @Inject
    DeadlinesConfig config;

    @Inject
    DeadlineStore store;

    @Inject
    DeadlineHandlers handlers;

    TestDatabase database;

    @BeforeEach
    void startAtT0WithNoDeadlines() throws SQLException {
        clock.set(T0);
        reminders.forget();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from deadlines");
        }
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aDeadlineScheduledInATransactionThatRollsBackDoesNotExist() {
        String account = newAccount();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), null);
            throw new IllegalStateException("the command failed after scheduling");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows(account)).isEmpty();
    }

    @Test
    void schedulingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> deadlines.schedule(KIND, newAccount(), "reminder", T0, null))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void aKindThatNoHandlerInTheServiceFiresCannotBeScheduled() {
        assertThatThrownBy(() -> inTransaction(() -> deadlines.schedule("no-such-kind", newAccount(), "k", T0, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-kind");
    }

    @Test
    void schedulingTheSameDeadlineTwiceKeepsOne() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), new Note("pay up")));
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), new Note("pay up")));

        assertThat(rows(account)).singleElement().satisfies(row -> {
            assertThat(row.dueAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(row.payload()).isEqualTo("{\"note\": \"pay up\"}");
        });
        clock.advance(Duration.ofSeconds(60));
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(notesSent(account)).containsExactly("pay up");
    }

    @Test
    void schedulingAgainUnderTheSameNameMovesTheDeadline() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plus(Duration.ofMinutes(10)), new Note("early")));
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plus(Duration.ofMinutes(30)), new Note("moved")));

        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.pollOnce()).isZero();
        clock.advance(Duration.ofMinutes(20));
        assertThat(poller.pollOnce()).isEqualTo(1);

        assertThat(notesSent(account)).containsExactly("moved");
        assertThat(rows(account)).isEmpty();
    }

    @Test
    void aCancelledDeadlineNeverFires() {
        String account = newAccount();
        String closed = newAccount();
        inTransaction(() -> {
            deadlines.schedule(KIND, account, "first", T0.plusSeconds(60), new Note("first"));
            deadlines.schedule(KIND, account, "second", T0.plusSeconds(60), new Note("second"));
            deadlines.schedule(KIND, closed, "first", T0.plusSeconds(60), new Note("never"));
            deadlines.schedule(KIND, closed, "second", T0.plusSeconds(90), new Note("never"));
        });

        inTransaction(() -> assertThat(deadlines.cancel(KIND, account, "first")).isTrue());
        inTransaction(() -> assertThat(deadlines.cancel(KIND, account, "first")).as("cancelled already").isFalse());
        inTransaction(() -> assertThat(deadlines.cancelAll(closed)).isEqualTo(2));
        clock.advance(Duration.ofHours(1));

        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(notesSent(account)).containsExactly("second");
        assertThat(notesSent(closed)).isEmpty();
    }

    @Test
    void aDeadlineFiresAtItsDueTimeAndNotBefore() {
        String account = newAccount();
        Instant due = T0.plus(Duration.ofHours(1));
        double fired = metric("caseswarm_deadlines_fired_total", "kind=\"ledger-reminder\"");
        double lagged = metric("caseswarm_deadline_lag_seconds_count", "");
        inTransaction(() -> deadlines.schedule(KIND, account, "sla", due, new Note("an hour")));
        assertThat(metric("caseswarm_deadlines_pending", "")).isEqualTo(1);

        clock.set(due.minusNanos(1_000));
        assertThat(poller.pollOnce()).isZero();
        assertThat(rows(account)).hasSize(1);
        assertThat(notesSent(account)).isEmpty();

        clock.set(due);
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(notesSent(account)).containsExactly("an hour");
        assertThat(rows(account)).isEmpty();

        assertThat(poller.pollOnce()).as("fired once").isZero();
        assertThat(reminders.calls(account, "sla")).isEqualTo(1);
        assertThat(metric("caseswarm_deadlines_fired_total", "kind=\"ledger-reminder\"")).isEqualTo(fired + 1);
        assertThat(metric("caseswarm_deadline_lag_seconds_count", "")).isEqualTo(lagged + 1);
        assertThat(metric("caseswarm_deadlines_pending", "")).isZero();
    }

    @Test
    void aHandlerThatFailsForATransientReasonLeavesNoEventAndIsTriedAgainUntilItFires() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), new Note("at last")));
        // As many lost races as it takes to park a deadline that fails for good: transient ones never park it.
        reminders.loseRaces(account, config.attempts());
        clock.advance(Duration.ofSeconds(60));

        assertThat(poller.pollOnce()).isZero();
        assertThat(notesSent(account)).as("the handler's append rolled back with the firing").isEmpty();
        assertThat(rows(account)).singleElement().satisfies(row -> {
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("ConcurrencyConflictException");
            assertThat(row.nextAttemptAt()).isEqualTo(clock.now().plus(config.backoff()));
            assertThat(row.parkedAt()).isNull();
        });
        assertThat(poller.pollOnce()).as("not again before its back-off").isZero();
        assertThat(reminders.calls(account, "reminder")).isEqualTo(1);

        for (int attempt = 1; attempt < config.attempts(); attempt++) {
            clock.advance(config.backoff().multipliedBy(1L << (attempt - 1)));
            assertThat(poller.pollOnce()).isZero();
        }
        assertThat(rows(account)).singleElement().satisfies(row -> assertThat(row.parkedAt()).isNull());
        clock.advance(Duration.ofMinutes(1));
        assertThat(poller.pollOnce()).isEqualTo(1);

        assertThat(notesSent(account)).containsExactly("at last");
        assertThat(reminders.calls(account, "reminder")).isEqualTo(config.attempts() + 1);
        assertThat(rows(account)).isEmpty();
    }

    @Test
    void aDeadlineThatFailsForGoodBacksOffAndIsParkedAfterItsAttempts() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), null));
        reminders.refuse(account, "the ledger has no such account");
        clock.advance(Duration.ofSeconds(60));

        assertThat(poller.pollOnce()).isZero();
        assertThat(rows(account)).singleElement().satisfies(row -> {
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("the ledger has no such account");
            assertThat(row.nextAttemptAt()).isEqualTo(clock.now().plusSeconds(1));
        });
        // No hot loop: until its back-off has passed, no poll touches it.
        clock.advance(Duration.ofMillis(999));
        assertThat(poller.pollOnce()).isZero();
        assertThat(reminders.calls(account, "reminder")).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(poller.pollOnce()).isZero();
        assertThat(rows(account)).singleElement().satisfies(row -> {
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.nextAttemptAt()).as("twice the pause").isEqualTo(clock.now().plusSeconds(2));
        });
        clock.advance(Duration.ofSeconds(2));
        assertThat(poller.pollOnce()).isZero();
        Instant parked = clock.now();

        clock.advance(Duration.ofDays(1));
        assertThat(poller.pollOnce()).isZero();
        assertThat(reminders.calls(account, "reminder")).isEqualTo(config.attempts());
        assertThat(rows(account)).as("parked, not dropped").singleElement().satisfies(row -> {
            assertThat(row.attempts()).isEqualTo(config.attempts());
            assertThat(row.parkedAt()).isEqualTo(parked);
            assertThat(row.lastError()).contains("IllegalStateException", "the ledger has no such account");
        });
        assertThat(notesSent(account)).isEmpty();
        assertThat(metric("caseswarm_deadlines_parked", "")).isEqualTo(1);
        assertThat(metric("caseswarm_deadlines_pending", "")).isZero();
    }

    @Test
    void aDeadlineTakenByAPollerThatDiedFiresOnceItsClaimHasExpired() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0, new Note("late")));
        // Another replica takes it, and dies before firing it.
        List<Deadline> taken = QuarkusTransaction.requiringNew().call(() -> store.claim(UUID.randomUUID(),
                Set.of(KIND), T0, T0.plus(config.claimTimeout()), 10));
        assertThat(taken).extracting(Deadline::aggregateId).containsExactly(account);

        assertThat(poller.pollOnce()).as("still the dead replica's").isZero();
        clock.advance(config.claimTimeout());
        assertThat(poller.pollOnce()).isEqualTo(1);

        assertThat(notesSent(account)).containsExactly("late");
    }

    @Test
    void aDeadlineMovedWhileAPollerHoldsItFiresAtItsNewTimeOnly() {
        String account = newAccount();
        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0, new Note("old time")));
        UUID claim = UUID.randomUUID();
        Deadline taken = QuarkusTransaction.requiringNew().call(() -> store.claim(claim, Set.of(KIND), T0,
                T0.plus(config.claimTimeout()), 10)).getFirst();

        inTransaction(() -> deadlines.schedule(KIND, account, "reminder", T0.plus(Duration.ofHours(1)), new Note("new time")));

        assertThat(QuarkusTransaction.requiringNew().call(() -> store.deleteClaimed(taken.id(), claim)))
                .as("the poller that took it before the move may not fire it").isFalse();
        clock.advance(config.claimTimeout());
        assertThat(poller.pollOnce()).isZero();
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(notesSent(account)).containsExactly("new time");
    }

    @Test
    void deadlinesOutliveThePollerAndFireLateRatherThanNever() {
        List<String> accounts = List.of(newAccount(), newAccount(), newAccount());
        inTransaction(() -> accounts.forEach(
                account -> deadlines.schedule(KIND, account, "reminder", T0.plusSeconds(60), new Note("after the outage"))));
        // Nothing polls for two hours (every replica down); then a service starts with a fresh poller.
        clock.advance(Duration.ofHours(2));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        DeadlinePoller restarted = newPoller(metrics);

        restarted.start();
        try {
            await().atMost(PATIENCE).until(() -> accounts.stream().allMatch(account -> rows(account).isEmpty()));
        } finally {
            stop(restarted);
        }

        accounts.forEach(account -> assertThat(notesSent(account)).containsExactly("after the outage"));
        Timer lag = metrics.get("caseswarm.deadline.lag").timer();
        assertThat(lag.count()).isEqualTo(3);
        assertThat(lag.mean(TimeUnit.MINUTES)).isEqualTo(119);
    }

    @Test
    void pollersOfSeveralReplicasFireEachOfManyDeadlinesExactlyOnce() throws Exception {
        List<String> accounts = IntStream.range(0, 600).mapToObj(i -> newAccount()).toList();
        for (int from = 0; from < accounts.size(); from += 200) {
            List<String> chunk = accounts.subList(from, from + 200);
            inTransaction(() -> chunk.forEach(account -> deadlines.schedule(KIND, account, "reminder",
                    T0.plusSeconds(Math.floorMod(account.hashCode(), 60)), null)));
        }
        clock.advance(Duration.ofMinutes(1));
        List<DeadlinePoller> replicas = List.of(newPoller(new SimpleMeterRegistry()),
                newPoller(new SimpleMeterRegistry()), newPoller(new SimpleMeterRegistry()));

        List<Integer> firedByEach = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Callable<Integer>> polls = replicas.stream().<Callable<Integer>>map(replica -> replica::pollOnce).toList();
            for (Future<Integer> fired : threads.invokeAll(polls)) {
                firedByEach.add(fired.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(firedByEach.stream().mapToInt(Integer::intValue).sum()).isEqualTo(accounts.size());
        assertThat(firedByEach).as("the replicas shared the work").allMatch(fired -> fired > 0);
        assertThat(accounts).allSatisfy(account -> assertThat(reminders.calls(account, "reminder")).isEqualTo(1));
        assertThat(remindersSentTo(accounts)).isEqualTo(accounts.size());
        assertThat(poller.pollOnce()).isZero();
    }

    private DeadlinePoller newPoller(MeterRegistry metrics) {
        return new DeadlinePoller(config, store, handlers, clock, metrics);
    }

    private static void stop(DeadlinePoller poller) {
        try {
            poller.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    /** The notes of the reminders the handler sent the account, in order: each is one firing committed. */
    private List<String> notesSent(String account) {
        return events.load(account).stream().filter(event -> event.type().equals("reminder-sent"))
                .map(StoredEvent::data).map(data -> data.path("note").asText(null)).toList();
    }

    private long remindersSentTo(List<String> accounts) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from events where event_type = 'reminder-sent' and stream_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", accounts.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<Row> rows(String account) {
        String sql = "select key, due_at, next_attempt_at, attempts, last_error, parked_at, payload::text from deadlines"
                + " where aggregate_id = ? order by key";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, account);
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getString(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                            row.getInt(4), row.getString(5), instant(row.getTimestamp(6)), row.getString(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static double metric(String name, String labels) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }

    /** What a scheduler gives along; the handler reads it back from the deadline. */
    record Note(String note) {
    }

    record Row(String key, Instant dueAt, Instant nextAttemptAt, int attempts, String lastError, Instant parkedAt,
            String payload) {
    }
}
