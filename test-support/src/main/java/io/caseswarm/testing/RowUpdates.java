package io.caseswarm.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the updates of a table's rows while it is open, by a trigger that notes the key of each row updated: for
 * tests that a projection writes a row once, rather than inserting it and rewriting it in the same transaction.
 * The trigger runs in the writer's transaction, so once a row is visible its updates so far are counted.
 */
public final class RowUpdates implements AutoCloseable {

    private final Connection connection;
    private final String table;

    private RowUpdates(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    /** Starts counting; {@code table} and {@code keyColumn} are the test's own constants, never input. */
    public static RowUpdates watch(Connection connection, String table, String keyColumn) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists updated_%s (key text)".formatted(table));
            sql.execute("""
                    create or replace function note_updated_%1$s() returns trigger language plpgsql as $$
                    begin insert into updated_%1$s values (new.%2$s::text); return new; end $$""".formatted(table, keyColumn));
            sql.execute("""
                    create or replace trigger %1$s_updated after update on %1$s
                    for each row execute function note_updated_%1$s()""".formatted(table));
        }
        return new RowUpdates(connection, table);
    }

    /** How often the row keyed {@code key} was updated since counting started. */
    public int of(Object key) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from updated_%s where key = ?".formatted(table))) {
            count.setString(1, key.toString());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Stops counting; the table of counts stays for the next test, keyed by other rows. */
    @Override
    public void close() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop trigger %1$s_updated on %1$s".formatted(table));
        }
    }
}
