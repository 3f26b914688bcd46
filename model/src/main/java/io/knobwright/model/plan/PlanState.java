package io.knobwright.model.plan;

/** Where a change plan is in its life. Governance (approvals) and apply build on these states. */
public enum PlanState {
    DRAFT, SUBMITTED, APPROVED, REJECTED, APPLIED, ROLLED_BACK, CANCELLED
}
