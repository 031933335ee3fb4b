package io.caseswarm.cases.report;

import java.util.List;

/**
 * Which cases a report counts, by what they are now: null counts every value. Values are as the API names them
 * ({@code high}, {@code email}).
 */
public record ReportFilter(String priority, String channel, String product, String group, String owner) {

    public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null);

    /**
     * The filter as SQL conditions on {@code alias}, report_case or report_happening (which carry the same columns),
     * each value added to {@code params}.
     */
    String where(String alias, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        condition(sql, params, alias + ".priority", priority);
        condition(sql, params, alias + ".channel", channel);
        condition(sql, params, alias + ".product", product);
        condition(sql, params, alias + ".group_id", group);
        condition(sql, params, alias + ".owner_id", owner);
        return sql.toString();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
