package io.caseswarm.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * One round trip for an append: the version check, the insert and the relay's wake-up. When any stream is not
     * at its expected version, nothing is inserted and no row comes back. Two writers that both pass the check
     * meet at the unique (stream, version) key: the second waits for the first and fails if it committed. The
     * notification is per row, but PostgreSQL delivers identical ones of a transaction once, at its commit.
     */
    private static final String APPEND = """
            with expected (stream_id, version) as (select * from unnest(?::text[], ?::bigint[])),
            behind as (select 1 from expected x where x.version
                       <> coalesce((select max(e.version) from events e where e.stream_id = x.stream_id), 0)),
            appended as (insert into events (event_id, stream_type, stream_id, version, event_type, schema_version,
                             payload, occurred_at, trace_parent)
                         select e, st, si, v, et, sv, cast(p as jsonb), ?, ?
                         from unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::integer[], ?::text[])
                             with ordinality as t(e, st, si, v, et, sv, p, n)
                         where not exists (select 1 from behind)
                         order by n
                         returning %s)
            select appended.*, pg_notify(?, '') from appended""".formatted(COLUMNS);

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
        return appendAll(List.of(new Append(streamType, streamId, expectedVersion, events)));
    }

    /** One stream's part of {@link #appendAll}: its events, and the version the stream must be at. */
    public record Append(String streamType, String streamId, long expectedVersion, List<?> events) {
    }

    /**
     * Appends to many streams at once, each as {@link #append} would, in one round trip whatever their number
     * ({@link #APPEND}): a bulk import costs little more than its rows. If any stream is not at its expected
     * version, nothing is written. Each stream at most once per call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> appendAll(List<Append> appends) {
        List<Append> writing = appends.stream().filter(append -> !append.events().isEmpty()).toList();
        if (writing.isEmpty()) {
            return List.of();
        }
        // Postgres keeps microseconds: trim now so the returned events equal what a later load reads.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String traceParent = tracing.currentTraceParent();
        int count = writing.stream().mapToInt(append -> append.events().size()).sum();
        UUID[] ids = new UUID[count];
        String[] streamTypes = new String[count];
        String[] streamIds = new String[count];
        Long[] versions = new Long[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        String[] payloads = new String[count];
        String[] expectedStreams = new String[writing.size()];
        Long[] expectedVersions = new Long[writing.size()];
        try (Connection connection = dataSource.getConnection()) {
            int i = 0;
            for (int stream = 0; stream < writing.size(); stream++) {
                Append append = writing.get(stream);
                expectedStreams[stream] = append.streamId();
                expectedVersions[stream] = append.expectedVersion();
                long version = append.expectedVersion();
                for (Object event : append.events()) {
                    ids[i] = UUID.randomUUID();
                    streamTypes[i] = append.streamType();
                    streamIds[i] = append.streamId();
                    versions[i] = ++version;
                    types[i] = EventTypes.nameOf(event.getClass());
                    schemaVersions[i] = EventTypes.versionOf(event.getClass());
                    payloads[i] = json.writeValueAsString(event);
                    i++;
                }
            }
            List<StoredEvent> stored = new ArrayList<>(count);
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                insert.setArray(1, connection.createArrayOf("text", expectedStreams));
                insert.setArray(2, connection.createArrayOf("bigint", expectedVersions));
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, traceParent);
                insert.setArray(5, connection.createArrayOf("uuid", ids));
                insert.setArray(6, connection.createArrayOf("text", streamTypes));
                insert.setArray(7, connection.createArrayOf("text", streamIds));
                insert.setArray(8, connection.createArrayOf("bigint", versions));
                insert.setArray(9, connection.createArrayOf("text", types));
                insert.setArray(10, connection.createArrayOf("integer", schemaVersions));
                insert.setArray(11, connection.createArrayOf("text", payloads));
                insert.setString(12, APPENDED_CHANNEL);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        stored.add(read(rows));
                    }
                }
            }
            if (stored.isEmpty()) {
                throw behind(connection, writing);
            }
            // In the order given, each stream's events in version order, as a caller projecting them expects.
            stored.sort(Comparator.comparingLong(StoredEvent::position));
            countOnCommit(stored);
            return stored;
        } catch (SQLException e) {
            // A concurrent writer inserted the same (stream, version) after our check and committed: it won.
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                Append first = writing.getFirst();
                throw new ConcurrencyConflictException(writing.size() == 1 ? first.streamId() : "one of " + writing.size(),
                        first.expectedVersion());
            }
            throw new EventStoreException("Could not append to stream " + writing.getFirst().streamId(), e);
        } catch (JsonProcessingException e) {
            throw new EventStoreException("Could not serialise an event of stream " + writing.getFirst().streamId(), e);
        }
    }

    /**
     * The conflict that left an append with nothing written: the first stream not at the version its writer
     * expected (a rare path, so it may cost a query of its own).
     */
    private static ConcurrencyConflictException behind(Connection connection, List<Append> appends) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select stream_id, max(version) from events where stream_id = any(?) group by stream_id")) {
            statement.setArray(1, connection.createArrayOf("text",
                    appends.stream().map(Append::streamId).distinct().toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        Append stale = appends.stream().filter(append -> versions.getOrDefault(append.streamId(), 0L) != append.expectedVersion())
                .findFirst().orElse(appends.getFirst());
        return new ConcurrencyConflictException(stale.streamId(), stale.expectedVersion());
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

    /** Each of the streams' events in order, in one query; a stream that does not exist has none. */
    public Map<String, List<StoredEvent>> loadAll(Collection<String> streamIds) {
        Map<String, List<StoredEvent>> streams = new HashMap<>();
        streamIds.forEach(streamId -> streams.put(streamId, new ArrayList<>()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select " + COLUMNS + " from events where stream_id = any(?) order by stream_id, version")) {
            statement.setArray(1, connection.createArrayOf("text", streamIds.toArray(String[]::new)));
            rows(statement).forEach(event -> streams.get(event.streamId()).add(event));
            return streams;
        } catch (SQLException e) {
            throw new EventStoreException("Could not read events", e);
        }
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
