package io.knobwright.connectors.postgres.index;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.workload.ExplainableQuery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code EXPLAIN (FORMAT JSON, VERBOSE)} of a workload query, as PostgresPlanCapture explains one (generic plan with
 * NULL arguments for $n, read-only transaction rolled back, statement timeout), with VERBOSE so that each scan names
 * its schema and each filter qualifies its columns. Used on the monitored server and on the sandbox alike.
 */
final class VerboseExplain {

    static final int TIMEOUT_MS = 5_000;
    private static final String PREPARED_NAME = "knobwright_index_advice";

    private VerboseExplain() {
    }

    /**
     * @throws ConnectorException when the query is not one to explain, or the server could not plan it
     */
    static String explain(Connection connection, String query) {
        List<String> why = new ArrayList<>(1);
        ExplainableQuery q = ExplainableQuery.of(query, why::add)
                .orElseThrow(() -> ConnectorException.badInput("Not explained: " + why.getFirst() + ".", null));
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + TIMEOUT_MS);
                try {
                    if (q.parameters() == 0) {
                        return single(st, "EXPLAIN (FORMAT JSON, VERBOSE) " + q.text());
                    }
                    st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    st.execute("PREPARE " + PREPARED_NAME + " AS " + q.text());
                    StringJoiner nulls = new StringJoiner(", ", "(", ")");
                    for (int i = 0; i < q.parameters(); i++) {
                        nulls.add("NULL");
                    }
                    return single(st, "EXPLAIN (FORMAT JSON, VERBOSE) EXECUTE " + PREPARED_NAME + nulls);
                } finally {
                    connection.rollback();
                    forgetPrepared(connection);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ConnectorException("PostgreSQL could not explain the query (" + message.lines().findFirst()
                    .orElse(message) + ").", e);
        }
    }

    /** A prepared statement outlives a rolled-back transaction; it is dropped so the next query can be prepared. */
    private static void forgetPrepared(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_prepared_statements WHERE name = '" + PREPARED_NAME + "'")) {
            if (!rs.next()) {
                return;
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("DEALLOCATE " + PREPARED_NAME);
        }
        connection.rollback();
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("EXPLAIN returned no row");
            }
            return rs.getString(1);
        }
    }
}
