package io.knobwright.model.approval;

import io.knobwright.model.UserError;

import java.util.Objects;

/**
 * Governance said no: the message says why and what would make it possible. Every refusal is also recorded in
 * the audit trail, because an attempt that was stopped is part of the record.
 */
public final class GovernanceRefusal extends UserError {

    public enum Reason {
        /** The author tried to decide on their own plan (or a delegate on the author's behalf). */
        SELF_APPROVAL,
        /** This person already decided on this plan. */
        ALREADY_DECIDED,
        /** The person does not hold the role the pending level needs, and no delegation gives it. */
        NOT_ELIGIBLE,
        /** The plan is not waiting for a decision (draft, decided, applied, ...). */
        NOT_PENDING,
        /** The request waited past its expiry. */
        EXPIRED,
        /** A plan that touches a locked parameter was to be applied without the approvals its rule demands. */
        LOCKED_WITHOUT_APPROVAL,
        /** Only operators may break the glass; only reviewers close its review; only admins change policy. */
        ROLE_REQUIRED,
        /** A mandatory reason or comment is missing. */
        REASON_REQUIRED,
        /** No such user is registered. */
        UNKNOWN_USER,
        /** Another override owns the parameter, or a plan touching it is being applied. */
        CONFLICT
    }

    private final Reason reason;

    public GovernanceRefusal(Reason reason, String message) {
        super(Kind.INPUT, message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
