package io.knobwright.app.recommend;

import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The collectors' samples as `monitor collect` stores them, for the learning loop's tests (its pure boundary). */
public final class CollectedSamples {

    private CollectedSamples() {
    }

    /**
     * One point a minute of what the collectors read, over [from, to): transactions per second around {@code tps}
     * spread by ±{@code spread} (uniform, seeded), 32 clients, and per-transaction counters that make the workload
     * read from disk and spill sorts, so the model's memory settings matter to it.
     */
    public static void collect(KnobwrightStore store, long instanceId, Instant from, Instant to, double tps,
                               double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            double x = tps * (1 + spread * (2 * random.nextDouble() - 1));
            put(series, Metric.COMMITS, t, x);
            put(series, Metric.READ_STATEMENTS, t, 8 * x);
            put(series, Metric.WRITE_STATEMENTS, t, 2 * x);
            put(series, Metric.BLOCKS_HIT, t, 60 * x);
            put(series, Metric.BLOCKS_READ, t, 12 * x);
            put(series, Metric.ROWS_READ, t, 200 * x);
            put(series, Metric.ROWS_WRITTEN, t, 3 * x);
            put(series, Metric.TEMP_BYTES, t, 40_000 * x);
            put(series, Metric.TEMP_FILES, t, 0.2 * x);
            put(series, Metric.WAL_BYTES, t, 2_000 * x);
            put(series, Metric.CHECKPOINTS_TIMED, t, 1 / 300.0);
            put(series, Metric.CONNECTIONS, t, 32);
            put(series, Metric.ACTIVE_SESSIONS, t, 12);
            put(series, Metric.MAX_CONNECTIONS, t, 100);
            put(series, Metric.DATABASE_BYTES, t, 40e9);
        }
        series.forEach((metric, points) -> store.workloadSeries().importPoints(instanceId, metric, points));
    }

    private static void put(Map<Metric, List<MetricPoint>> series, Metric metric, Instant t, double v) {
        series.computeIfAbsent(metric, m -> new ArrayList<>()).add(new MetricPoint(t, v));
    }
}
