package io.knobwright.simulator.recommend;

/**
 * How sure the recommendation is of its effect, read from the predicted gain's 80% interval over the model's
 * uncertain constants (decision 0149).
 */
public enum Confidence {
    /** Even the pessimistic end of the interval clears the minimum gain. */
    HIGH,
    /** The interval lies above no change, but its pessimistic end is below the minimum gain. */
    MEDIUM,
    /** Kept for another reason than its own gain: it makes room for another change, or keeps the memory safe. */
    LOW
}
