package io.knobwright.model.index;

import java.util.Objects;

/**
 * A query of the workload that index advice weighs: its fingerprint, a text the server can explain (pg_stat_statements'
 * text with $n, or a statement as logged) and how often it runs.
 *
 * @param fingerprint the fingerprint's hex id
 * @param text        the statement
 * @param calls       calls counted in the source (a log, or the statements' counters)
 * @param callsPerDay calls per day; what a saving is multiplied by
 */
public record AdviceQuery(String fingerprint, String text, long calls, double callsPerDay) {

    public AdviceQuery {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(text, "text");
        if (calls < 0 || !(callsPerDay >= 0) || Double.isInfinite(callsPerDay)) {
            throw new IllegalArgumentException("Query " + fingerprint + ": calls cannot be negative");
        }
    }
}
