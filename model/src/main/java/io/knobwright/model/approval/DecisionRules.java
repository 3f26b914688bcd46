package io.knobwright.model.approval;

import io.knobwright.model.policy.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may decide the pending level of a plan, with separation of duties: never the author, never twice on one
 * plan (in one's own name or as someone's delegate), only holders of the level's role (or of the escalation role
 * once the level has escalated), or a delegate of such a holder within the delegation's window.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * Whose right the actor decides by: themselves when they hold the role, else the first delegator (by name) whose
     * active delegation to them gives it. Throws a refusal saying why nobody's right applies.
     *
     * @param users       every registered user by name (delegators are looked up here)
     * @param delegations the delegations to the actor
     */
    public static Optional<String> principalFor(User actor, String author, ApprovalChain chain, ApprovalStatus status,
                                                List<Decision> roundDecisions, Map<String, User> users,
                                                List<Delegation> delegations, Instant now) {
        if (status.outcome() == ApprovalStatus.Outcome.EXPIRED) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.EXPIRED, "The request expired at " + status.expiresAt()
                    + " without a decision; the author can submit the plan again.");
        }
        if (status.outcome() != ApprovalStatus.Outcome.PENDING) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "The plan is " + status.text()
                    + " and waits for no decision.");
        }
        if (actor.name().equals(author)) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.SELF_APPROVAL, actor.name() + " wrote this plan and may not"
                    + " decide on it: separation of duties needs another reviewer.");
        }
        if (roundDecisions.stream().anyMatch(d -> d.involves(actor.name()))) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.ALREADY_DECIDED, actor.name() + " already decided on this"
                    + " plan; one person decides once, at one level.");
        }
        LevelProgress pending = status.pending();
        if (eligible(actor, pending, chain)) {
            return Optional.empty();
        }
        List<String> tried = new ArrayList<>();
        for (Delegation d : delegations.stream().filter(d -> d.to().equals(actor.name()) && d.activeAt(now))
                .sorted(java.util.Comparator.comparing(Delegation::from)).toList()) {
            User delegator = users.get(d.from());
            if (delegator == null || d.from().equals(author)) {
                tried.add(d.from() + (d.from().equals(author) ? " (the author)" : " (no longer a user)"));
                continue;
            }
            if (roundDecisions.stream().anyMatch(x -> x.involves(d.from()))) {
                tried.add(d.from() + " (already decided)");
                continue;
            }
            if (eligible(delegator, pending, chain)) {
                return Optional.of(d.from());
            }
            tried.add(d.from() + " (not " + pending.level().role() + ")");
        }
        String roles = pending.level().role() + (pending.escalated() ? " or " + chain.escalateTo() : "");
        throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_ELIGIBLE, actor.name() + " may not decide level "
                + (status.pendingLevel() + 1) + ": it needs a " + roles + (tried.isEmpty() ? ""
                : "; delegations from " + String.join(", ", tried) + " do not give it") + ". An admin can add the role with"
                + " `knobwright user add --name " + actor.name() + " --role ...`.");
    }

    private static boolean eligible(User user, LevelProgress pending, ApprovalChain chain) {
        return user.has(pending.level().role()) || (pending.escalated() && user.has(chain.escalateTo()));
    }

    /** Whether the user could decide the pending level now (for an inbox): the same rules, without the exception. */
    public static boolean canDecide(User actor, String author, ApprovalChain chain, ApprovalStatus status,
                                    List<Decision> roundDecisions, Map<String, User> users, List<Delegation> delegations,
                                    Instant now) {
        try {
            principalFor(actor, author, chain, status, roundDecisions, users, delegations, now);
            return true;
        } catch (GovernanceRefusal refused) {
            return false;
        }
    }
}
