package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an instance's workload looked like over a window: the figures the simulator and the recommender read, the
 * OLTP / OLAP class with the features that decided it, the weekly pattern and the shifts. A figure that could not be
 * measured is NaN (and a record of them says UNKNOWN where it has a verdict).
 *
 * @param pointsRead how many metric points the profile was computed from; 0 means nothing was collected
 */
public record WorkloadProfile(long instanceId, Instant from, Instant to, int pointsRead, WorkloadClass workloadClass,
                              List<Feature> features, String classSummary, ReadWriteMix readWriteMix,
                              double transactionsPerSecond, Concurrency concurrency, WorkingSet workingSet,
                              TempSpill tempSpill, CheckpointPressure checkpoints, WalRate wal,
                              ConnectionUse connections, WeekHourGrid heatMap, List<Integer> peakHours,
                              List<ChangePoints.Shift> shifts) {

    public WorkloadProfile {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(workloadClass, "workloadClass");
        features = List.copyOf(features);
        peakHours = List.copyOf(peakHours);
        shifts = List.copyOf(shifts);
        Objects.requireNonNull(heatMap, "heatMap");
    }

    public boolean hasData() {
        return pointsRead > 0;
    }

    /** Reads and writes per second and the share of writes; basis says which counters gave them. */
    public record ReadWriteMix(double readsPerSecond, double writesPerSecond, double writeShare, String basis) {
    }

    /** Active sessions over the window. */
    public record Concurrency(double mean, double p95, double max) {
    }

    /** Whether the data the workload touches fits in memory. */
    public enum Fit { FITS, TIGHT, EXCEEDS, UNKNOWN }

    /**
     * @param hitRatio                 block reads served from cache / all block reads
     * @param physicalReadBytesPerSec  block reads that went to the file system, in bytes per second
     * @param databaseBytes            size of the databases (latest), NaN when not collected
     * @param memoryBytes              RAM of the machine, NaN when unknown
     * @param estimatedBytes           the working-set estimate (see {@code method})
     * @param method                   how the estimate was made, in words
     */
    public record WorkingSet(double hitRatio, double physicalReadBytesPerSec, double databaseBytes, double memoryBytes,
                             double estimatedBytes, Fit fit, String method) {
    }

    /**
     * @param sortHashHeavyShare share of the statements' time spent in statements that spilled sorts or hashes to
     *                           temporary files (from the query summaries), NaN without them
     * @param spillingQueries    how many of the summarised queries spilled
     */
    public record TempSpill(double bytesPerSecond, double totalBytes, double filesPerSecond, double bytesPerTransaction,
                            double sortHashHeavyShare, int spillingQueries) {
    }

    /**
     * @param requestedShare    requested / (requested + timed): checkpoints forced by WAL volume rather than the timer
     * @param backendWriteShare buffers backends wrote themselves / all buffers written by backends and checkpoints
     */
    public record CheckpointPressure(double timedPerHour, double requestedPerHour, double requestedShare,
                                     double backendWriteShare) {
    }

    /** Write-ahead log generated, bytes per second. */
    public record WalRate(double meanBytesPerSecond, double p95BytesPerSecond) {
    }

    /** Client connections against the server's limit. */
    public record ConnectionUse(double meanConnections, double peakConnections, double maxConnections, double meanUse,
                                double peakUse) {
    }
}
