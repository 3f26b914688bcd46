package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;

import java.util.List;
import java.util.Objects;

/**
 * One setting to change on one instance.
 *
 * @param from            the value in force, as the server spells it ("128MB")
 * @param to              the recommended value, a valid value of the server's own catalog ("2GB")
 * @param evidence        the measured figures and queries that drove it, and what the model predicts at today's value
 * @param reasoning       one or two sentences a DBA can check against the evidence
 * @param effect          the predicted gain with its 80% interval, and the metrics before and after
 * @param applyMode       what it takes to apply (reload, restart, ...), from the catalog
 * @param dataLossWindow  for a durability trade (only when the user allowed one): what a crash can lose; empty otherwise
 */
public record Recommendation(String parameter, String from, String to, Direction direction, Reason reason,
                             List<Evidence> evidence, String reasoning, PredictedEffect effect, Confidence confidence,
                             ApplyMode applyMode, String dataLossWindow) {

    /** Which way the value moves; decreases are recommended as readily as increases. */
    public enum Direction { INCREASE, DECREASE, CHANGE }

    /** Why the change is in the set. */
    public enum Reason {
        /** Its own predicted throughput gain clears the minimum gain and its interval lies above no change. */
        THROUGHPUT,
        /** It frees the memory another recommended change needs to stay within the budget. */
        MAKES_ROOM,
        /** It brings the predicted out-of-memory risk back under the limit (or the memory budget). */
        MEMORY_SAFETY,
        /** Without it the other recommended changes would raise the 95th percentile latency beyond the guard. */
        KEEPS_LATENCY,
        /** A planner setting the instance's own queries were shown to benefit from, weighted by their calls. */
        PLANNER,
        /** Sized to a measured need (an hour of the measured redo, room above the measured peak of connections). */
        SIZED_TO_MEASURED,
        /** The vendor's documented guidance applied to the instance's facts (RAM, CPUs), where no workload says more. */
        VENDOR_GUIDANCE
    }

    public Recommendation {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("A recommendation names its parameter");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
        if (reasoning == null || reasoning.isBlank()) {
            throw new IllegalArgumentException("A recommendation says why: " + parameter);
        }
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(applyMode, "applyMode");
        dataLossWindow = dataLossWindow == null ? "" : dataLossWindow;
    }

    public boolean restartRequired() {
        return applyMode == ApplyMode.RESTART;
    }
}
