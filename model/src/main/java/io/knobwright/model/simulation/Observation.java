package io.knobwright.model.simulation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One measured experiment: a workload run under a configuration, what it measured, and what the model had
 * predicted before it ran. Stored append-only; the simulator's calibration learns from these.
 *
 * @param id            store id, 0 before it is stored
 * @param target        the instance's name, or "sandbox:NAME" for a sandbox Knobwright started
 * @param instanceId    the instance it ran on or stands for (a sandbox started for an instance), 0 when none
 * @param workloadKey   identifies the workload (hash of the script text, or "replay:" + instance and fingerprints):
 *                      observations with the same key calibrate the same shape
 * @param hardwareClass "2cpu-24GiB-ssd": observations transfer within a class
 * @param settings      the settings in force as the user wrote them (name -> text)
 * @param features      what the run measured about the workload itself, per transaction (pages, temp bytes, WAL
 *                      bytes, ...), by name
 * @param tps           median throughput of the replicates
 * @param noise         relative run-to-run spread of the replicates ((p90 - p10) / 2 / median), 0 with one run
 * @param predictedTps  what the model predicted before the run, NaN when it was not asked
 */
public record Observation(long id, Instant at, String target, long instanceId, String workloadKey,
                          String hardwareClass, Map<String, String> settings, int clients, Map<String, Double> features,
                          double tps, double p50Ms, double p95Ms, double noise, int replicates, double predictedTps,
                          double predictedLow, double predictedHigh) {

    public Observation {
        Objects.requireNonNull(at, "at");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("An observation names where it ran");
        }
        if (workloadKey == null || workloadKey.isBlank()) {
            throw new IllegalArgumentException("An observation names its workload");
        }
        hardwareClass = hardwareClass == null ? "" : hardwareClass;
        settings = Map.copyOf(settings);
        features = Map.copyOf(features);
        if (clients < 1 || replicates < 1) {
            throw new IllegalArgumentException("An observation has at least one client and one run");
        }
        if (!(tps >= 0) || Double.isInfinite(tps)) {
            throw new IllegalArgumentException("Measured throughput is finite and not negative: " + tps);
        }
    }

    public Observation withId(long newId) {
        return new Observation(newId, at, target, instanceId, workloadKey, hardwareClass, settings, clients, features,
                tps, p50Ms, p95Ms, noise, replicates, predictedTps, predictedLow, predictedHigh);
    }

    public boolean wasPredicted() {
        return Double.isFinite(predictedTps);
    }
}
