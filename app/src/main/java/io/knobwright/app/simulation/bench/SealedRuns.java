package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Estimate;

import java.util.List;
import java.util.Map;

/**
 * The runs of a workload's predicted configurations, out of the calibration's reach (decision 0159): they are measured
 * in the same rounds as the calibration runs, and {@link #open} gives them only for a prediction of every one of them,
 * so no figure the model was fitted to or predicted with can have read them.
 */
final class SealedRuns {

    private final Map<BenchConfiguration, List<BenchLoad.Run>> runs;

    SealedRuns(Map<BenchConfiguration, List<BenchLoad.Run>> runs) {
        this.runs = Map.copyOf(runs);
    }

    /** @throws IllegalStateException when a configuration of these runs has no prediction yet */
    Map<BenchConfiguration, List<BenchLoad.Run>> open(Map<BenchConfiguration, Estimate> predictions) {
        if (!predictions.keySet().containsAll(runs.keySet())) {
            throw new IllegalStateException("The held-out runs open only after every one of them was predicted");
        }
        return runs;
    }
}
