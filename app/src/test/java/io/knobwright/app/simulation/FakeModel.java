package io.knobwright.app.simulation;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for the built-in model: the hit ratio grows with skew and with shared_buffers against the data,
 * throughput is clients over (think + a service time that misses make longer). Counts its calls, so tests can see
 * what the service asked.
 */
final class FakeModel implements PerformanceModel {

    final AtomicInteger predictions = new AtomicInteger();
    private final String name;
    private final double scale;

    FakeModel(String name, double scale) {
        this.name = name;
        this.scale = scale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Prediction predict(Scenario s) {
        predictions.incrementAndGet();
        double cache = s.knobs().get("shared_buffers") / Math.max(1, s.workload().dataBytes());
        double hit = 1 - Math.exp(-(0.2 + 20 * s.workload().accessSkew()) * Math.sqrt(Math.min(1, cache + 0.05)));
        double serviceMs = s.workload().classes().stream().mapToDouble(c -> c.callsPerTx() * c.cpuMs()).sum()
                + (1 - hit) * 5;
        double tps = scale * s.workload().clients() * 1000 / (s.workload().thinkMs() + serviceMs);
        return new Prediction(s.name(), Map.of(Metric.THROUGHPUT_TPS, Estimate.relative(tps, 0.2),
                Metric.LATENCY_P95_MS, Estimate.relative(serviceMs * 3, 0.3), Metric.BUFFER_HIT_RATIO, Estimate.exact(hit)),
                List.of(new Explanation(Metric.THROUGHPUT_TPS, "fake queue", "clients over think plus service time",
                        Map.of("serviceMs", serviceMs))),
                hit < 0.5 ? List.of("most reads miss shared_buffers") : List.of(), name, Map.of("hit", hit));
    }

    /** Models that hand out this model, calibrated or not, and remember the runs they were given. */
    static final class Models implements InstanceModels {
        final FakeModel defaults = new FakeModel("fake", 1);
        List<MeasuredRun> lastRuns = List.of();

        @Override
        public PerformanceModel model(List<MeasuredRun> runs) {
            if (runs.isEmpty()) {
                return defaults;
            }
            lastRuns = runs;
            double measured = runs.stream().mapToDouble(r -> r.observation().tps()).average().orElseThrow();
            double predicted = runs.stream().mapToDouble(r -> defaults.predict(r.scenario()).throughput().mean())
                    .average().orElseThrow();
            return new FakeModel("fake calibrated on " + runs.size(), measured / predicted);
        }

        @Override
        public HeldOut heldOut(List<MeasuredRun> runs) {
            lastRuns = runs;
            return runs.size() < 3 ? HeldOut.none(runs.size()) : new HeldOut(runs.size(), 0.084, 0.83, 0.9);
        }
    }
}
