package io.knobwright.model.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A step in the size that the usual growth does not explain: a bulk load ({@code deltaBytes} > 0) or a purge, a
 * VACUUM FULL, a dropped partition ({@code deltaBytes} < 0). The forecast keeps the new level and not the step's
 * slope. {@code usualDailyBytes} is the growth expected on that day without the step.
 */
public record ChangePoint(LocalDate date, long deltaBytes, long usualDailyBytes) {

    public ChangePoint {
        Objects.requireNonNull(date, "date");
    }

    public boolean isLoad() {
        return deltaBytes > 0;
    }
}
