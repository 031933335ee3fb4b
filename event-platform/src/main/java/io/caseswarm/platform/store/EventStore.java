package io.caseswarm.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Append-only event streams in the service's own database. The events table is also the outbox:
 * appending in the caller's transaction is all a command does to publish, and the
 * {@link io.caseswarm.platform.outbox.OutboxRelay} does the rest after commit.
 */
@ApplicationScoped
public class EventStore {

    /** Woken on commit of every append; the relay listens on it. */
    public static final String APPENDED_CHANNEL = "caseswarm_events_appended";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS =
            "position, event_id, stream_type, stream_id, version, event_type, schema_version, payload, occurred_at";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Tracing tracing;
    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;

    EventStore(DataSource dataSource, ObjectMapper json, Tracing tracing, MeterRegistry metrics,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.json = json;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * Appends {@code events} (records annotated with {@code @EventType}) to the stream, which must be
     * at {@code expectedVersion} (0 for a new stream). Of two writers that loaded the same version,
     * exactly one succeeds; the other gets a {@link ConcurrencyConflictException} and writes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> append(String streamType, String streamId, long expectedVersion, List<?> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // Postgres keeps microseconds: trim now so the returned events equal what a later load reads.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String sql = "insert into events (event_id, stream_type, stream_id, version, event_type, schema_version,"
                + " payload, occurred_at, trace_parent) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning "
                + COLUMNS;
        String traceParent = tracing.currentTraceParent();
        List<StoredEvent> stored = new ArrayList<>(events.size());
        try (Connection connection = dataSource.getConnection()) {
            if (currentVersion(connection, streamId) != expectedVersion) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                long version = expectedVersion;
                for (Object event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, streamType);
                    insert.setString(3, streamId);
                    insert.setLong(4, ++version);
                    insert.setString(5, EventTypes.nameOf(event.getClass()));
                    insert.setInt(6, EventTypes.versionOf(event.getClass()));
                    insert.setString(7, json.writeValueAsString(event));
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.setString(9, traceParent);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        stored.add(read(row));
                    }
                }
            }
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                notify.setString(1, APPENDED_CHANNEL);
                notify.execute();
            }
            countOnCommit(stored);
            return stored;
        } catch (SQLException e) {
            // A concurrent writer inserted the same (stream, version) after our check: it won.
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            throw new EventStoreException("Could not append to stream " + streamId, e);
        } catch (JsonProcessingException e) {
            throw new EventStoreException("Could not serialise an event of stream " + streamId, e);
        }
    }

    /** {@code caseswarm_events_appended_total{type}} counts only what the transaction really kept. */
    private void countOnCommit(List<StoredEvent> stored) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    stored.forEach(event -> metrics.counter("caseswarm.events.appended", "type", event.type()).increment());
                }
            }
        });
    }

    /** The stream's events in order; empty when there is no such stream. */
    public List<StoredEvent> load(String streamId) {
        return query("select " + COLUMNS + " from events where stream_id = ? order by version",
                statement -> statement.setString(1, streamId));
    }

    /** The stream's events after {@code afterVersion}, in order, at most {@code limit}: a page of its history. */
    public List<StoredEvent> load(String streamId, long afterVersion, int limit) {
        return query("select " + COLUMNS + " from events where stream_id = ? and version > ? order by version limit ?",
                statement -> {
                    statement.setString(1, streamId);
                    statement.setLong(2, afterVersion);
                    statement.setInt(3, limit);
                });
    }

    /** The stream's events decoded into the aggregate's event records. */
    public <E> List<E> load(String streamId, EventTypes<E> types) {
        return load(streamId).stream().map(event -> types.decode(event.type(), event.data(), json)).toList();
    }

    /** Every event after {@code position} in store order, at most {@code limit}: for rebuilding projections. */
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return query("select " + COLUMNS + " from events where position > ? order by position limit ?",
                statement -> {
                    statement.setLong(1, afterPosition);
                    statement.setInt(2, limit);
                });
    }

    /** {@link #readAll(long, int)} on a connection of the caller's own, such as a session outside the pool. */
    public List<StoredEvent> readAll(Connection connection, long afterPosition, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + COLUMNS + " from events where position > ? order by position limit ?")) {
            statement.setLong(1, afterPosition);
            statement.setInt(2, limit);
            return rows(statement);
        }
    }

    public <E> E decode(StoredEvent event, EventTypes<E> types) {
        return types.decode(event.type(), event.data(), json);
    }

    private long currentVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select coalesce(max(version), 0) from events where stream_id = ?")) {
            statement.setString(1, streamId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<StoredEvent> query(String sql, StatementSetter setter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            setter.set(statement);
            return rows(statement);
        } catch (SQLException e) {
            throw new EventStoreException("Could not read events", e);
        }
    }

    private List<StoredEvent> rows(PreparedStatement statement) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(read(rows));
            }
        }
        return events;
    }

    private StoredEvent read(ResultSet row) throws SQLException {
        try {
            JsonNode data = json.readTree(row.getString("payload"));
            return new StoredEvent(row.getLong("position"), row.getObject("event_id", UUID.class),
                    row.getString("stream_type"), row.getString("stream_id"), row.getLong("version"),
                    row.getString("event_type"), row.getInt("schema_version"), data,
                    row.getTimestamp("occurred_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new EventStoreException("Stored payload is not JSON at position " + row.getLong("position"), e);
        }
    }

    @FunctionalInterface
    private interface StatementSetter {
        void set(PreparedStatement statement) throws SQLException;
    }
}
