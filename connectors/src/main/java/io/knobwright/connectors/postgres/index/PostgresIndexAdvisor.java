package io.knobwright.connectors.postgres.index;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.postgres.PostgresFailures;
import io.knobwright.model.index.AdviceQuery;
import io.knobwright.model.index.AdvisedIndex;
import io.knobwright.model.index.AdvisedIndex.Evaluation;
import io.knobwright.model.index.CandidateIndex;
import io.knobwright.model.index.ExistingIndex;
import io.knobwright.model.index.IndexAdvice;
import io.knobwright.model.index.IndexCandidates;
import io.knobwright.model.index.IndexHygiene;
import io.knobwright.model.index.PlanNeeds;
import io.knobwright.model.index.ScanNeed;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Index advice for one PostgreSQL database (decision 0132). Reads the catalog and statistics, explains the workload's
 * queries (generic plans, nothing executed), derives candidate indexes from the sequential scans of tables with at
 * least {@value #LARGE_TABLE_ROWS} rows, and evaluates each: with HypoPG on the server when the extension is created
 * in the database, else on a sandbox copy (embedded PostgreSQL). The session on the server is read-only throughout.
 */
public final class PostgresIndexAdvisor {

    /** Smaller tables are read whole in a blink; an index on them is rarely worth its writes. */
    public static final double LARGE_TABLE_ROWS = 10_000;
    /** A candidate that keeps more than this share of the cost is not worth an index. */
    static final double WORTH = 0.95;

    private final Clock clock;

    public PostgresIndexAdvisor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One query explained on the server: its plan's needs, tables and cost per call. */
    private record Explained(AdviceQuery query, List<ScanNeed> needs, Set<String> relations, double cost) {
    }

    /**
     * @throws ConnectorException when the server cannot be reached or read
     */
    public IndexAdvice advise(ConnectionTarget target, ConnectorTimeouts timeouts, List<AdviceQuery> queries) {
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts);
        try (Connection server = admitted.connect()) {
            try (Statement st = server.createStatement()) {
                st.execute("SET default_transaction_read_only = on");
            }
            return advise(server, queries);
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    IndexAdvice advise(Connection server, List<AdviceQuery> queries) throws SQLException {
        List<String> notes = new ArrayList<>();
        List<ExistingIndex> indexes = IndexCatalog.indexes(server);
        Map<String, IndexCatalog.TableFacts> tables = IndexCatalog.tables(server);
        Instant since = IndexCatalog.statsSince(server);
        Duration counting = Duration.between(since, clock.instant());

        Map<String, Explained> explained = new LinkedHashMap<>();
        List<IndexCandidates.Sourced> needs = new ArrayList<>();
        for (AdviceQuery q : queries) {
            try {
                String json = VerboseExplain.explain(server, q.text());
                Explained e = new Explained(q, PlanNeeds.of(json), PlanNeeds.relations(json), PlanNeeds.totalCost(json));
                explained.put(q.fingerprint(), e);
                for (ScanNeed need : e.needs()) {
                    IndexCatalog.TableFacts facts = tables.get(need.schema() + "." + need.table());
                    if (facts != null && facts.rows() >= LARGE_TABLE_ROWS) {
                        needs.add(new IndexCandidates.Sourced(need, q.fingerprint()));
                    }
                }
            } catch (ConnectorException | IllegalArgumentException e) {
                notes.add("Query " + q.fingerprint() + " was not explained: " + e.getMessage());
            }
        }
        List<CandidateIndex> candidates = IndexCandidates.of(needs, indexes).stream()
                .map(c -> withScanFacts(c, tables.get(c.qualifiedTable()))).toList();

        List<AdvisedIndex> advised = List.of();
        if (!candidates.isEmpty()) {
            String hypopg = IndexCatalog.hypopg(server);
            if (hypopg.equals("installed")) {
                try {
                    advised = withHypopg(server, candidates, explained, tables, counting);
                } catch (SQLException | ConnectorException e) {
                    notes.add("HypoPG failed (" + e.getMessage() + "); the sandbox was used instead.");
                }
            } else {
                notes.add(hypopg.equals("available") ? "HypoPG is available but not created in this database"
                        + " (CREATE EXTENSION hypopg would let advice use it); candidates were evaluated on a sandbox copy."
                        : "HypoPG is not installed; candidates were evaluated on a sandbox copy (embedded PostgreSQL).");
            }
            if (advised.isEmpty()) {
                advised = withSandbox(server, candidates, explained, tables, indexes, counting, notes);
            }
        }
        return new IndexAdvice(IndexCatalog.database(server), advised.stream()
                .sorted(Comparator.comparingDouble(AdvisedIndex::benefit).reversed()).toList(),
                IndexHygiene.unused(indexes), IndexHygiene.duplicates(indexes), IndexHygiene.redundant(indexes), since,
                notes);
    }

    /** The reason gets how often the table was read whole, which is what the index would stop. */
    private static CandidateIndex withScanFacts(CandidateIndex c, IndexCatalog.TableFacts facts) {
        if (facts == null || facts.seqScans() == 0) {
            return c;
        }
        String reason = c.reason() + String.format(Locale.ROOT, " (%,d rows; %,d sequential scans read %,d rows since"
                + " the statistics reset)", (long) facts.rows(), facts.seqScans(), facts.seqRowsRead());
        return new CandidateIndex(c.schema(), c.table(), c.columns(), reason, c.queryKeys());
    }

    private List<AdvisedIndex> withHypopg(Connection server, List<CandidateIndex> candidates,
                                          Map<String, Explained> explained, Map<String, IndexCatalog.TableFacts> tables,
                                          Duration counting) throws SQLException {
        List<AdvisedIndex> out = new ArrayList<>();
        for (CandidateIndex c : candidates) {
            long oid;
            try (PreparedStatement ps = server.prepareStatement("SELECT indexrelid FROM hypopg_create_index(?)")) {
                ps.setString(1, c.plainDefinition());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    oid = rs.getLong(1);
                }
            }
            try {
                List<AdvisedIndex.QueryCost> costs = new ArrayList<>();
                for (String key : c.queryKeys()) {
                    Explained e = explained.get(key);
                    double after = PlanNeeds.totalCost(VerboseExplain.explain(server, e.query().text()));
                    costs.add(new AdvisedIndex.QueryCost(e.query(), e.cost(), Math.min(e.cost(), after)));
                }
                long size;
                try (PreparedStatement ps = server.prepareStatement("SELECT hypopg_relation_size(?)")) {
                    ps.setLong(1, oid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        size = rs.getLong(1);
                    }
                }
                keepIfWorth(out, AdvisedIndex.of(c, costs, size, writes(tables, c, counting), Evaluation.HYPOPG));
            } finally {
                try (PreparedStatement ps = server.prepareStatement("SELECT hypopg_drop_index(?)")) {
                    ps.setLong(1, oid);
                    ps.execute();
                }
            }
        }
        return out;
    }

    private List<AdvisedIndex> withSandbox(Connection server, List<CandidateIndex> candidates,
                                           Map<String, Explained> explained, Map<String, IndexCatalog.TableFacts> tables,
                                           List<ExistingIndex> indexes, Duration counting, List<String> notes)
            throws SQLException {
        Set<String> needed = new LinkedHashSet<>();
        for (CandidateIndex c : candidates) {
            for (String key : c.queryKeys()) {
                needed.addAll(explained.get(key).relations());
            }
        }
        try (IndexSandbox sandbox = IndexSandbox.start()) {
            try (Statement st = sandbox.connection().createStatement()) {
                st.execute("SET search_path = " + IndexCatalog.searchPath(server));
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : needed) {
                IndexCatalog.TableFacts facts = tables.get(table);
                if (facts == null) {
                    notes.add("No statistics for " + table + " (not a plain table the monitoring user can read).");
                    continue;
                }
                List<String> definitions = indexes.stream()
                        .filter(i -> i.qualifiedTable().equals(table) && i.valid()).map(ExistingIndex::definition).toList();
                copied.put(table, sandbox.copy(server, facts, definitions));
            }
            notes.addAll(sandbox.notes());
            Map<String, Double> sandboxBefore = new LinkedHashMap<>();
            List<AdvisedIndex> out = new ArrayList<>();
            for (CandidateIndex c : candidates) {
                Long rows = copied.get(c.qualifiedTable());
                if (rows == null || rows <= 0) {
                    out.add(AdvisedIndex.of(c, unevaluated(c, explained), 0, writes(tables, c, counting), Evaluation.NONE));
                    continue;
                }
                for (String key : c.queryKeys()) {
                    sandboxBefore.computeIfAbsent(key, k -> sandboxCost(sandbox, explained.get(k), notes));
                }
                sandbox.execute(c.plainDefinition());
                try {
                    List<AdvisedIndex.QueryCost> costs = new ArrayList<>();
                    for (String key : c.queryKeys()) {
                        Explained e = explained.get(key);
                        double before = sandboxBefore.get(key);
                        double after = sandboxCost(sandbox, e, notes);
                        if (before > 0 && after >= 0) {
                            // the sample's costs are smaller than the server's; their ratio carries over
                            costs.add(new AdvisedIndex.QueryCost(e.query(), e.cost(), e.cost() * Math.min(1, after / before)));
                        }
                    }
                    double scale = tables.get(c.qualifiedTable()).rows() / rows;
                    long size = (long) (sandbox.indexBytes(c.schema(), c.name()) * Math.max(1, scale));
                    keepIfWorth(out, AdvisedIndex.of(c, costs, size, writes(tables, c, counting), Evaluation.SANDBOX));
                } finally {
                    sandbox.execute("DROP INDEX " + IndexSandbox.quote(c.schema()) + "." + IndexSandbox.quote(c.name()));
                }
            }
            return out;
        } catch (IOException e) {
            notes.add("The sandbox (embedded PostgreSQL) did not start (" + e.getMessage() + "); candidates are listed"
                    + " without an evaluation.");
            return candidates.stream().map(c -> AdvisedIndex.of(c, unevaluated(c, explained), 0,
                    writes(tables, c, counting), Evaluation.NONE)).toList();
        }
    }

    /** The query's cost on the sandbox, -1 when it cannot be planned there. */
    private static double sandboxCost(IndexSandbox sandbox, Explained e, List<String> notes) {
        try {
            return PlanNeeds.totalCost(VerboseExplain.explain(sandbox.connection(), e.query().text()));
        } catch (ConnectorException failure) {
            notes.add("Query " + e.query().fingerprint() + " could not be planned on the sandbox: " + failure.getMessage());
            return -1;
        }
    }

    private static List<AdvisedIndex.QueryCost> unevaluated(CandidateIndex c, Map<String, Explained> explained) {
        return c.queryKeys().stream().map(explained::get)
                .map(e -> new AdvisedIndex.QueryCost(e.query(), e.cost(), e.cost())).toList();
    }

    private static void keepIfWorth(List<AdvisedIndex> out, AdvisedIndex advised) {
        if (!advised.queries().isEmpty() && advised.costAfter() < advised.costBefore() * WORTH) {
            out.add(advised);
        }
    }

    private static double writes(Map<String, IndexCatalog.TableFacts> tables, CandidateIndex c, Duration counting) {
        IndexCatalog.TableFacts facts = tables.get(c.qualifiedTable());
        return facts == null ? 0 : facts.writesPerDay(counting);
    }
}
