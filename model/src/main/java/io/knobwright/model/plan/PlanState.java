package io.knobwright.model.plan;

/**
 * Where a change plan is in its life: DRAFT -> SUBMITTED -> APPROVED | REJECTED | EXPIRED; BYPASSED when an operator
 * broke the glass; a plan edited after submission goes back to DRAFT. Apply takes an APPROVED or BYPASSED plan through
 * APPLYING to APPLIED, ROLLED_BACK (the server holds its old configuration; it may be applied again) or NEEDS_ATTENTION.
 */
public enum PlanState {
    DRAFT, SUBMITTED, APPROVED, REJECTED, EXPIRED, BYPASSED, APPLYING, APPLIED, ROLLED_BACK, NEEDS_ATTENTION, CANCELLED;

    /** Whether governance lets the plan reach a server (again, after a run that was rolled back). */
    public boolean readyToApply() {
        return this == APPROVED || this == BYPASSED || this == ROLLED_BACK;
    }
}
