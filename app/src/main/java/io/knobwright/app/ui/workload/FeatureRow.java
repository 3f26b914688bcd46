package io.knobwright.app.ui.workload;

import io.knobwright.model.workload.Feature;
import io.knobwright.model.workload.Vote;

/** One line of the "why": a feature, its value, the rule it was held against and which way it voted. */
public record FeatureRow(String name, String value, String threshold, Vote vote, String basis) {

    static FeatureRow of(Feature f) {
        return new FeatureRow(f.name(), WorkloadFormats.withUnit(f.value(), f.unit()), f.threshold(), f.vote(), f.basis());
    }
}
