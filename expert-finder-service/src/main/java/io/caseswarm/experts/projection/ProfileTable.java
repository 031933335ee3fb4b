package io.caseswarm.experts.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.experts.domain.Profile;

/**
 * Writes {@code expert_profile}, and asks which ids it holds, in plain JDBC and in bulk: an import's batch of
 * people costs one statement, where Hibernate spent more on an entity, its snapshot and its JSON copies per row
 * than PostgreSQL spent on the row. The JSON columns are written by the service's own mapper, as
 * {@link ExpertProfile} and the index read them.
 */
@ApplicationScoped
public class ProfileTable {

    private static final String UPSERT = """
            insert into expert_profile (person_id, name, email, chat_handle, time_zone, work_start, work_end, skills,
                capacity, presence, updated_at, slack_user_id, roles, days_off)
            select p, n, e, c, z, cast(ws as time), cast(we as time), cast(s as jsonb), cap, pr, cast(u as timestamptz), sl,
                cast(r as jsonb), cast(d as jsonb)
            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as t(p, n, e, c, z, ws, we, s, cap, pr, u, sl, r, d)
            on conflict (person_id) do update set name = excluded.name, email = excluded.email,
                chat_handle = excluded.chat_handle, time_zone = excluded.time_zone, work_start = excluded.work_start,
                work_end = excluded.work_end, skills = excluded.skills, capacity = excluded.capacity,
                presence = excluded.presence, updated_at = excluded.updated_at, slack_user_id = excluded.slack_user_id,
                roles = excluded.roles, days_off = excluded.days_off
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;

    ProfileTable(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A profile as of {@code at}, to be written. */
    public record Row(Profile profile, Instant at) {
    }

    /** Each person's row becomes {@code rows}' profile: inserted, or replacing what was there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(Map<String, Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[] ids = new String[size], names = new String[size], emails = new String[size],
                chatHandles = new String[size], zones = new String[size], skills = new String[size],
                presences = new String[size], slackUsers = new String[size], roles = new String[size],
                daysOff = new String[size];
        // Times travel as ISO text, cast by PostgreSQL: no time zone of the JVM's or the session's comes into it.
        String[] starts = new String[size], ends = new String[size], updated = new String[size];
        Integer[] capacities = new Integer[size];
        int i = 0;
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Profile profile = entry.getValue().profile();
            ids[i] = entry.getKey();
            names[i] = profile.name();
            emails[i] = profile.email();
            chatHandles[i] = profile.chatHandle();
            zones[i] = profile.timeZone();
            starts[i] = profile.workingHours().start().toString();
            ends[i] = profile.workingHours().end().toString();
            skills[i] = write(profile.skills());
            capacities[i] = profile.capacity();
            presences[i] = profile.presence().name();
            updated[i] = entry.getValue().at().toString();
            slackUsers[i] = profile.slackUserId();
            roles[i] = write(profile.roles());
            daysOff[i] = profile.daysOff() == null ? null : write(profile.daysOff());
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setArray(1, connection.createArrayOf("text", ids));
            upsert.setArray(2, connection.createArrayOf("text", names));
            upsert.setArray(3, connection.createArrayOf("text", emails));
            upsert.setArray(4, connection.createArrayOf("text", chatHandles));
            upsert.setArray(5, connection.createArrayOf("text", zones));
            upsert.setArray(6, connection.createArrayOf("text", starts));
            upsert.setArray(7, connection.createArrayOf("text", ends));
            upsert.setArray(8, connection.createArrayOf("text", skills));
            upsert.setArray(9, connection.createArrayOf("integer", capacities));
            upsert.setArray(10, connection.createArrayOf("text", presences));
            upsert.setArray(11, connection.createArrayOf("text", updated));
            upsert.setArray(12, connection.createArrayOf("text", slackUsers));
            upsert.setArray(13, connection.createArrayOf("text", roles));
            upsert.setArray(14, connection.createArrayOf("text", daysOff));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + size + " profiles", e);
        }
    }

    /** Which of these ids are in the directory as people, and which are pods'. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Holders holders(Collection<String> ids) {
        Set<String> people = new HashSet<>();
        Set<String> pods = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select person_id, false from expert_profile where person_id = any(?)"
                                + " union all select pod_id, true from pod where pod_id = any(?)")) {
            var array = connection.createArrayOf("text", ids.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(2) ? pods : people).add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read who holds " + ids.size() + " ids", e);
        }
        return new Holders(people, pods);
    }

    /** Of some ids, those that name people in the directory and those that name pods. */
    public record Holders(Set<String> people, Set<String> pods) {
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a profile's JSON", e);
        }
    }
}
