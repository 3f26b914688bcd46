package io.knobwright.app.simulation.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/** A bench workload's database in the sandbox: generated once, and started warm for every run. */
final class BenchDatabases {

    private BenchDatabases() {
    }

    /** Generates a workload's data unless the data directory already holds it; VACUUM ANALYZE; CHECKPOINT. */
    static void prepare(BenchSandbox sandbox, BenchWorkload w, PrintWriter out) throws SQLException {
        boolean present;
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + w.database() + "'")) {
            present = rs.next();
        }
        if (present) {
            try (Connection c = sandbox.connect(w.database()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'bench_ready'")) {
                rs.next();
                present = rs.getInt(1) == 1;
            }
        }
        if (!present) {
            long t0 = System.nanoTime();
            out.printf(Locale.ROOT, "generating %s: %s ...%n", w.name(), w.description());
            out.flush();
            sandbox.createDatabase(w.database());
            try (Connection c = sandbox.connect(w.database()); Statement st = c.createStatement()) {
                w.initialise(c);
                try {
                    st.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
                } catch (SQLException e) {
                    // the binaries may lack contrib; the warm-up run then fills the caches alone
                }
                st.execute("CREATE TABLE bench_ready (at timestamptz DEFAULT now())");
                st.execute("CHECKPOINT");
            }
            out.printf(Locale.ROOT, "  generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Restarts the sandbox under the settings, VACUUMs a writing workload, CHECKPOINTs, and loads its relations into
     * the caches: how the accuracy and the effect benches start every run, so the two measure alike.
     */
    static void start(BenchSandbox sandbox, BenchWorkload w, Map<String, String> settings)
            throws IOException, SQLException {
        sandbox.restart(settings);
        try (Connection conn = sandbox.connect(w.database()); Statement st = conn.createStatement()) {
            if (w.transactional()) {
                // autovacuum is off: without this, the dead rows of earlier runs would slow the later ones
                st.execute("VACUUM");
            }
            st.execute("CHECKPOINT");
            boolean prewarm;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_prewarm'")) {
                rs.next();
                prewarm = rs.getInt(1) == 1;
            }
            if (prewarm) {
                // tables first, then indexes: a shared_buffers smaller than the data keeps the indexes, which every
                // lookup walks, as a warm cache would
                st.execute("SELECT pg_prewarm(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY c.relkind DESC, c.relpages");
            }
        }
    }
}
