package io.knobwright.connectors.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import io.knobwright.model.workload.ExplainableQuery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs each SQL statement of a script once under EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) and reads what it
 * needed: time, pages, sort and hash memory, spills, WAL. The {@code \set} lines are evaluated once (one client,
 * a fixed seed), so every statement runs with real values. Each script alternative runs in one transaction that is
 * rolled back, so writes leave no trace, and later statements still see earlier ones' rows as the script would;
 * the session settings are set before that transaction, so that the rollback does not undo them. Transaction
 * control (BEGIN, END, ...) and statements EXPLAIN cannot take are listed with the reason they were skipped; a
 * statement the server refuses is rolled back to a savepoint and listed with the server's message.
 */
public final class StatementProfiler {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("begin", "start", "end", "commit", "rollback",
            "abort", "savepoint", "release");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadDriver.Connections connections;

    public StatementProfiler(LoadDriver.Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * One profile per SQL statement of every alternative of {@code script}, in order.
     *
     * @param scale    the value of {@code :scale}
     * @param settings session settings to run under (name -> value); one the server refuses is a {@link UserError}
     * @param seed     the seed the {@code \set} draws come from
     */
    public List<StatementProfile> profile(LoadScript script, int scale, Map<String, String> settings, long seed) {
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            SessionSettings.apply(c, settings);
            int major = c.getMetaData().getDatabaseMajorVersion();
            String options = "ANALYZE, BUFFERS, " + (major >= 13 ? "WAL, " : "") + "FORMAT JSON";
            c.setAutoCommit(false);
            List<StatementProfile> profiles = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                for (LoadScript.Transaction t : script.transactions()) {
                    ClientVariables variables = new ClientVariables(script.name(), scale, 0, new SplittableRandom(seed));
                    for (LoadScript.Command command : t.commands()) {
                        switch (command) {
                            case LoadScript.SetVariable set -> variables.set(set);
                            case LoadScript.Sleep ignored -> { }
                            case LoadScript.Sql sql -> profiles.add(profile(c, st, options, major >= 13, t.name(), sql,
                                    variables.render(sql)));
                        }
                    }
                    c.rollback();
                }
            } finally {
                c.rollback();
            }
            return profiles;
        } catch (SQLException e) {
            throw new ConnectorException("Could not profile the script's statements: " + e.getMessage(), e);
        }
    }

    private static StatementProfile profile(Connection c, Statement st, String options, boolean wal, String transaction,
                                            LoadScript.Sql sql, String executed) throws SQLException {
        String firstWord = executed.strip().split("[\\s;(]+", 2)[0].toLowerCase(Locale.ROOT);
        if (TRANSACTION_CONTROL.contains(firstWord)) {
            return StatementProfile.skipped(transaction, sql.line(), sql.text(), executed,
                    "transaction control: the profile runs the whole script in one transaction and rolls it back");
        }
        StringBuilder why = new StringBuilder();
        var query = ExplainableQuery.of(executed, why::append);
        if (query.isEmpty()) {
            return StatementProfile.skipped(transaction, sql.line(), sql.text(), executed, "not explained: " + why);
        }
        Savepoint before = c.setSavepoint();
        String plan;
        try (ResultSet rs = st.executeQuery("EXPLAIN (" + options + ") " + query.get().text())) {
            rs.next();
            plan = rs.getString(1);
            c.releaseSavepoint(before);
        } catch (SQLException refused) {
            c.rollback(before);
            return StatementProfile.skipped(transaction, sql.line(), sql.text(), executed,
                    "the server refused it: " + refused.getMessage());
        }
        try {
            return read(transaction, sql, executed, JSON.readTree(plan).get(0), wal);
        } catch (java.io.IOException e) {
            throw new ConnectorException("The server's EXPLAIN output could not be read: " + e.getMessage(), e);
        }
    }

    static StatementProfile read(String transaction, LoadScript.Sql sql, String executed, JsonNode explain,
                                 boolean wal) {
        JsonNode top = explain.path("Plan");
        List<StatementProfile.Sort> sorts = new ArrayList<>();
        List<StatementProfile.Hash> hashes = new ArrayList<>();
        List<StatementProfile.HashAggregate> aggregates = new ArrayList<>();
        walk(top, sorts, hashes, aggregates);
        return new StatementProfile(transaction, sql.line(), sql.text(), executed, "",
                explain.path("Execution Time").asDouble(), explain.path("Planning Time").asDouble(),
                top.path("Actual Rows").asLong() * Math.max(1, top.path("Actual Loops").asLong()),
                top.path("Shared Hit Blocks").asLong(), top.path("Shared Read Blocks").asLong(),
                top.path("Shared Dirtied Blocks").asLong(), top.path("Shared Written Blocks").asLong(),
                top.path("Temp Read Blocks").asLong(), top.path("Temp Written Blocks").asLong(),
                wal ? top.path("WAL Records").asLong() : -1, wal ? top.path("WAL FPI").asLong() : -1,
                wal ? top.path("WAL Bytes").asLong() : -1, sorts, hashes, aggregates);
    }

    private static void walk(JsonNode node, List<StatementProfile.Sort> sorts, List<StatementProfile.Hash> hashes,
                             List<StatementProfile.HashAggregate> aggregates) {
        String type = node.path("Node Type").asText();
        JsonNode input = node.path("Plans").path(0);
        if (type.equals("Sort") || type.equals("Incremental Sort")) {
            JsonNode info = node.has("Sort Method") ? node : node.path("Workers").path(0);
            double width = node.path("Plan Width").asDouble();
            JsonNode rowsFrom = input.isMissingNode() ? node : input;
            sorts.add(new StatementProfile.Sort(info.path("Sort Method").asText(""),
                    "Disk".equals(info.path("Sort Space Type").asText()), info.path("Sort Space Used").asLong(),
                    rowsFrom.path("Plan Rows").asDouble() * width, actualRows(rowsFrom) * width));
        } else if (type.equals("Hash")) {
            hashes.add(new StatementProfile.Hash(node.path("Hash Batches").asLong(1),
                    node.path("Original Hash Batches").asLong(1), node.path("Peak Memory Usage").asLong(),
                    actualRows(node) * node.path("Plan Width").asDouble()));
        } else if (type.equals("Aggregate") && Set.of("Hashed", "Mixed").contains(node.path("Strategy").asText())) {
            aggregates.add(new StatementProfile.HashAggregate(node.path("HashAgg Batches").asLong(1),
                    node.path("Planned Partitions").asLong(), node.path("Peak Memory Usage").asLong(),
                    node.path("Disk Usage").asLong(), actualRows(input) * input.path("Plan Width").asDouble()));
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, sorts, hashes, aggregates);
        }
    }

    private static double actualRows(JsonNode node) {
        return node.path("Actual Rows").asDouble() * Math.max(1, node.path("Actual Loops").asDouble());
    }
}
