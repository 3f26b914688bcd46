package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a {@link FingerprintDigest} holds of one fingerprint, in a form the store keeps and gives back, so that
 * a second log import adds to the first: exact counts, and the duration histogram and hour counts as bytes
 * ({@link LatencyHistogram#toBytes()}, {@link WeekHourCounts#toBytes()}). Id 0 is the fingerprints folded together.
 */
public record FingerprintState(long id, String normalized, String example, long calls, double totalMs, long rows,
                               long callsWithRows, Instant firstSeen, Instant lastSeen, byte[] durations, byte[] hours) {

    public FingerprintState {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(hours, "hours");
        if (calls < 0 || callsWithRows < 0 || callsWithRows > calls) {
            throw new IllegalArgumentException("Fingerprint " + Fingerprint.hex(id) + " has " + calls + " calls and "
                    + callsWithRows + " with rows");
        }
    }

    /** What the digest would summarise for it (quantiles from the histogram). */
    public FingerprintSummary summary() {
        return FingerprintTally.of(this).summary();
    }
}
