package io.knobwright.app.simulation.external;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An external engine as a user might write one, launched by the tests as its own process: reads a scenario (or an
 * array of them) on stdin and prints predictions: tps = 100 x clients x (work_mem in MB). Its first argument makes
 * it misbehave on purpose: "garbage" prints something that is not JSON, "incomplete" leaves out throughput,
 * "fail" writes to stderr and exits 3, "sleep" never answers.
 */
public final class TinyEngine {

    private TinyEngine() {
    }

    /** This engine as a process of its own, with the tests' classpath, as ProcessBuilder takes it. */
    public static List<String> command(String mode) {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(launcher, "-cp", System.getProperty("java.class.path"), TinyEngine.class.getName(), mode);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = args.length > 0 ? args[0] : "ok";
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        switch (mode) {
            case "garbage" -> System.out.println("tps: lots");
            case "incomplete" -> System.out.println("{\"scenario\":\"x\",\"metrics\":{\"latencyP95Ms\":{\"mean\":3}}}");
            case "fail" -> {
                System.err.println("engine.py: cannot read shared_buffers");
                System.exit(3);
            }
            case "sleep" -> Thread.sleep(60_000);
            default -> System.out.println(answer(input));
        }
    }

    public static String answer(String input) {
        List<Scenario> scenarios = ScenarioJson.readScenarios(input);
        List<Prediction> predictions = scenarios.stream().map(TinyEngine::predict).toList();
        return input.stripLeading().startsWith("[") ? ScenarioJson.predictions(predictions)
                : ScenarioJson.prediction(predictions.getFirst());
    }

    static Prediction predict(Scenario s) {
        double tps = 100 * s.workload().clients() * s.knobs().get("work_mem") / (1024 * 1024);
        return new Prediction(s.name(), Map.of(Metric.THROUGHPUT_TPS, Estimate.relative(tps, 0.1),
                Metric.LATENCY_P95_MS, new Estimate(5, 4, 7), Metric.PEAK_MEMORY_BYTES, Estimate.exact(1e9)),
                List.of(new Explanation(Metric.THROUGHPUT_TPS, "tiny", "100 per client per MB of work_mem",
                        Map.of("clients", (double) s.workload().clients()))),
                List.of("tiny engine: not a real model"), "tiny-engine 1.0", Map.of());
    }
}
