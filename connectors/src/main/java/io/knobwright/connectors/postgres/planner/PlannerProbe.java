package io.knobwright.connectors.postgres.planner;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.postgres.PostgresFailures;
import io.knobwright.connectors.postgres.SessionSettingCheck;
import io.knobwright.model.workload.ExplainableQuery;
import io.knobwright.model.workload.PlanShape;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Judges a planner setting per query by asking the server's own planner: the query is explained under settings A and
 * then under settings B, each inside its own transaction with {@code set_config(name, value, true)} (what
 * {@code SET LOCAL} does, with the value passed as a bound parameter, so no value can end the statement), and each
 * transaction is rolled back. Settings that act through the planner are judged this way, never by a global rule
 * (issue 13); settings that need a reload or a restart cannot be set in a transaction and are refused.
 *
 * <p>Nothing of a hostile statement is executed: only one SELECT, WITH, INSERT, UPDATE or DELETE is accepted
 * ({@link ExplainableQuery} checks there is nothing after it); without ANALYZE the transaction is read-only and EXPLAIN
 * only plans. With ANALYZE the query runs: a SELECT still in a read-only transaction, a write in a read-write one that
 * is always rolled back, both under a statement timeout. Sequence increments and writes that functions make outside
 * the transaction (dblink, say) are not undone by a rollback; ANALYZE of such statements is the caller's choice.
 */
public final class PlannerProbe {

    /** Planning takes milliseconds; a query run with ANALYZE may take longer but not forever. */
    public static final int PLAN_TIMEOUT_MS = 5_000;
    public static final int ANALYZE_TIMEOUT_MS = 60_000;

    private static final Set<String> FIRST_WORDS = Set.of("select", "with", "insert", "update", "delete");
    /** User-context settings that would change the probe's own transaction rather than the plan. */
    private static final Set<String> TRANSACTION_SETTINGS = Set.of("transaction_read_only", "transaction_isolation",
            "transaction_deferrable", "default_transaction_read_only", "default_transaction_isolation",
            "default_transaction_deferrable", "statement_timeout");
    private static final String PREPARED = "knobwright_planner_probe";

    /**
     * One query to judge.
     *
     * @param query      a single SELECT, WITH, INSERT, UPDATE or DELETE, with {@code $1..$n} for its parameters
     * @param parameters the values of {@code $1..$n} as text (null for NULL); the server types them as the query needs
     * @param settingsA  the first configuration (name -> value), usually the current one (may be empty)
     * @param settingsB  the second configuration
     * @param analyze    run the query (EXPLAIN ANALYZE) in the rolled-back transaction, for actual times
     */
    public record Request(String query, List<String> parameters, Map<String, String> settingsA,
                          Map<String, String> settingsB, boolean analyze) {
        public Request {
            Objects.requireNonNull(query, "query");
            parameters = parameters == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
            settingsA = Map.copyOf(settingsA);
            settingsB = Map.copyOf(settingsB);
        }

        public static Request plan(String query, Map<String, String> settingsA, Map<String, String> settingsB) {
            return new Request(query, List.of(), settingsA, settingsB, false);
        }
    }

    /**
     * The planner's answer under both configurations.
     *
     * @param changed   the plans run the query differently (different node types, join order or indexes)
     * @param actualMsA the measured execution time with ANALYZE, NaN without
     * @param summary   "plan changes: Seq Scan on orders → Index Scan using orders_pkey; cost 1820 → 43"
     */
    public record PlanComparison(String query, PlanShape shapeA, PlanShape shapeB, boolean changed, double costA,
                                 double costB, double actualMsA, double actualMsB, String summary) {
        public PlanComparison {
            Objects.requireNonNull(shapeA, "shapeA");
            Objects.requireNonNull(shapeB, "shapeB");
        }
    }

    /**
     * Connects (the same gate and timeouts as every connection), compares, and disconnects.
     *
     * @throws ConnectorException when the server cannot be reached, a setting is refused or the query cannot be planned
     */
    public PlanComparison compare(ConnectionTarget target, ConnectorTimeouts timeouts, Request request) {
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts);
        Connection connection;
        try {
            connection = admitted.connect();
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
        try (connection) {
            return compare(connection, request);
        } catch (SQLException closing) {
            throw new ConnectorException("The connection to PostgreSQL failed while closing: " + firstLine(closing), closing);
        }
    }

    /**
     * Compares on a connection the caller owns (in auto-commit mode; it is left as it was found).
     *
     * @throws ConnectorException of kind INPUT when the query or a setting is refused (nothing was sent to the server
     *                            but the settings' look-up); otherwise what the server said
     */
    public PlanComparison compare(Connection connection, Request request) {
        Objects.requireNonNull(connection, "connection");
        ExplainableQuery query = accepted(request.query());
        if (query.parameters() != request.parameters().size()) {
            throw ConnectorException.badInput("The query refers to " + query.parameters() + " parameter(s) ($1..$"
                    + query.parameters() + ") and " + request.parameters().size() + " value(s) were given.", null);
        }
        try {
            Set<String> names = new LinkedHashSet<>(request.settingsA().keySet());
            names.addAll(request.settingsB().keySet());
            checkSettings(connection, names);
            boolean writes = !"select".equals(firstWord(query.text()));
            Explained a = explain(connection, query, request, request.settingsA(), writes);
            Explained b = explain(connection, query, request, request.settingsB(), writes);
            boolean changed = a.shape.differsFrom(b.shape);
            return new PlanComparison(query.text(), a.shape, b.shape, changed, a.shape.cost(), b.shape.cost(),
                    a.actualMs, b.actualMs, summary(a, b, changed));
        } catch (SQLException e) {
            throw new ConnectorException("PostgreSQL could not plan the query (" + firstLine(e) + ").", e);
        }
    }

    private static ExplainableQuery accepted(String text) {
        List<String> why = new ArrayList<>(1);
        ExplainableQuery query = ExplainableQuery.of(text, why::add).orElseThrow(
                () -> ConnectorException.badInput("Not explained: " + why.getFirst() + ".", null));
        String first = firstWord(query.text());
        if (!FIRST_WORDS.contains(first)) {
            throw ConnectorException.badInput("Not explained: only a single SELECT, WITH, INSERT, UPDATE or DELETE is"
                    + " compared, not " + first.toUpperCase(Locale.ROOT) + ".", null);
        }
        return query;
    }

    /**
     * Each name must be a setting the server knows that a session may change in a transaction (context "user"); the
     * others need a reload, a restart or a superuser and are refused with their context, which says why.
     */
    private static void checkSettings(Connection connection, Set<String> names) throws SQLException {
        for (String name : names) {
            if (TRANSACTION_SETTINGS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                throw ConnectorException.badInput("'" + name + "' governs the probe's own transaction, not the plan;"
                        + " it cannot be compared here.", null);
            }
        }
        SessionSettingCheck.requireSessionLevel(connection, names, "Only planner and session settings are compared"
                + " per query.");
    }

    private record Explained(PlanShape shape, double actualMs) {
    }

    private static Explained explain(Connection connection, ExplainableQuery query, Request request,
                                     Map<String, String> settings, boolean writes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        boolean prepared = false;
        try {
            try (Statement st = connection.createStatement()) {
                // before anything else runs in the transaction: a read-only one cannot be made read-write later
                st.execute(request.analyze() && writes ? "SET TRANSACTION READ WRITE" : "SET TRANSACTION READ ONLY");
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
                for (Map.Entry<String, String> s : settings.entrySet()) {
                    ps.setString(1, s.getKey().strip().toLowerCase(Locale.ROOT));
                    ps.setString(2, s.getValue());
                    ps.executeQuery().close();
                }
            } catch (SQLException e) {
                throw ConnectorException.badInput("PostgreSQL refused a value (" + firstLine(e) + ").", e);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL statement_timeout = " + (request.analyze() ? ANALYZE_TIMEOUT_MS : PLAN_TIMEOUT_MS));
                String options = request.analyze() ? "(ANALYZE, FORMAT JSON)" : "(FORMAT JSON)";
                String json;
                if (query.parameters() == 0) {
                    json = single(st, "EXPLAIN " + options + " " + query.text());
                } else {
                    // the values are bound as literals of unknown type, so the server types them as the query needs;
                    // a custom plan for these values, as the application's own execution would get
                    st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    st.execute("PREPARE " + PREPARED + " AS " + query.text());
                    prepared = true;
                    StringJoiner values = new StringJoiner(", ", "(", ")");
                    for (String value : request.parameters()) {
                        values.add(literal(value));
                    }
                    json = single(st, "EXPLAIN " + options + " EXECUTE " + PREPARED + values);
                }
                return new Explained(PlanShape.ofExplainJson(json), request.analyze() ? actualMs(json) : Double.NaN);
            }
        } finally {
            connection.rollback();
            if (prepared) {
                // a prepared statement outlives a rolled-back transaction
                try (Statement st = connection.createStatement()) {
                    st.execute("DEALLOCATE " + PREPARED);
                }
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A quoted literal; E'' is avoided, so only the quote needs doubling (standard_conforming_strings is on since 9.1). */
    static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.indexOf('\0') >= 0) {
            throw ConnectorException.badInput("A parameter value holds a NUL character, which PostgreSQL text cannot.", null);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static double actualMs(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            com.fasterxml.jackson.databind.JsonNode top = root.get(0);
            return top.path("Plan").path("Actual Total Time").asDouble(Double.NaN);
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    /** "plan changes: Seq Scan on orders → Index Scan using orders_pkey; cost 1820 → 43". */
    static String summary(Explained a, Explained b, boolean changed) {
        StringBuilder out = new StringBuilder();
        if (changed) {
            List<String> linesA = nodes(a.shape.outline());
            List<String> linesB = nodes(b.shape.outline());
            List<String> gone = new ArrayList<>(linesA);
            linesB.forEach(gone::remove);
            List<String> came = new ArrayList<>(linesB);
            linesA.forEach(came::remove);
            if (gone.isEmpty() && came.isEmpty()) {
                out.append("plan changes: the same nodes in another order (join order)");
            } else {
                out.append("plan changes: ").append(gone.isEmpty() ? "(nothing)" : String.join(", ", gone))
                        .append(" → ").append(came.isEmpty() ? "(nothing)" : String.join(", ", came));
            }
        } else {
            out.append("same plan");
        }
        out.append("; cost ").append(number(a.shape.cost())).append(" → ").append(number(b.shape.cost()));
        if (Double.isFinite(a.actualMs) && Double.isFinite(b.actualMs)) {
            out.append("; actual ").append(String.format(Locale.ROOT, "%.2f ms → %.2f ms", a.actualMs, b.actualMs));
        }
        return out.toString();
    }

    private static List<String> nodes(String outline) {
        List<String> out = new ArrayList<>();
        outline.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }

    private static String number(double cost) {
        return cost >= 100 ? String.format(Locale.ROOT, "%.0f", cost) : String.format(Locale.ROOT, "%.2f", cost);
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && !Character.isLetter(text.charAt(i))) {
            i = skipNoise(text, i);
        }
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Past a comment or one character of whitespace or parenthesis before the first word. */
    private static int skipNoise(String text, int i) {
        if (text.startsWith("--", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("/*", i)) {
            int depth = 0;
            int j = i;
            while (j < text.length()) {
                if (text.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (text.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return text.length();
        }
        return i + 1;
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
