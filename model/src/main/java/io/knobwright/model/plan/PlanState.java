package io.knobwright.model.plan;

/**
 * Where a change plan is in its life: DRAFT -> SUBMITTED -> APPROVED | REJECTED | EXPIRED; BYPASSED when an operator
 * broke the glass; a plan edited after submission goes back to DRAFT. Apply builds on APPROVED and BYPASSED.
 */
public enum PlanState {
    DRAFT, SUBMITTED, APPROVED, REJECTED, EXPIRED, BYPASSED, APPLIED, ROLLED_BACK, CANCELLED;

    /** Whether governance lets the plan reach a server. */
    public boolean readyToApply() {
        return this == APPROVED || this == BYPASSED;
    }
}
