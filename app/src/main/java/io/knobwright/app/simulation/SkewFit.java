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
import java.util.function.DoubleUnaryOperator;

/**
 * The access skew of a measured workload, fitted so that the model's buffer hit ratio under today's settings is the
 * hit ratio the server measured (the design memo's "effective skew": neither cache is exact LRU). Hit ratio grows
 * with skew, so a bisection finds it in a few dozen predictions.
 * <p>
 * A hit ratio tells the skew only where the skew changes it. Where the data fit in shared_buffers every skew predicts
 * (nearly) every page a hit, and the measured 99.9% says nothing of how the accesses spread: the skew is then
 * {@link WorkloadShape#TYPICAL_SKEW}, not the uniform extreme, which would price every page a smaller shared_buffers
 * evicts as read by every transaction (decision 0163).
 */
final class SkewFit {

    private static final double MAX_SKEW = 2.0;
    private static final int ROUNDS = 24;
    /** Below this spread of the model's hit ratio over the skews, a measured one cannot tell one skew from another. */
    static final double IDENTIFIABLE = 0.01;

    /** How a skew was found from a hit ratio. */
    enum Basis { FITTED, NOT_IDENTIFIED, BELOW_UNIFORM, AT_MOST }

    record Found(double skew, Basis basis, double hitRatioAtMost) {
    }

    private SkewFit() {
    }

    /**
     * The skew at which {@code hitRatioAt} gives {@code measured}, searched over [0, {@code maxSkew}].
     *
     * @param hitRatioAt the model's hit ratio at a skew, under the settings the ratio was measured at; grows with skew
     */
    static Found find(DoubleUnaryOperator hitRatioAt, double measured, double maxSkew, int rounds) {
        double uniform = hitRatioAt.applyAsDouble(0);
        double most = hitRatioAt.applyAsDouble(maxSkew);
        if (most - uniform < IDENTIFIABLE) {
            return new Found(WorkloadShape.TYPICAL_SKEW, Basis.NOT_IDENTIFIED, most);
        }
        if (uniform >= measured) {
            return new Found(0, Basis.BELOW_UNIFORM, most);
        }
        if (most <= measured) {
            return new Found(maxSkew, Basis.AT_MOST, most);
        }
        double low = 0;
        double high = maxSkew;
        for (int i = 0; i < rounds; i++) {
            double mid = (low + high) / 2;
            if (hitRatioAt.applyAsDouble(mid) < measured) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new Found((low + high) / 2, Basis.FITTED, most);
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
            if (hitRatio(shape, 0, machine, knobs, model).isEmpty()) {
                notes.add(String.format(Locale.ROOT, "access skew %.2f assumed (the model gives no hit ratio to fit)",
                        shape.accessSkew()));
                return shape;
            }
            Found found = find(skew -> hitRatio(shape, skew, machine, knobs, model).orElse(Double.NaN),
                    measuredHitRatio, MAX_SKEW, ROUNDS);
            notes.add(switch (found.basis()) {
                case NOT_IDENTIFIED -> String.format(Locale.ROOT, "access skew %.2f assumed: the data fit in"
                        + " shared_buffers as measured, so the %.1f%% buffer hit ratio does not tell how the accesses"
                        + " spread", found.skew(), measuredHitRatio * 100);
                case AT_MOST -> String.format(Locale.ROOT, "access skew %.1f, the most the model takes: even then it"
                        + " predicts a %.1f%% buffer hit ratio, below the measured %.1f%%", found.skew(),
                        found.hitRatioAtMost() * 100, measuredHitRatio * 100);
                case BELOW_UNIFORM, FITTED -> String.format(Locale.ROOT, "access skew %.2f fitted to the measured"
                        + " %.1f%% buffer hit ratio", found.skew(), measuredHitRatio * 100);
            });
            return shape.withSkew(found.skew());
        } catch (RuntimeException cannot) {
            notes.add(String.format(Locale.ROOT, "access skew %.2f assumed (fitting it failed: %s)", shape.accessSkew(),
                    cannot.getMessage()));
            return shape;
        }
    }

    private static Optional<Double> hitRatio(WorkloadShape shape, double skew, Machine machine, Knobs knobs,
                                             PerformanceModel model) {
        Prediction p = model.predict(new Scenario("skew fit", machine, shape.withSkew(skew), knobs));
        return p.get(Metric.BUFFER_HIT_RATIO).map(e -> e.mean());
    }
}
