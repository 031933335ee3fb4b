package io.caseswarm.platform.deadline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The {@code deadlines} table. Every method works in the caller's transaction (the pool's connection
 * joins it), so scheduling commits with the caller's events and firing with the handler's.
 */
@ApplicationScoped
class DeadlineStore {

    private final DataSource dataSource;
    private final ObjectMapper json;

    DeadlineStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Inserts the deadline, or moves the one of the same identity to the new time and payload as if it
     * had just been scheduled (fresh attempts, no claim: a poller holding the old one does not fire it).
     * Scheduling what is already scheduled changes nothing, so a redelivered cause is harmless.
     */
    void schedule(String kind, String aggregateId, String key, Instant dueAt, String payload, Instant now) {
        String sql = "insert into deadlines (kind, aggregate_id, key, payload, due_at, next_attempt_at, created_at)"
                + " values (?, ?, ?, cast(? as jsonb), ?, ?, ?)"
                + " on conflict (kind, aggregate_id, key) do update set payload = excluded.payload,"
                + " due_at = excluded.due_at, next_attempt_at = excluded.next_attempt_at, attempts = 0,"
                + " last_error = null, parked_at = null, claim = null"
                + " where (deadlines.due_at, deadlines.payload) is distinct from (excluded.due_at, excluded.payload)";
        update(sql, statement -> {
            statement.setString(1, kind);
            statement.setString(2, aggregateId);
            statement.setString(3, key);
            statement.setString(4, payload);
            statement.setTimestamp(5, Timestamp.from(dueAt));
            statement.setTimestamp(6, Timestamp.from(dueAt));
            statement.setTimestamp(7, Timestamp.from(now));
        });
    }

    boolean cancel(String kind, String aggregateId, String key) {
        return update("delete from deadlines where kind = ? and aggregate_id = ? and key = ?", statement -> {
            statement.setString(1, kind);
            statement.setString(2, aggregateId);
            statement.setString(3, key);
        }) == 1;
    }

    int cancelAll(String aggregateId) {
        return update("delete from deadlines where aggregate_id = ?", statement -> statement.setString(1, aggregateId));
    }

    /**
     * Takes up to {@code limit} deadlines of {@code kinds} due at {@code now}, oldest first, under
     * {@code claim} until {@code claimUntil}. Rows another poller is taking at this moment are skipped,
     * not waited for, and rows taken before are not due until their claim expires: pollers of several
     * replicas share the work without taking one deadline twice.
     */
    List<Deadline> claim(UUID claim, Set<String> kinds, Instant now, Instant claimUntil, int limit) {
        // "id = any(array(...))", not a join: with parameters, PostgreSQL's generic plan expects a third of
        // the table to be due and hash-joins it in a full scan (60 ms a round at 100,000 pending).
        String sql = "update deadlines set claim = ?, next_attempt_at = ? where id = any(array("
                + " select id from deadlines where parked_at is null and next_attempt_at <= ? and kind = any(?)"
                + " order by next_attempt_at, id limit ? for update skip locked))"
                + " returning id, kind, aggregate_id, key, due_at, payload::text, attempts";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            commitWithoutWaitingForDisk(connection);
            statement.setObject(1, claim);
            statement.setTimestamp(2, Timestamp.from(claimUntil));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setArray(4, textArray(connection, kinds));
            statement.setInt(5, limit);
            List<Deadline> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Deadline(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant(), payload(rows.getString(6)), rows.getInt(7)));
                }
            }
            // RETURNING keeps no order: fire the longest overdue first.
            claimed.sort(Comparator.comparing(Deadline::dueAt).thenComparing(Deadline::id));
            return claimed;
        } catch (SQLException e) {
            throw new DeadlineStoreException("Could not claim due deadlines", e);
        }
    }

    /**
     * Deletes the deadline if it is still under {@code claim}; false when it was cancelled, moved, or
     * taken by another poller after the claim expired. The row stays locked until the transaction ends,
     * so nobody else can take it while its handler runs.
     */
    boolean deleteClaimed(long id, UUID claim) {
        return update("delete from deadlines where id = ? and claim = ?", statement -> {
            statement.setLong(1, id);
            statement.setObject(2, claim);
        }) == 1;
    }

    /** Records a failed try of a deadline still under {@code claim}, releasing it until {@code nextAttempt}. */
    void recordFailure(long id, UUID claim, int attempts, String error, Instant nextAttempt, Instant parkedAt) {
        String sql = "update deadlines set attempts = ?, last_error = ?, next_attempt_at = ?, parked_at = ?, claim = null"
                + " where id = ? and claim = ?";
        update(sql, statement -> {
            statement.setInt(1, attempts);
            statement.setString(2, error);
            statement.setTimestamp(3, Timestamp.from(nextAttempt));
            statement.setTimestamp(4, parkedAt == null ? null : Timestamp.from(parkedAt));
            statement.setLong(5, id);
            statement.setObject(6, claim);
        });
    }

    /**
     * When the next deadline of {@code kinds} may be taken, if that is before {@code before}. Bounded, so
     * that it reads only the head of the due index whatever plan PostgreSQL picks: an unbounded minimum,
     * planned on statistics older than the rows, read all 100,000 pending rows (35 ms) on every round.
     */
    Optional<Instant> nextAttempt(Set<String> kinds, Instant before) {
        String sql = "select min(next_attempt_at) from deadlines where parked_at is null and next_attempt_at < ?"
                + " and kind = any(?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(before));
            statement.setArray(2, textArray(connection, kinds));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Timestamp next = row.getTimestamp(1);
                return Optional.ofNullable(next).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new DeadlineStoreException("Could not read the next deadline", e);
        }
    }

    long count(boolean parked) {
        String sql = "select count(*) from deadlines where parked_at is " + (parked ? "not null" : "null");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new DeadlineStoreException("Could not count deadlines", e);
        }
    }

    /** Pending deadlines by kind, for the kinds not in {@code kinds}. */
    Map<String, Long> pendingOtherThan(Set<String> kinds) {
        String sql = "select kind, count(*) from deadlines where parked_at is null and kind <> all(?)"
                + " group by kind order by kind";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, textArray(connection, kinds));
            Map<String, Long> pending = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pending.put(rows.getString(1), rows.getLong(2));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new DeadlineStoreException("Could not count deadlines by kind", e);
        }
    }

    /**
     * A claim lost to a database crash costs nothing: the deadline is simply unclaimed again, and the
     * firing, which commits durably, deletes only under a claim that was kept. So the claim's commit
     * need not wait for its WAL flush; that halves the flushes per firing when deadlines come one by one.
     */
    private static void commitWithoutWaitingForDisk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local synchronous_commit to off");
        }
    }

    private JsonNode payload(String text) throws SQLException {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("A deadline's payload is not JSON", e); // jsonb: cannot happen
        }
    }

    private static Array textArray(Connection connection, Set<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private int update(String sql, StatementSetter setter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            setter.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DeadlineStoreException("Could not write deadlines", e);
        }
    }

    @FunctionalInterface
    private interface StatementSetter {
        void set(PreparedStatement statement) throws SQLException;
    }
}
