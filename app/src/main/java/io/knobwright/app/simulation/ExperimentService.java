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
     * @param script      a pgbench-style script, or null for a replay of the instance's top fingerprints; a path
     *                    "builtin:tpcb-like" (also select-only, simple-update) names one of pgbench's own scripts
     * @param settings    the settings to run under (name -> text); restart-only ones only on a sandbox
     * @param compareWith a second configuration run interleaved with the first (A B B A ...), or empty
     * @param warmUp      how long each run runs before it is measured (its transactions are discarded); null: a
     *                    quarter of {@code duration}, at least a second and at most a minute
     * @param scale       pgbench scale of the tables a sandbox is loaded with (when {@code setup} is null); the
     *                    script's :scale
     * @param setup       a SQL file that loads a sandbox instead of pgbench tables, or null
     */
    record Request(String instance, String sandbox, Path script, int clients, Duration duration,
                   Map<String, String> settings, Map<String, String> compareWith, int replicates, Duration warmUp,
                   int scale, Path setup) {
        public Request {
            if ((instance == null) == (sandbox == null)) {
                throw new IllegalArgumentException("An experiment runs on an instance or on a sandbox, not both");
            }
            settings = Map.copyOf(settings);
            compareWith = Map.copyOf(compareWith);
            scale = Math.max(1, scale);
        }

        /** The default warm-up, pgbench tables at scale 1 on a sandbox. */
        public Request(String instance, String sandbox, Path script, int clients, Duration duration,
                       Map<String, String> settings, Map<String, String> compareWith, int replicates) {
            this(instance, sandbox, script, clients, duration, settings, compareWith, replicates, null, 1, null);
        }

        /** The warm-up asked for, else a quarter of the measured duration within 1 s .. 60 s. */
        public Duration effectiveWarmUp() {
            if (warmUp != null) {
                return warmUp;
            }
            Duration quarter = duration.dividedBy(4);
            Duration second = Duration.ofSeconds(1);
            Duration minute = Duration.ofMinutes(1);
            return quarter.compareTo(second) < 0 ? second : quarter.compareTo(minute) > 0 ? minute : quarter;
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
