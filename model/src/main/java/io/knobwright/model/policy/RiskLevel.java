package io.knobwright.model.policy;

/** How much could go wrong with a plan, from its content; ordered from least to most. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public RiskLevel atLeast(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** One step up, as a production tier or a high criticality raises what a change already risks. */
    public RiskLevel raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
