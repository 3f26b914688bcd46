package io.knobwright.model.audit;

import java.util.Objects;

/**
 * What happened, before it is sealed into the chain.
 *
 * @param action  a dotted verb ("plan.submitted", "plan.approve.refused", "policy.lock")
 * @param subject what it happened to ("plan:42", "policy", "user:alice")
 * @param before  the state before, as text (JSON or a word); empty when there was none
 * @param after   the state after; empty when there is none
 */
public record AuditEntry(String actor, String action, String subject, String before, String after, String reason) {

    public AuditEntry {
        if (actor == null || actor.isBlank() || action == null || action.isBlank() || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an actor, an action and a subject");
        }
        before = Objects.requireNonNullElse(before, "");
        after = Objects.requireNonNullElse(after, "");
        reason = Objects.requireNonNullElse(reason, "");
    }
}
