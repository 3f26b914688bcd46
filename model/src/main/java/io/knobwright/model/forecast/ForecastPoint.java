package io.knobwright.model.forecast;

import java.time.LocalDate;
import java.util.Objects;

/** The size expected at the end of one day, and the 80% interval around it. */
public record ForecastPoint(LocalDate date, long expectedBytes, long lowBytes, long highBytes) {

    public ForecastPoint {
        Objects.requireNonNull(date, "date");
        if (lowBytes > expectedBytes || highBytes < expectedBytes) {
            throw new IllegalArgumentException("The interval [" + lowBytes + ", " + highBytes + "] leaves out "
                    + expectedBytes);
        }
    }
}
