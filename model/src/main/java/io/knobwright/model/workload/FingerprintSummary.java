package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link FingerprintDigest} knows of one fingerprint (or of the fingerprints it folded into "other").
 *
 * @param id         the fingerprint's id ({@link Fingerprint#id()}); 0 for the folded ones
 * @param normalized the normalised text
 * @param example    one statement as logged, its first {@value FingerprintDigest#EXAMPLE_LIMIT} characters
 * @param calls      statements counted
 * @param totalMs    their summed duration
 * @param p50Ms      median duration (histogram: within 2% of a recorded duration)
 * @param p95Ms      95th percentile
 * @param p99Ms      99th percentile
 * @param rows       rows summed over the statements whose log said, -1 when none did
 * @param firstSeen  the earliest statement's time
 * @param lastSeen   the latest statement's time
 * @param hours      calls per hour of the week, in the digest's time zone
 */
public record FingerprintSummary(long id, String normalized, String example, long calls, double totalMs, double p50Ms,
                                 double p95Ms, double p99Ms, long rows, Instant firstSeen, Instant lastSeen,
                                 WeekHourCounts hours) {

    public FingerprintSummary {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(hours, "hours");
    }

    public double meanMs() {
        return calls == 0 ? 0 : totalMs / calls;
    }
}
