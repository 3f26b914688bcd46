package io.knobwright.app.simulation;

import io.knobwright.simulator.experiment.Difference;
import io.knobwright.simulator.experiment.ReplicateStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration's replicates summed up for its observation: the throughput's {@link ReplicateStats} (median,
 * 80% interval, run-to-run noise), and medians of the runs' latency percentiles and per-transaction counters (a single
 * slow run, a checkpoint say, does not move a median).
 *
 * @param p50Ms    median of the runs' median latencies
 * @param p95Ms    median of the runs' 95th percentiles
 * @param features median of each per-transaction counter over the runs that have it
 */
record ReplicateSummary(ReplicateStats tps, double p50Ms, double p95Ms, Map<String, Double> features) {

    ReplicateSummary {
        features = Map.copyOf(features);
    }

    static ReplicateSummary of(List<DefaultExperimentService.Measured> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A summary needs at least one run");
        }
        ReplicateStats tps = ReplicateStats.of(runs.stream().mapToDouble(m -> m.run().tps()).toArray());
        Map<String, List<Double>> byName = new TreeMap<>();
        for (DefaultExperimentService.Measured m : runs) {
            m.features().forEach((k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> features = new TreeMap<>();
        byName.forEach((k, v) -> features.put(k, median(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return new ReplicateSummary(tps, median(runs.stream().mapToDouble(m -> m.run().p50Ms()).toArray()),
                median(runs.stream().mapToDouble(m -> m.run().p95Ms()).toArray()), features);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * "B is 12% faster than A", or "no difference: 3% is within the 18% run-to-run noise" ({@link Difference}: a
     * change no larger than the noise is no difference).
     */
    static String verdict(ReplicateSummary a, ReplicateSummary b) {
        if (!(a.tps.median() > 0)) {
            return b.tps.median() > 0 ? "A completed no transaction; B did" : "neither configuration completed a transaction";
        }
        return Difference.of("A", a.tps, "B", b.tps).sentence();
    }

    /** "512 tps over 3 runs (80% interval 480-530), run-to-run noise 4%" */
    static String single(ReplicateSummary a) {
        ReplicateStats s = a.tps;
        if (s.runs() == 1) {
            return String.format(Locale.ROOT, "%.0f tps over 1 run; run-to-run noise unknown (run more replicates)",
                    s.median());
        }
        return String.format(Locale.ROOT, "%.0f tps over %d runs (80%% interval %.0f-%.0f), run-to-run noise %.0f%%",
                s.median(), s.runs(), s.low(), s.high(), s.noise() * 100);
    }
}
