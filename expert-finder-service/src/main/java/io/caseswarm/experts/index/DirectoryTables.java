package io.caseswarm.experts.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.experts.domain.DaysOff;
import io.caseswarm.experts.domain.Evidence;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.SolvedCase;
import io.caseswarm.experts.domain.WorkingHours;

/**
 * Reads the skills/capacity view straight from its tables, in plain JDBC: building the index of a million people
 * through Hibernate entities would take minutes. Only what ranking needs is read (no Slack link, no roles).
 */
@ApplicationScoped
public class DirectoryTables {

    private static final String PROFILES = "select person_id, name, email, chat_handle, time_zone, work_start, work_end,"
            + " skills, capacity, presence, days_off from expert_profile";
    private static final String LOADS = "select person_id, count(*) from expert_assignment";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<List<Skill>> SKILLS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    DirectoryTables(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Every person's profile, then every person's load (people without any carry none). */
    public void readAll(BiConsumer<String, Profile> profiles, ObjIntConsumer<String> loads) {
        query(PROFILES, List.of(), rows -> profiles.accept(rows.getString(1), profile(rows)));
        query(LOADS + " group by person_id", List.of(), rows -> loads.accept(rows.getString(1), rows.getInt(2)));
    }

    /** As {@link #readAll}, for these people only; each of them gets a load, zero if they carry none. */
    public void read(Collection<String> personIds, BiConsumer<String, Profile> profiles, ObjIntConsumer<String> loads) {
        List<String> ids = List.copyOf(personIds);
        query(PROFILES + " where person_id = any(?)", ids, rows -> profiles.accept(rows.getString(1), profile(rows)));
        Set<String> unloaded = new HashSet<>(ids);
        query(LOADS + " where person_id = any(?) group by person_id", ids, rows -> {
            unloaded.remove(rows.getString(1));
            loads.accept(rows.getString(1), rows.getInt(2));
        });
        unloaded.forEach(personId -> loads.accept(personId, 0));
    }

    /** The latest change noted so far (0: none): what a replica has seen once it has read the tables after it. */
    public long lastChange() {
        long[] last = { 0 };
        query("select coalesce(max(id), 0) from directory_change", List.of(), rows -> last[0] = rows.getLong(1));
        return last[0];
    }

    /**
     * The people changed after change {@code afterId}, by anyone but replica {@code self}, in changes at least
     * {@code settle} old: a transaction takes its change's number when it writes, not when it commits, so a younger
     * change could still be passed by an older one committing later. At most {@code limit} changes are looked at,
     * {@code self}'s included; {@code last} is the latest looked at.
     */
    public Changes changesSince(long afterId, String self, Duration settle, int limit) {
        Set<String> people = new HashSet<>();
        long[] last = { afterId };
        query("select id, person_id, coalesce(replica = any(?), false) from directory_change where id > " + afterId
                + " and changed_at < now() - make_interval(secs => " + settle.toMillis() / 1000.0 + ")"
                + " order by id limit " + limit, List.of(self), rows -> {
                    last[0] = rows.getLong(1);
                    if (!rows.getBoolean(3)) {
                        people.add(rows.getString(2));
                    }
                });
        return new Changes(last[0], people);
    }

    /** Forgets changes older than {@code keep}: every replica has read them long since. */
    public void prune(Duration keep) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from directory_change where changed_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, keep.toSeconds());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prune the directory's changes", e);
        }
    }

    public record Changes(long last, Set<String> people) {
    }

    /**
     * The evidence stored after row {@code afterId} and at least {@code settle} ago (as {@link #changesSince}, so a
     * row numbered earlier cannot commit after a later one was read), oldest first, at most {@code limit} rows.
     * Returns the last row read ({@code afterId} when none).
     */
    public long readEvidence(long afterId, Duration settle, int limit, EvidenceReader reader) {
        long[] last = { afterId };
        query("select id, person_id, kind, skills, product, source, label, at, weight from expertise_evidence"
                + " where id > " + afterId + " and recorded_at < now() - make_interval(secs => "
                + settle.toMillis() / 1000.0 + ") order by id limit " + limit, List.of(), rows -> {
                    last[0] = rows.getLong(1);
                    reader.read(last[0], new Evidence(rows.getString(2), Evidence.Kind.valueOf(rows.getString(3)),
                            names(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getTimestamp(8).toInstant(), rows.getDouble(9)));
                });
        return last[0];
    }

    /** As {@link #readEvidence}, for solved cases, by the number of their latest change. */
    public long readSolved(long afterChange, Duration settle, int limit, Consumer<SolvedCase> reader) {
        long[] last = { afterChange };
        query("select change_id, case_id, number, product, text, solvers from solved_case where change_id > "
                + afterChange + " and recorded_at < now() - make_interval(secs => " + settle.toMillis() / 1000.0
                + ") order by change_id limit " + limit, List.of(), rows -> {
                    last[0] = rows.getLong(1);
                    reader.accept(new SolvedCase(rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), Set.copyOf(names(rows.getString(6)))));
                });
        return last[0];
    }

    @FunctionalInterface
    public interface EvidenceReader {
        void read(long id, Evidence evidence);
    }

    private List<String> names(String jsonArray) throws SQLException {
        try {
            return json.readValue(jsonArray, NAMES);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable list of names: " + jsonArray, e);
        }
    }

    private void query(String sql, List<String> ids, RowReader reader) {
        try (Connection connection = dataSource.getConnection()) {
            // Streamed in batches rather than held whole: a cursor needs auto-commit off.
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(10_000);
                if (sql.contains("?")) {
                    statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the skills/capacity view", e);
        }
    }

    private Profile profile(ResultSet rows) throws SQLException {
        try {
            String daysOff = rows.getString(11);
            return new Profile(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                    new WorkingHours(rows.getObject(6, LocalTime.class), rows.getObject(7, LocalTime.class)),
                    json.readValue(rows.getString(8), SKILLS), rows.getInt(9), Presence.valueOf(rows.getString(10)),
                    null, List.of(), daysOff == null ? null : json.readValue(daysOff, DaysOff.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable skills or calendar of " + rows.getString(1), e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }
}
