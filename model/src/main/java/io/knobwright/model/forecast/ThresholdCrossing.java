package io.knobwright.model.forecast;

import java.time.LocalDate;

/**
 * When the size reaches {@code thresholdBytes}: {@code expected} on the forecast line, {@code earliest} where the 80%
 * interval's high side reaches it, {@code latest} where its low side does. A date is null when it lies beyond the
 * {@code searchedDays} searched; {@code alreadyReached} when the last measured size is at or above the threshold.
 */
public record ThresholdCrossing(long thresholdBytes, LocalDate expected, LocalDate earliest, LocalDate latest,
                                boolean alreadyReached, int searchedDays) {
}
