package io.knobwright.app.simulation.bench;

import io.knobwright.app.simulation.ScriptHotRows;
import io.knobwright.connectors.load.LoadScript;
import io.knobwright.simulator.model.HotRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One of the bench's workloads: how its data is generated, and the transaction every client repeats (statements with
 * random parameters drawn as pgbench's {@code \set x random(a, b)} would, uniformly).
 *
 * @param name          what the table prints
 * @param database      the sandbox database holding its data
 * @param init          statements that generate the data (server side, like {@code pgbench -i -I dtGvp})
 * @param statements    one transaction
 * @param transactional whether the statements run in one BEGIN ... COMMIT (a write transaction that waits for the WAL
 *                      flush under synchronous_commit)
 * @param oneOf         whether a transaction runs one of the statements, chosen uniformly (like pgbench given several
 *                      scripts), rather than all of them in order
 * @param script        the pgbench script this transaction is, where it is one (null otherwise): the rows it locks
 *                      are read from it as from a user's script ({@link ScriptHotRows})
 */
record BenchWorkload(String name, String database, String description, List<String> init,
                     List<Step> statements, boolean transactional, int scale, boolean oneOf, LoadScript script) {

    BenchWorkload {
        Objects.requireNonNull(name, "name");
        init = List.copyOf(init);
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("A workload runs at least one statement: " + name);
        }
    }

    /**
     * One statement with {@code ?} placeholders and how its parameters are drawn.
     *
     * @param label a short name (the query class)
     */
    record Step(String label, String sql, Function<RandomGenerator, Object[]> parameters) {
    }

    /** The rows each transaction locks until it commits, as its script says; none without a script. */
    List<HotRows> hotRows() {
        return script == null ? List.of() : ScriptHotRows.of(script, scale);
    }

    void initialise(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : init) {
                st.execute(sql);
            }
        }
    }

    /** pgbench's tpcb-like transaction at {@code scale} (100,000 accounts, 10 tellers, 1 branch per unit). */
    static BenchWorkload tpcbLike(String name, String database, int scale) {
        int accounts = 100_000 * scale;
        // the five statements share aid/tid/bid/delta; one draw per transaction is kept per thread by BenchLoad
        List<Step> steps = List.of(
                new Step("update accounts", "UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?",
                        r -> new Object[] {Draw.DELTA, Draw.AID}),
                new Step("select account", "SELECT abalance FROM pgbench_accounts WHERE aid = ?", r -> new Object[] {Draw.AID}),
                new Step("update tellers", "UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?",
                        r -> new Object[] {Draw.DELTA, Draw.TID}),
                new Step("update branches", "UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?",
                        r -> new Object[] {Draw.DELTA, Draw.BID}),
                new Step("insert history", "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime)"
                        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)", r -> new Object[] {Draw.TID, Draw.BID, Draw.AID, Draw.DELTA}));
        return new BenchWorkload(name, database, "pgbench tpcb-like, scale " + scale + " (" + accounts + " accounts)",
                pgbenchInit(scale), steps, true, scale, false, LoadScript.tpcbLike());
    }

    /** pgbench's select-only transaction at {@code scale}: one primary-key lookup of a uniformly random account. */
    static BenchWorkload selectOnly(String name, String database, int scale) {
        List<Step> steps = List.of(new Step("select account", "SELECT abalance FROM pgbench_accounts WHERE aid = ?",
                r -> new Object[] {Draw.AID}));
        return new BenchWorkload(name, database, "pgbench select-only, scale " + scale + " (uniform over "
                + 100_000 * scale + " accounts)", pgbenchInit(scale), steps, false, scale, false, LoadScript.selectOnly());
    }

    /**
     * A reporting mix over a generated table of {@code rows} rows: a window sort over a random id range, a hash
     * aggregate with many groups, or a hash join to a dimension table (one per transaction), each over 40-120
     * thousand rows, so their sorts and hash tables need 4-20 MB and work_mem decides whether they spill.
     */
    static BenchWorkload sortHash(String name, String database, int rows) {
        int span = 120_000;
        Function<RandomGenerator, Object[]> range = r -> {
            int width = 40_000 + r.nextInt(span - 40_000 + 1);
            int lo = 1 + r.nextInt(rows - width);
            return new Object[] {lo, lo + width};
        };
        List<Step> steps = List.of(
                new Step("window sort", "SELECT max(rn) FROM (SELECT row_number() OVER (ORDER BY v, pad) AS rn"
                        + " FROM facts WHERE id BETWEEN ? AND ?) s", range),
                new Step("hash aggregate", "SELECT count(*), max(total) FROM (SELECT g, sum(v) AS total FROM facts"
                        + " WHERE id BETWEEN ? AND ? GROUP BY g) s", range),
                new Step("hash join", "SELECT count(*), sum(d.w) FROM facts f JOIN dims d ON d.g = f.g"
                        + " WHERE f.id BETWEEN ? AND ?", range));
        List<String> init = List.of(
                "CREATE TABLE facts (id int NOT NULL, g int NOT NULL, v int NOT NULL, pad text NOT NULL)",
                "INSERT INTO facts SELECT i, (hashint4(i) & 2147483647) % 200000, (hashint4(i + 7) & 2147483647) % 1000000,"
                        + " md5(i::text) FROM generate_series(1, " + rows + ") i",
                "ALTER TABLE facts ADD PRIMARY KEY (id)",
                "CREATE TABLE dims (g int PRIMARY KEY, w int NOT NULL, label text NOT NULL)",
                "INSERT INTO dims SELECT i, i % 97, repeat('x', 40) FROM generate_series(0, 199999) i",
                "VACUUM ANALYZE facts", "VACUUM ANALYZE dims");
        return new BenchWorkload(name, database, "sort/hash mix over " + rows + " rows: window sort, hash aggregate"
                + " (up to 120k groups), hash join to a 200k-row dimension; random ranges of 40-120k rows; one"
                + " statement per transaction, chosen uniformly", init, steps, false, 0, true, null);
    }

    /**
     * Lookups joined by a list: each transaction joins one stored batch of {@code picks} random account ids to
     * pgbench_accounts at {@code scale}. Index lookups per picked id, or one scan of every account into a hash join:
     * which the planner chooses is the whole cost, and on cached data the lookups win by several times where
     * random_page_cost prices each as a disk seek.
     */
    static BenchWorkload lookupJoin(String name, String database, int scale, int picks) {
        int accounts = 100_000 * scale;
        int batches = 100;
        List<String> init = new java.util.ArrayList<>(pgbenchInit(scale));
        init.add("CREATE TABLE picks (batch int NOT NULL, aid int NOT NULL)");
        init.add("INSERT INTO picks SELECT b, (hashint4(b * 1000003 + i) & 2147483647) % " + accounts + " + 1"
                + " FROM generate_series(1, " + batches + ") b, generate_series(1, " + picks + ") i");
        init.add("CREATE INDEX picks_batch ON picks (batch)");
        init.add("VACUUM ANALYZE picks");
        List<Step> steps = List.of(new Step("join picks", "SELECT count(*), sum(a.abalance) FROM picks p"
                + " JOIN pgbench_accounts a ON a.aid = p.aid WHERE p.batch = ?",
                r -> new Object[] {1 + r.nextInt(batches)}));
        return new BenchWorkload(name, database, "a stored batch of " + picks + " random accounts joined to pgbench's "
                + accounts + " accounts (scale " + scale + "); one batch of " + batches + " per transaction", init,
                steps, false, scale, false, null);
    }

    private static List<String> pgbenchInit(int scale) {
        return List.of(
                "CREATE TABLE pgbench_branches (bid int NOT NULL, bbalance int, filler char(88)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_tellers (tid int NOT NULL, bid int, tbalance int, filler char(84)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
                "INSERT INTO pgbench_branches (bid, bbalance) SELECT bid, 0 FROM generate_series(1, " + scale + ") bid",
                "INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT tid, (tid - 1) / 10 + 1, 0 FROM generate_series(1, "
                        + 10 * scale + ") tid",
                "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT aid, (aid - 1) / 100000 + 1, 0, ''"
                        + " FROM generate_series(1, " + 100_000 * scale + ") aid",
                "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)",
                "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)",
                "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)",
                "VACUUM ANALYZE pgbench_branches", "VACUUM ANALYZE pgbench_tellers", "VACUUM ANALYZE pgbench_accounts",
                "VACUUM ANALYZE pgbench_history");
    }

    /**
     * The pgbench variables a tpcb-like transaction shares across its statements; a step's parameters name them and
     * {@link BenchLoad} draws them once per transaction.
     */
    enum Draw { AID, TID, BID, DELTA }

    /** One transaction's pgbench variables, as tpcb-like draws them (uniform; delta in [-5000, 5000]). */
    java.util.Map<Draw, Integer> draw(RandomGenerator r) {
        int s = Math.max(1, scale);
        java.util.Map<Draw, Integer> d = new java.util.EnumMap<>(Draw.class);
        d.put(Draw.AID, 1 + r.nextInt(100_000 * s));
        d.put(Draw.TID, 1 + r.nextInt(10 * s));
        d.put(Draw.BID, 1 + r.nextInt(s));
        d.put(Draw.DELTA, r.nextInt(10_001) - 5000);
        return d;
    }

    /** A step's parameters for one execution, pgbench variables resolved from {@code drawn}. */
    /** How often each statement runs per transaction. */
    double callsPerTx() {
        return oneOf ? 1.0 / statements.size() : 1;
    }

    static Object[] bind(Step step, RandomGenerator r, java.util.Map<Draw, Integer> drawn) {
        Object[] raw = step.parameters().apply(r);
        Object[] out = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] instanceof Draw d ? drawn.get(d) : raw[i];
        }
        return out;
    }
}
