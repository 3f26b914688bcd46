package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The search's objective: the model's prediction of a configuration, kept per configuration for the length of one
 * recommendation (the search, the attribution and the explanation ask for the same configurations again).
 */
final class Evaluator {

    /** Above this predicted out-of-memory risk the model warns (decision 0136); the search never goes further. */
    static final double OOM_LIMIT = 0.05;
    /** A candidate may not make the 95th percentile latency more than 10% worse than today's. */
    static final double P95_TOLERANCE = 0.10;

    /**
     * One configuration's prediction and the figures the search compares.
     *
     * @param prediction null for {@link #refused()}
     */
    record Evaluation(Prediction prediction, double throughput, double p95, double oomRisk, double peakMemory) {

        /**
         * What today's settings count as when the model refuses them (shared_buffers larger than the RAM allows):
         * nothing to keep, so any configuration the model accepts beats it, under the out-of-memory limit and no
         * latency guard.
         */
        static Evaluation refused() {
            return new Evaluation(null, 0, Double.POSITIVE_INFINITY, OOM_LIMIT, 0);
        }

        /** Throughput, discounted by how far the out-of-memory risk exceeds the limit. */
        double score() {
            return throughput * (1 - Math.max(0, oomRisk - OOM_LIMIT));
        }

        double feature(String name) {
            return prediction == null ? Double.NaN : prediction.features().getOrDefault(name, Double.NaN);
        }

        Estimate metric(Metric m) {
            return prediction == null ? Estimate.exact(0) : prediction.get(m).orElse(Estimate.exact(0));
        }
    }

    private final PerformanceModel model;
    private final RecommendationRequest request;
    private final Map<Configuration, Optional<Evaluation>> seen = new HashMap<>();
    private final Map<Configuration, String> refusals = new HashMap<>();

    Evaluator(PerformanceModel model, RecommendationRequest request) {
        this.model = model;
        this.request = request;
    }

    Scenario scenario(Configuration c) {
        return new Scenario(request.instance(), request.machine(), request.workload(), c.knobs());
    }

    /** The prediction, or empty when the model refuses the configuration ({@link #refusal} says why). */
    Optional<Evaluation> evaluate(Configuration c) {
        return seen.computeIfAbsent(c, this::predict);
    }

    String refusal(Configuration c) {
        return refusals.getOrDefault(c, "");
    }

    private Optional<Evaluation> predict(Configuration c) {
        try {
            Prediction p = model.predict(scenario(c));
            return Optional.of(new Evaluation(p, p.throughput().mean(), value(p, Metric.LATENCY_P95_MS),
                    value(p, Metric.OUT_OF_MEMORY_RISK), value(p, Metric.PEAK_MEMORY_BYTES)));
        } catch (SimulationException refused) {
            refusals.put(c, refused.getMessage());
            return Optional.empty();
        }
    }

    private static double value(Prediction p, Metric m) {
        return p.get(m).map(Estimate::mean).orElse(0.0);
    }

    /** Why a candidate's prediction is worse than today's beyond the guards; empty when it is within them. */
    static Optional<String> guardViolation(Evaluation today, Evaluation candidate) {
        double oomCap = Math.max(OOM_LIMIT, today.oomRisk());
        if (candidate.oomRisk() > oomCap + 1e-9) {
            return Optional.of("the predicted out-of-memory risk would be " + Texts.percent(candidate.oomRisk())
                    + " (limit " + Texts.percent(oomCap) + ")");
        }
        if (today.p95() > 0 && Double.isFinite(today.p95()) && candidate.p95() > today.p95() * (1 + P95_TOLERANCE)) {
            return Optional.of("the predicted 95th percentile latency would rise from " + Texts.number(today.p95())
                    + " ms to " + Texts.number(candidate.p95()) + " ms");
        }
        return Optional.empty();
    }
}
