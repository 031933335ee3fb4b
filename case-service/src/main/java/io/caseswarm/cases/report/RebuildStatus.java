package io.caseswarm.cases.report;

import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * How the latest rebuild of the reporting model goes: {@code running}, {@code done}, {@code failed}, or
 * {@code abandoned} (running, but its process stopped beating: it died, and its work rolled back). {@code
 * eventsReplayed} counts the records read from the topics so far, and in all once done.
 */
public record RebuildStatus(String state, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
        long eventsReplayed, String failure) {

    /** Longer than any page of a rebuild takes, or its first step, emptying the old model. */
    static final Duration SILENCE = Duration.ofMinutes(10);

    private static final String COLUMNS = "state, started_at, heartbeat_at, finished_at, events_replayed, failure";

    /** Marks a rebuild as running; null when one is already, and alive. */
    static RebuildStatus claim() {
        List<?> claimed = db().createNativeQuery("insert into report_rebuild (id, state, started_at, heartbeat_at)"
                + " values (1, 'running', now(), now()) on conflict (id) do update set state = 'running',"
                + " started_at = now(), heartbeat_at = now(), finished_at = null, events_replayed = 0, failure = null"
                + " where report_rebuild.state <> 'running' or report_rebuild.heartbeat_at < now() - ?1 * interval '1 second'"
                + " returning " + COLUMNS).setParameter(1, SILENCE.toSeconds()).getResultList();
        return claimed.isEmpty() ? null : of((Object[]) claimed.getFirst());
    }

    static RebuildStatus latest() {
        List<?> rows = db().createNativeQuery("select " + COLUMNS + " from report_rebuild").getResultList();
        return rows.isEmpty() ? null : of((Object[]) rows.getFirst());
    }

    static void progress(long eventsReplayed) {
        db().createNativeQuery("update report_rebuild set events_replayed = ?1, heartbeat_at = now()")
                .setParameter(1, eventsReplayed).executeUpdate();
    }

    static void done(long eventsReplayed) {
        db().createNativeQuery("update report_rebuild set state = 'done', finished_at = now(), heartbeat_at = now(),"
                + " events_replayed = ?1").setParameter(1, eventsReplayed).executeUpdate();
    }

    static void failed(String failure) {
        db().createNativeQuery("update report_rebuild set state = 'failed', finished_at = now(), heartbeat_at = now(),"
                + " failure = ?1").setParameter(1, failure).executeUpdate();
    }

    private static RebuildStatus of(Object[] row) {
        Instant heartbeat = instant(row[2]);
        String state = (String) row[0];
        if ("running".equals(state) && heartbeat.isBefore(Instant.now().minus(SILENCE))) {
            state = "abandoned";
        }
        return new RebuildStatus(state, instant(row[1]), heartbeat, instant(row[3]), ((Number) row[4]).longValue(),
                (String) row[5]);
    }

    /** However the driver hands a timestamptz back. */
    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not a moment: " + value.getClass());
        };
    }

    private static EntityManager db() {
        return Panache.getEntityManager();
    }
}
