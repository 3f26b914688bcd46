package io.knobwright.model.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the store keeps them: UTC, to the microsecond (H2's precision), so that a value written reads back
 * equal. Null stays null, for the columns that may hold none.
 */
final class StoreTimes {

    private StoreTimes() {
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
