package io.knobwright.simulator.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in model's tunable constants (θ): how fast this kind of host does the things the mechanisms count.
 * Each has a prior (a typical value and how far, in log space, it may plausibly be off); calibration moves them
 * toward what measured runs say, and the priors keep a few runs from pushing them anywhere absurd.
 */
public record ModelParameters(Map<String, Prior> values) {

    /** A constant's value now, and its prior: median and log-space standard deviation. */
    public record Prior(double value, double priorMedian, double priorLogSd, String meaning) {
        public Prior {
            if (!(value > 0) || !(priorMedian > 0) || !(priorLogSd > 0)) {
                throw new IllegalArgumentException("A model constant and its prior are positive");
            }
            Objects.requireNonNull(meaning, "meaning");
        }

        public Prior withValue(double v) {
            return new Prior(v, priorMedian, priorLogSd, meaning);
        }
    }

    public ModelParameters {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String name) {
        Prior p = values.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No model constant " + name + "; known: " + values.keySet());
        }
        return p.value();
    }

    public ModelParameters with(String name, double value) {
        Map<String, Prior> next = new LinkedHashMap<>(values);
        Prior p = next.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No model constant " + name + "; known: " + values.keySet());
        }
        next.put(name, p.withValue(value));
        return new ModelParameters(next);
    }

    public Set<String> names() {
        return values.keySet();
    }
}
