package io.caseswarm.platform.live;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.quarkus.runtime.ShutdownEvent;

/**
 * One reader per process of the service's event store, in store order (by {@code position}), handing every
 * event committed from now on to the listeners that subscribed: whoever appended it, this process, another
 * replica or a consumer thread. Live clients are fed from here, never from the command that appended, so
 * every replica sees every event exactly once and in the same order.
 *
 * <p>Positions come from a sequence and are taken before commit, so a transaction that commits late leaves
 * a hole that fills later, and one that rolls back leaves it for ever. The tail stops at a hole until the
 * transactions that were running when it saw the hole have ended ({@code pg_xact_status}); then the hole is
 * either filled, and delivered in order, or empty for good, and passed over. So {@link #position()} is a
 * promise: every event at or below it has been handed out or never existed.
 *
 * <p>It starts with the first subscriber (services without live clients never run it), at the end of the
 * store: what came before is the subscriber's to read from the store. It sleeps on the LISTEN channel every
 * append notifies on commit, on a connection of its own outside the pool.
 */
@ApplicationScoped
public class EventTail {

    private static final Logger LOG = Logger.getLogger(EventTail.class);

    private final LiveConfig config;
    private final DataSource dataSource;
    private final EventStore store;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final List<Consumer<StoredEvent>> listeners = new CopyOnWriteArrayList<>();

    private volatile long position = -1;
    private volatile boolean running;
    private Thread worker;
    /** The hole the tail waits at, if any; only the worker touches it. */
    private Hole hole;

    EventTail(LiveConfig config, DataSource dataSource, EventStore store,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.dataSource = dataSource;
        this.store = store;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * {@code listener} gets every event committed after this call, in store order, on the tail's thread: it
     * must not block (put the event in a bounded buffer, say). Close the subscription to stop.
     */
    public AutoCloseable subscribe(Consumer<StoredEvent> listener) {
        start();
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every event at or below this position has been handed to the listeners subscribed then, or never existed. */
    public long position() {
        return position;
    }

    public int subscribers() {
        return listeners.size();
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        position = endOfStore();
        running = true;
        worker = Thread.ofPlatform().name("event-tail").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
    }

    /** The highest position of the events committed to the store now. */
    public long endOfStore() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select coalesce(max(position), 0) from events")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the end of the event store", e);
        }
    }

    private void run() {
        while (running) {
            try (Connection session = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null))) {
                session.setAutoCommit(true);
                try (Statement listen = session.createStatement()) {
                    listen.execute("listen " + EventStore.APPENDED_CHANNEL);
                }
                while (running) {
                    boolean atHole = readOn(session);
                    // Returns at once when notifications are queued, else at the first NOTIFY or the timeout.
                    session.unwrap(PGConnection.class)
                            .getNotifications((int) (atHole ? config.gapRecheck() : config.sweep()).toMillis());
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("The event tail lost its database session (%s); reconnecting", e.getMessage());
                    pause(config.sweep());
                }
            }
        }
    }

    /** Hands out what is committed after {@link #position}, in order; returns whether it stopped at a hole. */
    private boolean readOn(Connection session) throws SQLException {
        while (running) {
            boolean holeEnded = hole != null && hole.ended(session);
            List<StoredEvent> batch = read(session);
            for (StoredEvent event : batch) {
                if (event.position() != position + 1) {
                    if (hole != null && event.position() <= hole.horizon() && (holeEnded || hole.givenUp())) {
                        if (!holeEnded) {
                            LOG.warnf("Event positions %d to %d passed over after %s: a transaction still open may"
                                    + " fill them", position + 1, event.position() - 1, config.gapGiveUp());
                        }
                    } else {
                        if (hole == null || holeEnded || hole.givenUp()) {
                            hole = Hole.open(session, batch.getLast().position(), Instant.now().plus(config.gapGiveUp()));
                        }
                        return true;
                    }
                }
                hand(event);
            }
            hole = null;
            if (batch.size() < config.batchSize()) {
                return false;
            }
        }
        return false;
    }

    private void hand(StoredEvent event) {
        for (Consumer<StoredEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A live listener failed on event %d", event.position());
            }
        }
        // After the listeners: a subscriber that reads position() then knows what it was handed.
        position = event.position();
    }

    private List<StoredEvent> read(Connection session) throws SQLException {
        // The store's own reader, over this session: the same columns, the same decoding.
        return store.readAll(session, position, config.batchSize());
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Positions below {@code horizon} that were missing when the tail looked, and the transactions then in
     * progress: the one that took a missing position (before a later one committed) is among them.
     */
    private record Hole(long horizon, String[] transactions, Instant giveUpAt) {

        static Hole open(Connection session, long horizon, Instant giveUpAt) throws SQLException {
            try (Statement statement = session.createStatement(); ResultSet row = statement.executeQuery(
                    "select array_agg(x::text) from pg_snapshot_xip(pg_current_snapshot()) x")) {
                row.next();
                Array running = row.getArray(1);
                return new Hole(horizon, running == null ? new String[0] : (String[]) running.getArray(), giveUpAt);
            }
        }

        /** Every transaction that could fill the hole has committed or rolled back. */
        boolean ended(Connection session) throws SQLException {
            if (transactions.length == 0) {
                return true;
            }
            try (PreparedStatement statement = session.prepareStatement("select not exists (select 1 from"
                    + " unnest(cast(? as text[])::xid8[]) x where pg_xact_status(x) = 'in progress')")) {
                statement.setArray(1, session.createArrayOf("text", transactions));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        }

        boolean givenUp() {
            return Instant.now().isAfter(giveUpAt);
        }
    }
}
