package io.knobwright.model.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Growth the model did not expect: a step on one day (a bulk load, a purge) or, over the last {@code days} days,
 * growth outside the 98% range of the backtest's errors. {@code recent} when it ended within the last week measured.
 */
public record AbnormalGrowth(LocalDate date, int days, long observedBytes, long expectedBytes, boolean recent, String reason) {

    public AbnormalGrowth {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }
}
