package io.knobwright.simulator.model;

import java.util.Map;
import java.util.Objects;

/**
 * Why a predicted number is what it is: the mechanism that produced it, one or two sentences, and the inputs it
 * used (named as a DBA would name them, in base units). The screen shows these next to each number.
 */
public record Explanation(Metric metric, String mechanism, String text, Map<String, Double> inputs) {

    public Explanation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(text, "text");
        inputs = Map.copyOf(inputs);
    }
}
