package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/** A size measured at a time: one point of a database's, table's or index's size series. */
public record SizePoint(Instant at, long bytes) {

    public SizePoint {
        Objects.requireNonNull(at, "at");
        if (bytes < 0) {
            throw new IllegalArgumentException("A size is not negative, got " + bytes + " bytes at " + at);
        }
    }
}
