package io.knobwright.model.hub;

import java.time.Instant;
import java.util.Objects;

/**
 * Something this workbench did that must reach the hub: a submission, a decision, a bypass, a review closed, a
 * withdrawal. Queued in the unit of work of the local change; pushed in order; idempotent by {@link #requestUid}.
 *
 * @param payload what the push needs, as JSON (the plan content for a submission, the verdict for a decision, ...)
 * @param refusal the hub's reason when it refused; empty while unanswered or when accepted
 */
public record HubRequest(long seq, String requestUid, Kind kind, String planUid, String actor, String payload,
                         Instant queuedAt, Instant answeredAt, String refusal) {

    public enum Kind { SUBMIT, DECIDE, BYPASS, CLOSE_REVIEW, WITHDRAW }

    public HubRequest {
        Objects.requireNonNull(requestUid, "requestUid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(planUid, "planUid");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(queuedAt, "queuedAt");
        refusal = refusal == null ? "" : refusal;
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
