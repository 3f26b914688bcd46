package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadDriver;
import io.knobwright.connectors.load.LoadRun;
import io.knobwright.connectors.load.LoadScript;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of the load driver with the server's counters read around its measured window: pg_stat_database of the
 * run's database when the warm-up ends and again after the run, divided by the transactions the server committed in
 * between. Per-transaction counters describe the workload itself (how many pages a transaction reads, how much it
 * spills), so observations of different throughput still compare.
 */
final class Measurement {

    /** pg_stat_database columns kept as features, per committed transaction. */
    private static final String COUNTERS = "SELECT xact_commit, blks_read, blks_hit, tup_returned, tup_fetched,"
            + " tup_inserted + tup_updated + tup_deleted, temp_bytes FROM pg_stat_database WHERE datname = current_database()";
    private static final String[] NAMES = {"blocksRead", "blocksHit", "rowsReturned", "rowsFetched", "rowsWritten",
            "tempBytes"};

    private Measurement() {
    }

    static DefaultExperimentService.Measured run(LoadDriver.Connections connections, LoadScript script,
                                                 LoadDriver.Options options, Consumer<LoadDriver.Progress> progress,
                                                 BooleanSupplier cancelled) {
        try (Connection monitor = connections.open()) {
            long[][] before = new long[1][];
            if (options.warmUp().isZero()) {
                before[0] = snapshot(monitor);
            }
            LoadRun run = new LoadDriver(connections).run(script, options, p -> {
                if (p.phase() == LoadDriver.Phase.MEASURING && before[0] == null) {
                    before[0] = snapshotQuietly(monitor);
                }
                progress.accept(p);
            }, cancelled);
            long[] after = snapshot(monitor);
            return new DefaultExperimentService.Measured(run, before[0] == null ? Map.of() : perTransaction(before[0], after));
        } catch (SQLException e) {
            throw new io.knobwright.connectors.ConnectorException("Could not read the server's counters around the run: "
                    + e.getMessage(), e);
        }
    }

    static Map<String, Double> perTransaction(long[] before, long[] after) {
        long transactions = after[0] - before[0];
        Map<String, Double> features = new LinkedHashMap<>();
        if (transactions <= 0) {
            return features;
        }
        for (int i = 0; i < NAMES.length; i++) {
            features.put(NAMES[i], (after[i + 1] - before[i + 1]) / (double) transactions);
        }
        return features;
    }

    private static long[] snapshotQuietly(Connection monitor) {
        try {
            return snapshot(monitor);
        } catch (SQLException e) {
            return null;
        }
    }

    private static long[] snapshot(Connection monitor) throws SQLException {
        try (Statement st = monitor.createStatement()) {
            // the statistics a backend reads are cached for its transaction; a fresh read each time
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery(COUNTERS)) {
                rs.next();
                long[] values = new long[NAMES.length + 1];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }
}
