package io.knobwright.simulator.recommend;

import java.util.Objects;

/**
 * One figure measured on the instance (from its workload profile): the evidence a recommendation cites beside the
 * queries. NaN values are never kept: a figure that was not measured is not evidence.
 *
 * @param metric  a stable key ({@link Measurements} names them), for the JSON and for choosing what each setting cites
 * @param value   in {@code unit}
 * @param unit    "ratio", "B", "B/s", "per hour", "connections"
 * @param meaning what it is, for a DBA ("share of block reads served from shared_buffers")
 */
public record Measurement(String metric, double value, String unit, String meaning) {

    public Measurement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(meaning, "meaning");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A measurement has a finite value: " + metric + " = " + value);
        }
    }
}
