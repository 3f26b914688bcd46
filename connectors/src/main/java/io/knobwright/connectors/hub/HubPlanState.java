package io.knobwright.connectors.hub;

/**
 * Where a plan stands on the hub. APPROVED, REJECTED and BYPASSED are final; a WITHDRAWN or EXPIRED plan may be
 * submitted again by its author under the same plan uid, which starts a new round.
 */
public enum HubPlanState {
    SUBMITTED, APPROVED, REJECTED, EXPIRED, BYPASSED, WITHDRAWN;

    /** Whether the plan is waiting for decisions (reviewers may decide, the author may withdraw). */
    public boolean awaitsDecisions() {
        return this == SUBMITTED;
    }

    /** Whether nothing can happen to the plan any more, not even a new round. */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == BYPASSED;
    }
}
