package io.caseswarm.experts.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * How fast the expert index answers "the top 10 for 5 skills", beside the same ranking as one SQL
 * {@code ORDER BY score LIMIT 10} over the same rows in the same PostgreSQL. Not a test (its name keeps it out of
 * the suite); run it with {@code ./caseswarm bench finder} or:
 *
 * <pre>./mvnw -B -q -pl expert-finder-service test -Dtest=ExpertFinderBench -DargLine=-Xmx6g
 *     [-Dbench.people=10000,100000,1000000 -Dbench.queries=1000 -Dbench.sqlQueries=100 -Dbench.import=100000]</pre>
 *
 * For each size, N people with 5–15 skills each (of 300, Zipf-skewed: a few common, most rare), levels 1–5,
 * mixed presence, capacity and time zones, and about a third carrying one or two swarms, are written straight
 * into the tables ({@code COPY}); the index is built from them as at a start ({@link DirectoryTables}), timed,
 * and its heap measured; then random 5-skill requests (drawn with the same skew) are timed through the index's
 * own call and through SQL, and the two top-10s compared. Then {@code bench.import} new people go in through
 * {@code POST /people/import}, timed: people per second. Written to {@code target/expert-finder-bench.txt}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
public class ExpertFinderBench {

    static final int VOCABULARY = 300;
    static final String[] ZONES = { "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Tokyo",
            "America/Sao_Paulo" };
    static final String[] PRESENCES = { "AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE", "BUSY",
            "BUSY", "AWAY", "OFFLINE" };

    /** The same ranking as CandidateScoring, as one query: what a service without the index would run. */
    private static final String SQL_TOP = """
            with needed as (select unnest(?::text[]) as name),
            loads as (select person_id, count(*) as load from expert_assignment group by person_id),
            people as (
              select e.person_id, e.capacity, coalesce(l.load, 0) as load,
                (select coalesce(sum((s->>'level')::int), 0) from jsonb_array_elements(e.skills) s
                   join needed on needed.name = s->>'name') as level_sum,
                case e.presence when 'AVAILABLE' then 1.0 when 'BUSY' then 0.4 when 'AWAY' then 0.1 else 0 end
                  * case when (case when e.work_start <= e.work_end
                       then (?::timestamptz at time zone e.time_zone)::time between e.work_start and e.work_end
                       else (?::timestamptz at time zone e.time_zone)::time >= e.work_start
                         or (?::timestamptz at time zone e.time_zone)::time <= e.work_end end)
                    then 1.0 else 0.5 end as availability
              from expert_profile e left join loads l on l.person_id = e.person_id
              where e.presence <> 'OFFLINE')
            select person_id, round(0.6 * level_sum / 5.0 / ? + 0.25 * availability
                   + 0.15 * (capacity - load)::numeric / capacity, 3) as score
            from people where level_sum > 0 and load < capacity
            order by score desc, person_id limit 10
            """;

    @Inject
    DataSource dataSource;
    @Inject
    DirectoryTables tables;
    LocalIssuer issuer;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.people", "10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int queries = Integer.getInteger("bench.queries", 1000);
        int sqlQueries = Integer.getInteger("bench.sqlQueries", 20);
        Instant now = Instant.parse("2026-12-02T14:30:00Z");
        line("Expert finder bench: top-10 for 5 random skills (Zipf over %d skills), %d index queries and up to %d"
                .formatted(VOCABULARY, queries, sqlQueries) + " SQL queries per size; JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        line("%10s %9s %9s %9s %9s %9s %9s %9s %8s %8s".formatted("people", "build ms", "heap MB", "idx p50",
                "idx p99", "sql p50", "sql p99", "p50 x", "p99 x", "same"));
        for (int size : sizes) {
            load(size);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            ExpertIndex index = new ExpertIndex();
            tables.readAll(index::put, index::addLoad);
            long buildMs = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long heapMb = (runtime.totalMemory() - runtime.freeMemory() - before) / (1 << 20);

            Random random = new Random(size);
            List<List<String>> requests = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                requests.add(request(random));
            }
            for (int i = 0; i < 2000; i++) { // warmed up (compiled), as a running service is
                index.top(request(random), Set.of(), Set.of(), null, 10, now);
            }
            long[] indexNanos = new long[queries];
            List<List<Candidate>> answers = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                answers.add(index.top(requests.get(i), Set.of(), Set.of(), null, 10, now));
                indexNanos[i] = System.nanoTime() - t;
            }
            int sqlCount = Math.min(sqlQueries, queries);
            long[] sqlNanos = new long[sqlCount];
            int same = 0;
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement top = connection.prepareStatement(SQL_TOP)) {
                for (int i = 0; i < sqlCount; i++) {
                    long t = System.nanoTime();
                    List<String> sqlIds = sqlTop(connection, top, requests.get(i), now);
                    sqlNanos[i] = System.nanoTime() - t;
                    if (sqlIds.equals(answers.get(i).stream().map(Candidate::personId).toList())) {
                        same++;
                    }
                }
            }
            double idx50 = percentile(indexNanos, 50), idx99 = percentile(indexNanos, 99);
            double sql50 = percentile(sqlNanos, 50), sql99 = percentile(sqlNanos, 99);
            line("%10d %9d %9d %9.3f %9.3f %9.1f %9.1f %8.0fx %7.0fx %4d/%d".formatted(size, buildMs, heapMb, idx50,
                    idx99, sql50, sql99, sql50 / idx50, sql99 / idx99, same, sqlCount));
        }
        line("(times in ms; 'same': SQL top-10 ids equal to the index's, in order)");
        int imported = Integer.getInteger("bench.import", 100_000);
        if (imported > 0) {
            importPeople(imported);
        }
        Files.writeString(Path.of("target/expert-finder-bench.txt"), report.toString());
    }

    /**
     * POST /people/import of {@code count} new people, 10,000 lines to a request as an HR sync would send them, each
     * line validated, appended as expert-registered (published through the outbox meanwhile) and projected; after a
     * warm-up of a fifth as many others, untimed, so that the figure is the service's steady rate rather than its
     * JIT compiler's. The bodies are written before the clock starts and sent by the JDK's plain HTTP client, so
     * that what is timed is the service's work, not the making of the test data.
     */
    private void importPeople(int count) throws Exception {
        String token = issuer.issue("hr-sync", Roles.INTEGRATION);
        HttpClient client = HttpClient.newHttpClient();
        send(client, token, bodies("warm-up-", count / 5));
        List<String> bodies = bodies("imported-", count);
        long start = System.nanoTime();
        int applied = send(client, token, bodies);
        double seconds = (System.nanoTime() - start) / 1e9;
        line("POST /people/import: %d of %d people applied in %.1f s: %.0f people/second (after %d to warm up)"
                .formatted(applied, count, seconds, applied / seconds, count / 5));
    }

    /** NDJSON of {@code count} new people, 10,000 to a body. */
    private static List<String> bodies(String idPrefix, int count) {
        Random random = new Random(7);
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < count; from += 10_000) {
            StringBuilder body = new StringBuilder();
            for (int i = from; i < Math.min(count, from + 10_000); i++) {
                body.append("{\"id\":\"").append(idPrefix).append(i).append("\",\"name\":\"Person ").append(i)
                        .append("\",\"email\":\"i").append(i).append("@example.com\",\"timeZone\":\"")
                        .append(ZONES[random.nextInt(ZONES.length)])
                        .append("\",\"workingHours\":{\"start\":\"09:00\",\"end\":\"17:30\"},\"skills\":")
                        .append(skillsJson(random)).append(",\"capacity\":").append(1 + random.nextInt(5))
                        .append("}\n");
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    /** Posts each body in turn; how many people were applied. */
    private static int send(HttpClient client, String token, List<String> bodies) throws Exception {
        URI importing = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/people/import");
        int applied = 0;
        for (String body : bodies) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(importing)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("import answered " + response.statusCode() + ": " + response.body());
            }
            applied += io.restassured.path.json.JsonPath.from(response.body()).getInt("applied");
        }
        return applied;
    }

    private void load(int size) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate expert_profile, expert_assignment");
            // Not noted in directory_change: the service's own index would read a million people again meanwhile.
            statement.execute("set session_replication_role = replica");
            PGConnection pg = connection.unwrap(PGConnection.class);
            Random random = new Random(42);
            copy(pg, "copy expert_profile (person_id, name, email, time_zone, work_start, work_end, skills, capacity,"
                    + " presence, updated_at) from stdin", size, (i, row) -> row.append("bench-").append(i)
                            .append("\tPerson ").append(i).append("\tp").append(i).append("@example.com\t")
                            .append(ZONES[random.nextInt(ZONES.length)])
                            .append(random.nextInt(10) == 0 ? "\t22:00\t06:00\t" : "\t09:00\t17:30\t")
                            .append(skillsJson(random)).append('\t').append(1 + random.nextInt(5)).append('\t')
                            .append(PRESENCES[random.nextInt(PRESENCES.length)]).append("\t2026-12-01T00:00:00Z\n"));
            copy(pg, "copy expert_assignment (swarm_id, person_id, status) from stdin", size, (i, row) -> {
                int swarms = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
                for (int s = 0; s < swarms; s++) {
                    row.append(new java.util.UUID(i, s)).append("\tbench-").append(i).append("\tjoined\n");
                }
            });
            statement.execute("set session_replication_role = origin");
            statement.execute("analyze expert_profile");
            statement.execute("analyze expert_assignment");
        }
    }

    private static void copy(PGConnection pg, String sql, int size, RowWriter writer) throws Exception {
        CopyIn copy = pg.getCopyAPI().copyIn(sql);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < size; i++) {
            writer.write(i, rows);
            if (rows.length() > 1 << 20 || i == size - 1) {
                byte[] bytes = rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                rows.setLength(0);
            }
        }
        copy.endCopy();
    }

    private static List<String> sqlTop(Connection connection, PreparedStatement top, List<String> skills, Instant now)
            throws Exception {
        top.setArray(1, connection.createArrayOf("text", skills.toArray()));
        top.setObject(2, now.toString(), java.sql.Types.OTHER);
        top.setObject(3, now.toString(), java.sql.Types.OTHER);
        top.setObject(4, now.toString(), java.sql.Types.OTHER);
        top.setInt(5, skills.size());
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = top.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** 5 distinct skills, drawn with the directory's skew. */
    static List<String> request(Random random) {
        Set<String> skills = new LinkedHashSet<>();
        while (skills.size() < 5) {
            skills.add(skill(random));
        }
        return List.copyOf(skills);
    }

    static String skillsJson(Random random) {
        Set<String> names = new LinkedHashSet<>();
        int count = 5 + random.nextInt(11);
        while (names.size() < count) {
            names.add(skill(random));
        }
        StringBuilder json = new StringBuilder("[");
        for (String name : names) {
            json.append(json.length() > 1 ? "," : "").append("{\"name\":\"").append(name).append("\",\"level\":")
                    .append(1 + random.nextInt(5)).append('}');
        }
        return json.append(']').toString();
    }

    private static final double[] ZIPF = zipf();

    private static double[] zipf() {
        double[] cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    static String skill(Random random) {
        int found = Arrays.binarySearch(ZIPF, random.nextDouble());
        return "skill-" + (found >= 0 ? found : Math.min(VOCABULARY - 1, -found - 1));
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int i, StringBuilder rows);
    }
}
