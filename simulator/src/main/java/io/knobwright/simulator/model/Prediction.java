package io.knobwright.simulator.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a performance model says a scenario will do: each metric with its interval, the explanations that trace
 * every number to its mechanism and inputs, and warnings (an out-of-memory risk, a saturated pool) that must be
 * seen whatever the numbers say.
 *
 * @param scenario the scenario's name
 * @param model    which model answered (the built-in one, or an external engine's name)
 * @param features the physics the calibration's learned correction reads (predicted miss rate, spill bytes per
 *                 transaction, full-page-image share, CPU utilisation, ...), by name; empty from a model without them
 */
public record Prediction(String scenario, Map<Metric, Estimate> metrics, List<Explanation> explanations,
                         List<String> warnings, String model, Map<String, Double> features) {

    public Prediction {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        metrics = metrics.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(metrics));
        explanations = List.copyOf(explanations);
        warnings = List.copyOf(warnings);
        features = Map.copyOf(features);
    }

    public Optional<Estimate> get(Metric metric) {
        return Optional.ofNullable(metrics.get(metric));
    }

    /** The throughput estimate; every model answers it. */
    public Estimate throughput() {
        return get(Metric.THROUGHPUT_TPS).orElseThrow(() -> new IllegalStateException(
                "The model " + model + " gave no throughput for " + scenario));
    }

    public List<Explanation> explain(Metric metric) {
        return explanations.stream().filter(e -> e.metric() == metric).toList();
    }
}
