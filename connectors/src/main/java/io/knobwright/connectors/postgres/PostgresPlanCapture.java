package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.workload.CapturedPlan;
import io.knobwright.model.workload.ExplainableQuery;
import io.knobwright.model.workload.PlanShape;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * EXPLAIN (FORMAT JSON) of a query as pg_stat_statements or a log recorded it, on a monitored PostgreSQL server.
 * Parameters ({@code $1}, ...) are unknown, so the plan is the generic one: the query is prepared and its generic plan
 * explained with NULL arguments ({@code plan_cache_mode = force_generic_plan}), which plans as PostgreSQL 16's
 * {@code EXPLAIN (GENERIC_PLAN)} does and works on every version (GENERIC_PLAN itself cannot go through the JDBC
 * driver: the driver's extended protocol would have to bind the $n the statement holds). Nothing is executed: no
 * ANALYZE, a read-only transaction that is rolled back, a statement timeout, and only one plain query is accepted
 * ({@link ExplainableQuery}). Monitoring privileges suffice for the tables the query reads.
 */
public final class PostgresPlanCapture {

    /** Planning a query takes milliseconds; one that takes longer is not worth holding the connection for. */
    public static final int TIMEOUT_MS = 5_000;

    /**
     * Explains one query.
     *
     * @param connection a connection to the server, in auto-commit mode (it is left as it was found)
     * @throws ConnectorException when the query cannot be explained: what the server or the check said
     */
    public CapturedPlan capture(Connection connection, long instanceId, String queryKey, String query, Instant at) {
        Objects.requireNonNull(connection, "connection");
        List<String> why = new ArrayList<>(1);
        ExplainableQuery explainable = ExplainableQuery.of(query, why::add)
                .orElseThrow(() -> ConnectorException.badInput("Not explained: " + why.getFirst() + ".", null));
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + TIMEOUT_MS);
                boolean prepared = explainable.parameters() > 0;
                try {
                    String json = prepared ? explainPrepared(st, explainable) : explain(st, explainable);
                    return new CapturedPlan(instanceId, queryKey, explainable.text(), at, explainable.parameters() > 0,
                            PlanShape.ofExplainJson(json), json);
                } finally {
                    connection.rollback();
                    if (prepared) {
                        forgetPrepared(connection);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ConnectorException("PostgreSQL could not explain the query (" + firstLine(e) + "). It may refer"
                    + " to objects the monitoring user cannot see, or to a temporary table that is gone.", e);
        }
    }

    /** One query to explain: what identifies it across captures, and its text. */
    public record Wanted(String queryKey, String query) {
    }

    /** What became of one wanted query: its plan, or why there is none. */
    public record Captured(Wanted wanted, CapturedPlan plan, String failure) {
    }

    /**
     * Connects to the server (the same gate and timeouts as every connection) and explains each query in turn; one
     * that cannot be explained does not stop the others.
     *
     * @throws ConnectorException when the server cannot be reached
     */
    public List<Captured> captureAll(io.knobwright.connectors.ConnectionTarget target,
                                     io.knobwright.connectors.jdbc.ConnectorTimeouts timeouts, long instanceId,
                                     List<Wanted> wanted, Instant at) {
        io.knobwright.connectors.jdbc.JdbcGate.Admitted admitted = io.knobwright.connectors.jdbc.JdbcGate.admit(
                io.knobwright.connectors.jdbc.PostgresDialect.INSTANCE, target, timeouts);
        try (Connection connection = admitted.connect()) {
            List<Captured> out = new ArrayList<>(wanted.size());
            for (Wanted w : wanted) {
                try {
                    out.add(new Captured(w, capture(connection, instanceId, w.queryKey(), w.query(), at), null));
                } catch (ConnectorException e) {
                    out.add(new Captured(w, null, e.getMessage()));
                }
            }
            return out;
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    private static String explain(Statement st, ExplainableQuery q) throws SQLException {
        return single(st, "EXPLAIN (FORMAT JSON) " + q.text());
    }

    private static final String PREPARED_NAME = "knobwright_plan_capture";

    /** The generic plan of the query prepared, explained with NULL arguments. */
    private static String explainPrepared(Statement st, ExplainableQuery q) throws SQLException {
        st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        st.execute("PREPARE " + PREPARED_NAME + " AS " + q.text());
        StringJoiner nulls = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < q.parameters(); i++) {
            nulls.add("NULL");
        }
        return single(st, "EXPLAIN (FORMAT JSON) EXECUTE " + PREPARED_NAME + nulls);
    }

    /**
     * A prepared statement outlives the transaction it was made in, even one rolled back: it is dropped after the
     * rollback, when there is one, so the next capture on this connection can prepare its own.
     */
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

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
