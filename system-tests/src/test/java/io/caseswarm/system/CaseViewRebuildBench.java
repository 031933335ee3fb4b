package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.caseswarm.demo.Api;
import io.caseswarm.testing.TestDatabase;

/**
 * P7: case-service rebuilding its case view from its event store ({@code POST /admin/projections/case-view/rebuild}).
 * The store is grown to the size asked by copying the case histories P1 wrote, each copy a new case (its id and
 * number replaced throughout) already marked published, so that the relay leaves it alone.
 */
final class CaseViewRebuildBench {

    /** Copy {@code k} of every case stream written so far, in store order, so that each copy replays in its order. */
    private static final String COPY = """
            insert into events (event_id, stream_type, stream_id, version, event_type, schema_version, payload,
                occurred_at, published_at)
            select gen_random_uuid(), e.stream_type, copy.id, e.version, e.event_type, e.schema_version,
                replace(replace(e.payload::text, e.stream_id, copy.id),
                    '"' || opened.number || '"', '"CS-' || k || substr(opened.number, 4) || '"')::jsonb,
                e.occurred_at, now()
            from generate_series(1, ?) k
            cross join events e
            join (select stream_id, payload->>'number' as number from events where event_type = 'case-opened') opened
                using (stream_id)
            cross join lateral (select md5(e.stream_id || '/' || k)::uuid::text as id) copy
            where e.stream_type = 'case' and e.position <= ?
            order by k, e.position""";

    record Result(long events, double seconds, double perSecond, long cases) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI rebuild;
    private final String adminToken;
    private final TestDatabase database;

    CaseViewRebuildBench(String caseServiceUrl, String adminToken, TestDatabase database) {
        this.rebuild = URI.create(caseServiceUrl + "/admin/projections/case-view/rebuild");
        this.adminToken = adminToken;
        this.database = database;
    }

    /** Case events per case, as the live intake wrote them. */
    double eventsPerCase() {
        return number("select count(*)::float / greatest(1, count(distinct stream_id)) from events where stream_type = 'case'");
    }

    long caseStreams() {
        return (long) number("select count(distinct stream_id) from events where stream_type = 'case'");
    }

    /** Copies the case histories until the store holds at least {@code events} case events; returns how many it holds. */
    long grow(long events) {
        long written = (long) number("select count(*) from events where stream_type = 'case'");
        long last = (long) number("select coalesce(max(position), 0) from events where stream_type = 'case'");
        long copies = written == 0 ? 0 : Math.max(0, Math.ceilDiv(events - written, written));
        try (Connection connection = database.connect(); PreparedStatement copy = connection.prepareStatement(COPY)) {
            copy.setLong(1, copies);
            copy.setLong(2, last);
            copy.executeUpdate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze events");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grow the event store to " + events + " events", e);
        }
        return (long) number("select count(*) from events where stream_type = 'case'");
    }

    /** Asks case-service for the rebuild and waits for its answer, however long it takes. */
    Result rebuild() {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(rebuild).timeout(Duration.ofHours(1))
                    .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The rebuild answered " + response.statusCode() + ": " + response.body());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long replayed = Api.JSON.readTree(response.body()).path("eventsReplayed").asLong();
            return new Result(replayed, seconds, replayed / seconds, (long) number("select count(*) from case_view"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double number(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
