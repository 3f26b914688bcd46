package io.knobwright.model.simulation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One applied plan's learning record (decision 0152): what the model predicted the apply would do, recorded when it was
 * applied, and, once enough of the workload after the apply was collected, what it measurably did.
 *
 * @param id              store id, 0 before it is stored
 * @param startedAt       when the apply run started: the workload before it is the "before"
 * @param finishedAt      when it ended: the workload after it is the "after"
 * @param workloadKey     the key the outcome's observations are stored under (the instance's measured workload)
 * @param settingsBefore  the settings the model reads, as the server held them before the apply
 * @param settingsAfter   the same with the plan's changes
 * @param prediction      empty when no prediction could be made (then {@code predictionNote} says why)
 * @param measured        empty until the outcome was measured
 */
public record ApplyOutcome(long id, long planId, long runId, long instanceId, String instanceName, Instant startedAt,
                           Instant finishedAt, String workloadKey, String hardwareClass,
                           Map<String, String> settingsBefore, Map<String, String> settingsAfter, String model,
                           String predictionNote, Optional<Predicted> prediction, Optional<Measured> measured) {

    /** What a measured comparison concluded. */
    public enum Verdict {
        /** Throughput changed by no more than the measured noise. */
        NO_DIFFERENCE,
        /** Throughput rose beyond the noise. */
        BETTER,
        /** Throughput fell beyond the noise, but by no more than the regression threshold. */
        WORSE,
        /** Throughput fell by more than the regression threshold, beyond the noise: flagged, a revert proposed. */
        REGRESSION,
        /** The clients differed too much before and after to compare; nothing was learnt. */
        LOAD_CHANGED
    }

    /**
     * The prediction at the apply: throughput and p95 latency before and after (means), the throughput after with its
     * own 80% interval ({@code tpsLow}, {@code tpsHigh}), and the relative throughput change with its 80% interval
     * (narrower: two predictions of one model err together).
     */
    public record Predicted(double tpsBefore, double tpsAfter, double tpsLow, double tpsHigh, double p95MsBefore,
                            double p95MsAfter, double change, double changeLow, double changeHigh) {
        public Predicted {
            if (!(changeLow <= change && change <= changeHigh)) {
                throw new IllegalArgumentException("A predicted change lies in its interval: " + change + " ["
                        + changeLow + ", " + changeHigh + "]");
            }
        }

        /** Whether a measured relative change falls inside the predicted interval. */
        public boolean covers(double measuredChange) {
            return changeLow <= measuredChange && measuredChange <= changeHigh;
        }
    }

    /**
     * The measured comparison: median transactions per second before and after with their sample-to-sample noise,
     * how many samples each, the median clients, the mean statement time (NaN when statements were not collected), the
     * observations stored, and the revert plan a regression proposed (0 when none).
     */
    public record Measured(Instant at, Verdict verdict, String summary, double tpsBefore, double tpsAfter,
                           double noiseBefore, double noiseAfter, int samplesBefore, int samplesAfter,
                           double clientsBefore, double clientsAfter, double queryMsBefore, double queryMsAfter,
                           long observationBefore, long observationAfter, long revertPlanId) {
        public Measured {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(verdict, "verdict");
            summary = summary == null ? "" : summary;
        }

        /** The relative change of the median throughput (-0.25 = a quarter fewer transactions per second). */
        public double change() {
            return tpsBefore > 0 ? tpsAfter / tpsBefore - 1 : Double.NaN;
        }

        public Measured withRevertPlan(long planId) {
            return new Measured(at, verdict, summary, tpsBefore, tpsAfter, noiseBefore, noiseAfter, samplesBefore,
                    samplesAfter, clientsBefore, clientsAfter, queryMsBefore, queryMsAfter, observationBefore,
                    observationAfter, planId);
        }
    }

    public ApplyOutcome {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (instanceName == null || instanceName.isBlank() || workloadKey == null || workloadKey.isBlank()) {
            throw new IllegalArgumentException("An apply outcome names its instance and workload");
        }
        hardwareClass = hardwareClass == null ? "" : hardwareClass;
        settingsBefore = Map.copyOf(settingsBefore);
        settingsAfter = Map.copyOf(settingsAfter);
        model = model == null ? "" : model;
        predictionNote = predictionNote == null ? "" : predictionNote;
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(measured, "measured");
    }

    public ApplyOutcome withId(long newId) {
        return new ApplyOutcome(newId, planId, runId, instanceId, instanceName, startedAt, finishedAt, workloadKey,
                hardwareClass, settingsBefore, settingsAfter, model, predictionNote, prediction, measured);
    }

    public ApplyOutcome withMeasured(Measured m) {
        return new ApplyOutcome(id, planId, runId, instanceId, instanceName, startedAt, finishedAt, workloadKey,
                hardwareClass, settingsBefore, settingsAfter, model, predictionNote, prediction, Optional.of(m));
    }
}
