package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.caseswarm.testing.TestDatabase;

/**
 * What PostgreSQL itself does on this machine with the transaction a case intake makes, without any
 * service around it: 8 clients, each transaction checking the stream's version, appending one event
 * (the event store's own table, from the platform's migrations), sending the relay's NOTIFY and
 * inserting one row of the case read model (case-service's first migration), then committing with
 * the server's durable defaults. The baseline P1 is judged against.
 */
final class JdbcAppendBaseline {

    static final int CLIENTS = 8;

    record Result(double perSecond, LatencySeries latency, String serverVersion) {
    }

    private JdbcAppendBaseline() {
    }

    static Result run(Path root, Duration warmUp, Duration timed) {
        try (TestDatabase database = TestDatabase.create("caseswarm_bench_baseline")) {
            String version = createSchema(database, root);
            LatencySeries ignored = new LatencySeries("warm-up");
            drive(database, warmUp, ignored);
            LatencySeries latency = new LatencySeries("JDBC append + projection, " + CLIENTS + " clients");
            long transactions = drive(database, timed, latency);
            return new Result(transactions / (timed.toMillis() / 1000.0), latency, version);
        }
    }

    /** Creates the tables and returns the server's version. */
    private static String createSchema(TestDatabase database, Path root) {
        List<Path> migrations = List.of(
                root.resolve("event-platform/src/main/resources/db/platform/V0_1__event_store.sql"),
                root.resolve("event-platform/src/main/resources/db/platform/V0_2__trace_context.sql"),
                root.resolve("case-service/src/main/resources/db/migration/V1__case_view.sql"));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (Path migration : migrations) {
                statement.execute(Files.readString(migration));
            }
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the baseline's tables", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every client, on a connection of its own, commits intakes back to back for {@code length}; returns how many. */
    private static long drive(TestDatabase database, Duration length, LatencySeries latency) {
        List<Connection> opened = new CopyOnWriteArrayList<>();
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> open(database, opened));
        try {
            return LoadLoops.closed(CLIENTS, length, latency, i -> intake(connection.get()));
        } finally {
            for (Connection one : opened) {
                try {
                    one.close();
                } catch (SQLException e) {
                    // the run is over; a connection that will not close goes with the database
                }
            }
        }
    }

    private static Connection open(TestDatabase database, List<Connection> opened) {
        try {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            opened.add(connection);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("The JDBC baseline cannot connect", e);
        }
    }

    private static void intake(Connection connection) throws SQLException {
        UUID caseId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement version = connection.prepareStatement(
                "select max(version) from events where stream_id = any(?)")) {
            version.setArray(1, connection.createArrayOf("text", new String[] { caseId.toString() }));
            version.executeQuery().close();
        }
        try (PreparedStatement event = connection.prepareStatement("insert into events (event_id, stream_type, stream_id,"
                + " version, event_type, schema_version, payload, occurred_at, trace_parent)"
                + " values (?, 'case', ?, 1, 'case-opened', 1, cast(? as jsonb), ?, null) returning position")) {
            event.setObject(1, UUID.randomUUID());
            event.setString(2, caseId.toString());
            event.setString(3, payload(caseId));
            event.setTimestamp(4, now);
            event.executeQuery().close();
        }
        try (Statement notify = connection.createStatement()) {
            notify.execute("select pg_notify('caseswarm_events_appended', '')");
        }
        try (PreparedStatement view = connection.prepareStatement("insert into case_view (id, number, subject, description,"
                + " customer_id, customer_name, customer_email, channel, product, priority, status, opened_at, updated_at,"
                + " version) values (?, 'CS-' || lpad(nextval('case_number')::text, 6, '0'), ?, ?, 'cust-1', 'Ada Lovelace',"
                + " 'ada@example.com', 'api', 'Billing Cloud', 'normal', 'new', ?, ?, 1)")) {
            view.setObject(1, caseId);
            view.setString(2, "Invoices fail to sync");
            view.setString(3, "Since Monday the nightly invoice sync stops at 40% and no invoices reach the ledger.");
            view.setTimestamp(4, now);
            view.setTimestamp(5, now);
            view.executeUpdate();
        }
        connection.commit();
    }

    /** A case-opened payload of the size the service writes. */
    private static String payload(UUID caseId) {
        return """
                {"caseId":"%s","number":"CS-000001","subject":"Invoices fail to sync",\
                "description":"Since Monday the nightly invoice sync stops at 40%% and no invoices reach the ledger.",\
                "customer":{"id":"cust-1","name":"Ada Lovelace","email":"ada@example.com"},"channel":"api",\
                "product":"Billing Cloud","priority":"normal","ownerId":null,"openedBy":"lea.park","tags":[]}"""
                .formatted(caseId);
    }
}
