package io.knobwright.model.forecast;

import java.time.Instant;
import java.util.Objects;

/** A size measured at one moment: a database, a table, an index or everything on an instance. */
public record SizePoint(Instant at, long bytes) {

    public SizePoint {
        Objects.requireNonNull(at, "at");
        if (bytes < 0) {
            throw new IllegalArgumentException("A size is not negative: " + bytes);
        }
    }
}
