package io.knobwright.app.simulation;

import io.knobwright.model.simulation.Observation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a workload against a sandbox or a non-production instance under given settings, measures it with
 * replicated, interleaved runs, and records an observation. Blocking; long; reports progress and stops when
 * {@code cancelled} turns true (the partial runs are discarded, nothing is recorded).
 */
public interface ExperimentService {

    Result run(Request request, Consumer<Progress> progress, BooleanSupplier cancelled);

    /**
     * @param instance    the instance to run on (refused when its tier is production), or null with a sandbox
     * @param sandbox     the sandbox's name (Knobwright starts an embedded PostgreSQL), or null with an instance
     * @param script      a pgbench-style script, or null for a replay of the instance's top fingerprints
     * @param settings    the settings to run under (name -> text); restart-only ones only on a sandbox
     * @param compareWith a second configuration run interleaved with the first (A B B A ...), or empty
     */
    record Request(String instance, String sandbox, Path script, int clients, Duration duration,
                   Map<String, String> settings, Map<String, String> compareWith, int replicates) {
        public Request {
            if ((instance == null) == (sandbox == null)) {
                throw new IllegalArgumentException("An experiment runs on an instance or on a sandbox, not both");
            }
            settings = Map.copyOf(settings);
            compareWith = Map.copyOf(compareWith);
        }
    }

    /** @param fraction 0..1; @param step what runs now, in words */
    record Progress(double fraction, String step) {
    }

    /**
     * @param observations one per configuration run (the first is {@code settings}, the second {@code compareWith})
     * @param verdict      "B is 12% faster than A" or "no difference: 3% is within the 18% run-to-run noise"
     */
    record Result(List<Observation> observations, String verdict) {
        public Result {
            observations = List.copyOf(observations);
        }
    }
}
