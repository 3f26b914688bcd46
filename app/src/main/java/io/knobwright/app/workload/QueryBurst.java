package io.knobwright.app.workload;

import io.knobwright.model.workload.BurstDetector;

import java.util.Objects;

/**
 * An N+1 pattern as the Workload screen shows it: the burst and the normalised text of the query it repeated.
 *
 * @param query the repeated query's normalised text ("" when the fingerprint is no longer among the stored ones)
 */
public record QueryBurst(BurstDetector.Burst burst, String query) {

    public QueryBurst {
        Objects.requireNonNull(burst, "burst");
        Objects.requireNonNull(query, "query");
    }
}
