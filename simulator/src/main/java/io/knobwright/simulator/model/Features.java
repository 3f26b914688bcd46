package io.knobwright.simulator.model;

import java.util.List;

/**
 * Names of the physics the built-in model reports in {@link Prediction#features()}: what the calibration's learned
 * correction reads beside the settings. Ratios are 0..1, bytes per transaction, milliseconds per transaction.
 */
public final class Features {

    /** Share of page reads that miss shared_buffers. */
    public static final String MISS_RATE = "missRate";
    /** Share of shared_buffers misses that also miss the page cache (device reads). */
    public static final String OS_MISS_RATE = "osMissRate";
    /** Device page reads per transaction. */
    public static final String DEVICE_READS_PER_TX = "deviceReadsPerTx";
    /** Temporary-file bytes (written and read) per transaction. */
    public static final String SPILL_BYTES_PER_TX = "spillBytesPerTx";
    /** Bytes sorted in memory per transaction (the input of the sort cache penalty). */
    public static final String IN_MEMORY_SORT_BYTES_PER_TX = "inMemorySortBytesPerTx";
    /** CPU ms per transaction lost to sorting runs larger than the CPU caches. */
    public static final String SORT_PENALTY_MS_PER_TX = "sortPenaltyMsPerTx";
    /** Share of WAL bytes that are full-page images. */
    public static final String FPI_SHARE = "fpiShare";
    /** WAL bytes per transaction, full-page images included. */
    public static final String WAL_BYTES_PER_TX = "walBytesPerTx";
    /** 1 when checkpoints are requested by WAL volume, 0 when the timer starts them. */
    public static final String CHECKPOINTS_REQUESTED = "checkpointsRequested";
    public static final String CPU_UTILISATION = "cpuUtilisation";
    public static final String DISK_UTILISATION = "diskUtilisation";
    /** Share of the response time a synchronous commit's WAL flush accounts for: its CPU and its wait together. */
    public static final String FSYNC_SHARE = "fsyncShare";
    /** Offered clients over the knee N*. */
    public static final String CLIENTS_OVER_KNEE = "clientsOverKnee";
    /** CPU ms per transaction, everything included. */
    public static final String CPU_MS_PER_TX = "cpuMsPerTx";
    /** Device ms per transaction, everything included. */
    public static final String DISK_MS_PER_TX = "diskMsPerTx";

    public static final List<String> ALL = List.of(MISS_RATE, OS_MISS_RATE, DEVICE_READS_PER_TX, SPILL_BYTES_PER_TX,
            IN_MEMORY_SORT_BYTES_PER_TX, SORT_PENALTY_MS_PER_TX, FPI_SHARE, WAL_BYTES_PER_TX, CHECKPOINTS_REQUESTED,
            CPU_UTILISATION, DISK_UTILISATION, FSYNC_SHARE, CLIENTS_OVER_KNEE, CPU_MS_PER_TX, DISK_MS_PER_TX);

    private Features() {
    }
}
