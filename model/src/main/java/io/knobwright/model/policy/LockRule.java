package io.knobwright.model.policy;

import java.util.Objects;

/**
 * A critical parameter locked on the instances of a scope: a plan that touches it is at least high risk, and is
 * never ready to apply without approvals, even where the matching approval rule would need none.
 *
 * @param reason why it is locked, shown to whoever meets the lock ("replication depends on it")
 */
public record LockRule(LockScope scope, ParameterPattern parameter, String reason) {

    public LockRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(parameter, "parameter");
        reason = reason == null ? "" : reason.strip();
        if (reason.length() > 500) {
            throw new IllegalArgumentException("A lock's reason is longer than 500 characters");
        }
    }

    /** The same parameter locked on the same scope is one lock, whatever its reason. */
    public boolean sameLockAs(LockRule other) {
        return scope.equals(other.scope) && parameter.equals(other.parameter);
    }

    @Override
    public String toString() {
        return parameter + " on " + scope + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
