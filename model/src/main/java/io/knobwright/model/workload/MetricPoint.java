package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of an instance's series of a {@link Metric}: for a counter, the rate per second over the interval that
 * ends at {@code at}; for a gauge, the value polled at {@code at}.
 */
public record MetricPoint(Instant at, double value) {

    public MetricPoint {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A metric point is a finite number, not " + value);
        }
    }
}
