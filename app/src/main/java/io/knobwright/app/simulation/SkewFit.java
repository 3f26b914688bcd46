package io.knobwright.app.simulation;

import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The access skew of a measured workload, fitted so that the model's buffer hit ratio under today's settings is the
 * hit ratio the server measured (the design memo's "effective skew": neither cache is exact LRU). Hit ratio grows
 * with skew, so a bisection finds it in a few dozen predictions.
 */
final class SkewFit {

    private static final double MAX_SKEW = 2.0;
    private static final int ROUNDS = 24;

    private SkewFit() {
    }

    static WorkloadShape fit(WorkloadShape shape, Machine machine, Knobs knobs, double measuredHitRatio,
                             java.util.function.Supplier<PerformanceModel> models, List<String> notes) {
        if (!(measuredHitRatio > 0 && measuredHitRatio < 1)) {
            notes.add(String.format(Locale.ROOT, "access skew %.2f assumed (no measured hit ratio to fit it to)",
                    shape.accessSkew()));
            return shape;
        }
        try {
            PerformanceModel model = models.get();
            double low = 0;
            double high = MAX_SKEW;
            if (hitRatio(shape, 0, machine, knobs, model).isEmpty()) {
                notes.add(String.format(Locale.ROOT, "access skew %.2f assumed (the model gives no hit ratio to fit)",
                        shape.accessSkew()));
                return shape;
            }
            double most = hitRatio(shape, MAX_SKEW, machine, knobs, model).orElse(Double.NaN);
            if (most < measuredHitRatio) {
                notes.add(String.format(Locale.ROOT, "access skew %.1f, the most the model takes: even then it predicts"
                        + " a %.1f%% buffer hit ratio, below the measured %.1f%%", MAX_SKEW, most * 100,
                        measuredHitRatio * 100));
                return with(shape, MAX_SKEW);
            }
            for (int i = 0; i < ROUNDS; i++) {
                double mid = (low + high) / 2;
                double predicted = hitRatio(shape, mid, machine, knobs, model).orElse(Double.NaN);
                if (predicted < measuredHitRatio) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            double skew = (low + high) / 2;
            notes.add(String.format(Locale.ROOT, "access skew %.2f fitted to the measured %.1f%% buffer hit ratio",
                    skew, measuredHitRatio * 100));
            return with(shape, skew);
        } catch (RuntimeException cannot) {
            notes.add(String.format(Locale.ROOT, "access skew %.2f assumed (fitting it failed: %s)", shape.accessSkew(),
                    cannot.getMessage()));
            return shape;
        }
    }

    private static Optional<Double> hitRatio(WorkloadShape shape, double skew, Machine machine, Knobs knobs,
                                             PerformanceModel model) {
        Prediction p = model.predict(new Scenario("skew fit", machine, with(shape, skew), knobs));
        return p.get(Metric.BUFFER_HIT_RATIO).map(e -> e.mean());
    }

    private static WorkloadShape with(WorkloadShape s, double skew) {
        return s.withSkew(skew);
    }
}
