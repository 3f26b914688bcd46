package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadDriver;
import io.knobwright.connectors.load.LoadRun;
import io.knobwright.connectors.load.LoadScript;
import io.knobwright.connectors.load.ServerCounters;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of the load driver with the server's counters ({@link ServerCounters}) read around its measured window:
 * when the driver first reports the measuring phase, and after the run (the driver's sessions publish their counts
 * before they close). Per-transaction counters describe the workload itself (pages a transaction touches, what it
 * spills, the WAL it writes), so observations of different throughput still compare. The transactions in that
 * interval are the run's rate times the interval's length: the first report of the measuring phase comes up to a
 * second after it began, and the run's own count covers the whole window.
 */
final class Measurement {

    private Measurement() {
    }

    static DefaultExperimentService.Measured run(LoadDriver.Connections connections, LoadScript script,
                                                 LoadDriver.Options options, Consumer<LoadDriver.Progress> progress,
                                                 BooleanSupplier cancelled) {
        try (Connection monitor = connections.open()) {
            ServerCounters.Snapshot[] before = new ServerCounters.Snapshot[1];
            if (options.warmUp().isZero()) {
                before[0] = ServerCounters.read(monitor);
            }
            LoadRun run = new LoadDriver(connections).run(script, options, p -> {
                if (p.phase() == LoadDriver.Phase.MEASURING && before[0] == null) {
                    before[0] = ServerCounters.read(monitor);
                }
                progress.accept(p);
            }, cancelled);
            if (before[0] == null) {
                // the run ended before its first report of the window: no counters to divide
                return new DefaultExperimentService.Measured(run, Map.of());
            }
            ServerCounters.Delta delta = ServerCounters.delta(before[0], ServerCounters.read(monitor));
            long transactions = Math.max(1, Math.round(run.tps() * delta.elapsed().toNanos() / 1e9));
            return new DefaultExperimentService.Measured(run, delta.features(transactions));
        } catch (SQLException e) {
            throw new io.knobwright.connectors.ConnectorException("Could not open a connection to read the server's"
                    + " counters around the run: " + e.getMessage(), e);
        }
    }
}
