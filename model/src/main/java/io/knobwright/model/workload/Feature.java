package io.knobwright.model.workload;

import java.util.Objects;

/**
 * One measured feature of a workload and the vote it cast in the OLTP / OLAP classification: the "why" shown
 * next to the class.
 *
 * @param name      what was measured ("mean statement time")
 * @param value     the measured value, NaN when it could not be measured
 * @param unit      the value's unit ("ms", "/s", "B", "" for a ratio)
 * @param threshold the rule the value was held against, in words ("OLTP <= 10 ms, OLAP >= 500 ms")
 * @param vote      which way the value voted
 * @param basis     where the value came from ("pg_stat_statements digest", "active sessions / statements per second")
 */
public record Feature(String name, double value, String unit, String threshold, Vote vote, String basis) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(vote, "vote");
        Objects.requireNonNull(basis, "basis");
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("Feature " + name + " has an infinite value");
        }
        if (Double.isNaN(value) != (vote == Vote.UNKNOWN)) {
            throw new IllegalArgumentException("Feature " + name + ": an unmeasured value votes UNKNOWN, and only it");
        }
    }

    public boolean measured() {
        return !Double.isNaN(value);
    }
}
