package io.knobwright.model.hub;

import java.time.Instant;
import java.util.Objects;

/**
 * Something this workbench did that must reach the hub: a submission, a decision, a bypass, a review closed, a
 * withdrawal. Queued in the unit of work of the local change; pushed in order; idempotent by {@link #requestUid}.
 *
 * @param planUid the plan's uid; null for a delegation
 * @param payload what the push needs, as JSON (the plan content for a submission, the verdict for a decision, ...)
 * @param refusal the hub's reason when it refused; empty while unanswered or when accepted
 */
public record HubRequest(long seq, String requestUid, Kind kind, String planUid, String actor, String payload,
                         Instant queuedAt, Instant answeredAt, String refusal) {

    public enum Kind { SUBMIT, DECIDE, BYPASS, CLOSE_REVIEW, WITHDRAW, DELEGATE }

    public HubRequest {
        Objects.requireNonNull(requestUid, "requestUid");
        Objects.requireNonNull(kind, "kind");
        if (planUid == null && kind != Kind.DELEGATE) {
            throw new IllegalArgumentException("A hub request about a plan needs the plan's uid");
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(queuedAt, "queuedAt");
        refusal = refusal == null ? "" : refusal;
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
