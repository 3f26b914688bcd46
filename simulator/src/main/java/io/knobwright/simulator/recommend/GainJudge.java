package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The 80% interval of a change's relative throughput gain. Two predictions of one model for the same workload err
 * together (a host that copies pages slower than assumed is slower under both settings), so the interval of their
 * ratio is not the interval of either. It is found by asking the model again at {@value #DRAWS} draws of its
 * constants θ from their priors (log-normal, each its own log sd) and taking the 10th and 90th percentile of the
 * ratios. The draws come from a fixed seed: the same request always gets the same interval.
 */
final class GainJudge {

    static final int DRAWS = 16;
    private static final long SEED = 0x5EED_14L;

    private final List<PerformanceModel> ensemble;
    private final String basis;

    GainJudge(Function<ModelParameters, PerformanceModel> family, ModelParameters theta) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<PerformanceModel> models = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            ModelParameters draw = theta;
            for (Map.Entry<String, ModelParameters.Prior> e : theta.values().entrySet()) {
                double z = random.nextGaussian();
                draw = draw.with(e.getKey(), e.getValue().value() * Math.exp(z * e.getValue().priorLogSd()));
            }
            models.add(family.apply(draw));
        }
        this.ensemble = List.copyOf(models);
        this.basis = "gain interval: 10th-90th percentile over " + DRAWS + " draws of the model's constants from their"
                + " priors";
    }

    String basis() {
        return basis;
    }

    /**
     * The relative gain of {@code after} over {@code before}: mean from the objective's own predictions, interval
     * from the ensemble (always holding the mean). {@code cache} keeps the ensemble's throughputs per configuration for
     * one request, since the attribution asks for the same configurations again.
     */
    Estimate gain(double beforeThroughput, double afterThroughput, Scenario before, Scenario after,
                  Map<Knobs, double[]> cache) {
        double mean = beforeThroughput > 0 ? afterThroughput / beforeThroughput - 1 : 0;
        double[] b = throughputs(before, cache);
        double[] a = throughputs(after, cache);
        double[] ratios = new double[ensemble.size()];
        int n = 0;
        for (int i = 0; i < ratios.length; i++) {
            if (b[i] > 0 && Double.isFinite(a[i] / b[i])) {
                ratios[n++] = a[i] / b[i] - 1;
            }
        }
        if (n == 0) {
            return Estimate.exact(mean);
        }
        double[] sorted = Arrays.copyOf(ratios, n);
        Arrays.sort(sorted);
        double low = quantile(sorted, 0.10);
        double high = quantile(sorted, 0.90);
        return new Estimate(mean, Math.min(low, mean), Math.max(high, mean));
    }

    /** Each draw's predicted throughput; NaN where the draw's model refuses the scenario. */
    private double[] throughputs(Scenario s, Map<Knobs, double[]> cache) {
        return cache.computeIfAbsent(s.knobs(), k -> {
            double[] out = new double[ensemble.size()];
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = ensemble.get(i).predict(s).throughput().mean();
                } catch (SimulationException refusedAtThisDraw) {
                    out[i] = Double.NaN;   // says nothing about the ratio
                }
            }
            return out;
        });
    }

    /** Type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
