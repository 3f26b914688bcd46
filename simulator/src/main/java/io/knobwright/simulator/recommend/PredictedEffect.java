package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;

import java.util.List;
import java.util.Objects;

/**
 * What a change is predicted to do.
 *
 * @param gain    relative change of the objective (throughput; for a planner setting, the call-weighted statement time
 *                saved) with its 80% interval: 0.12 [0.04, 0.21] is +12%, between +4% and +21%
 * @param metrics the metrics before and after (throughput, p95 latency, peak memory, out-of-memory risk)
 * @param basis   how the numbers were obtained, in words ("built-in model, gain interval over 16 draws of its
 *                constants")
 */
public record PredictedEffect(Estimate gain, List<MetricChange> metrics, String basis) {

    public PredictedEffect {
        Objects.requireNonNull(gain, "gain");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(basis, "basis");
    }
}
