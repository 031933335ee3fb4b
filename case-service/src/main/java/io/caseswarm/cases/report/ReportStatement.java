package io.caseswarm.cases.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.caseswarm.cases.report.PeriodReport.Spread;
import io.caseswarm.platform.store.EventStoreException;

/**
 * A report's statement with its parameters: the filter's conditions follow the text it is given, so a report adds
 * grouping and ordering after them. Values are always parameters, never SQL.
 */
final class ReportStatement {

    private final StringBuilder text;
    private final List<Object> params;

    /** On cases, report_case as {@code c}. */
    ReportStatement(String text, ReportFilter filter) {
        this(text, List.of(), filter);
    }

    /** On cases, report_case as {@code c}. */
    ReportStatement(String text, List<Object> params, ReportFilter filter) {
        this(text, params, filter, "c");
    }

    private ReportStatement(String text, List<Object> params, ReportFilter filter, String alias) {
        this.params = new ArrayList<>(params);
        this.text = new StringBuilder(text).append(filter.where(alias, this.params));
    }

    /** On what happened to cases, report_happening as {@code h}, by the cases' attributes it carries. */
    static ReportStatement onHappenings(String text, List<Object> params, ReportFilter filter) {
        return new ReportStatement(text, params, filter, "h");
    }

    /** One more condition, with its value. */
    ReportStatement and(String condition, Object value) {
        text.append(" and ").append(condition);
        params.add(value);
        return this;
    }

    ReportStatement then(String more) {
        text.append(more);
        return this;
    }

    <T> List<T> list(Connection connection, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        each(connection, rows -> found.add(row.read(rows)));
        return found;
    }

    <T> T first(Connection connection, Row<T> row) throws SQLException {
        return list(connection, row).getFirst();
    }

    void each(Connection connection, RowAction action) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, switch (params.get(i)) {
                    case Instant instant -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
                    // Typed as timestamptz[] when bound: a text[] cast in the statement would be parsed again per row.
                    case Instant[] instants -> connection.createArrayOf("timestamptz",
                            Arrays.stream(instants).map(Instant::toString).toArray());
                    case Object other -> other;
                });
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(rows);
                }
            }
        }
    }

    /** The columns {@link #spreadAt} reads: how many of {@code value} meet {@code condition}, their median and p90. */
    static String spread(String value, String condition) {
        return ("count(*) filter (where %2$s), percentile_cont(0.5) within group (order by %1$s) filter (where %2$s),"
                + " percentile_cont(0.9) within group (order by %1$s) filter (where %2$s)").formatted(value, condition);
    }

    /** The {@link #spread} whose count is at {@code column}. */
    static Spread spreadAt(ResultSet rows, int column) throws SQLException {
        long count = rows.getLong(column);
        return new Spread(count, count == 0 ? null : rows.getDouble(column + 1),
                count == 0 ? null : rows.getDouble(column + 2));
    }

    /**
     * Runs a report's statements in one read-only, repeatable-read transaction: one snapshot of the read model, so
     * the report's figures agree with each other while events keep arriving.
     */
    static <T> T inSnapshot(DataSource dataSource, SnapshotWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not read the reports", e);
        }
    }

    @FunctionalInterface
    interface SnapshotWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet rows) throws SQLException;
    }
}
