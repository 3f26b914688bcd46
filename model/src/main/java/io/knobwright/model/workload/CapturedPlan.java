package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * One EXPLAIN of a query, as captured on an instance at a moment.
 *
 * @param instanceId  the fleet instance
 * @param queryKey    what identifies the query across captures: its fingerprint (16 hex digits)
 * @param query       the statement text that was explained (with $n placeholders)
 * @param capturedAt  when
 * @param generic     true for a generic plan (parameters unknown), false when the text had no parameters
 * @param shape       the plan's shape
 * @param explainJson the server's EXPLAIN (FORMAT JSON) output, kept whole for the side-by-side view
 */
public record CapturedPlan(long instanceId, String queryKey, String query, Instant capturedAt, boolean generic,
                           PlanShape shape, String explainJson) {

    public CapturedPlan {
        Objects.requireNonNull(queryKey, "queryKey");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(explainJson, "explainJson");
    }
}
