package io.knobwright.app.ui.recommend;

import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.fleet.Instance;

import java.util.Objects;

/**
 * One instance in the fleet table: its answer, or why it has none.
 *
 * @param outcome null when the instance could not be answered
 * @param failure what was missing or went wrong, and what to run; empty when answered
 */
public record FleetRow(Instance instance, RecommendationService.Outcome outcome, String failure) {

    public FleetRow {
        Objects.requireNonNull(instance, "instance");
        failure = failure == null ? "" : failure;
        if ((outcome == null) == failure.isBlank()) {
            throw new IllegalArgumentException("A fleet row has an answer or a failure: " + instance.name());
        }
    }

    public String name() {
        return instance.name();
    }

    public boolean failed() {
        return outcome == null;
    }

    /** How many changes are recommended; 0 for "no change" and for a failure. */
    public int changes() {
        return outcome == null ? 0 : outcome.set().recommendations().size();
    }

    /** "+12% (80%: +4% to +21%)", "no change", "—" for a failure. */
    public String gainText() {
        if (outcome == null) {
            return "—";
        }
        return outcome.set().overall() == null ? "no change" : RecommendationFormats.gain(outcome.set().overall().gain());
    }

    /** The overall gain's mean, for sorting; failures and "no change" below every gain. */
    public double gain() {
        return outcome == null || outcome.set().overall() == null ? Double.NEGATIVE_INFINITY
                : outcome.set().overall().gain().mean();
    }

    /** "2 changes", "No change: ...", or the failure. */
    public String status() {
        if (outcome == null) {
            return failure;
        }
        return outcome.set().noChange() ? outcome.set().noChangeReason() : "";
    }
}
