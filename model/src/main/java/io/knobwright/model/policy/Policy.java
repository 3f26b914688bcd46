package io.knobwright.model.policy;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;

import io.knobwright.model.notify.WebhookSubscription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The governance policy of a store: locked parameters, ordered approval rules (first match wins), the fallback
 * rule for plans no rule matches, and the webhooks told of requests, decisions, expiries and bypasses. Versioned as
 * a whole: every change is a new version, audited.
 */
public record Policy(List<LockRule> locks, List<ApprovalRule> rules, ApprovalRule fallback, List<WebhookSubscription> webhooks) {

    /** What a store starts with: nothing locked, no rules, one approval by a reviewer who is not the author. */
    public static final Policy DEFAULT = new Policy(List.of(), List.of(), ApprovalRule.defaultFallback());

    /** A policy without webhooks. */
    public Policy(List<LockRule> locks, List<ApprovalRule> rules, ApprovalRule fallback) {
        this(locks, rules, fallback, List.of());
    }

    public Policy {
        locks = List.copyOf(locks);
        rules = List.copyOf(rules);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        Objects.requireNonNull(fallback, "fallback");
        Set<String> names = new HashSet<>();
        for (ApprovalRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("Two approval rules are named '" + rule.name() + "'; names must be unique");
            }
        }
        for (int i = 0; i < locks.size(); i++) {
            for (int j = i + 1; j < locks.size(); j++) {
                if (locks.get(i).sameLockAs(locks.get(j))) {
                    throw new IllegalArgumentException("Parameter " + locks.get(i).parameter() + " is locked twice on " + locks.get(i).scope());
                }
            }
        }
        if (fallback.levels().isEmpty()) {
            throw new IllegalArgumentException("The fallback rule must ask for at least one approval: it is what a plan"
                    + " touching a locked parameter falls to when its rule asks for none");
        }
    }

    /** The locks a plan touches on its instance (each lock once, in policy order). */
    public List<LockRule> locksTouchedBy(ChangePlan plan, Instance instance) {
        List<LockRule> touched = new ArrayList<>();
        for (LockRule lock : locks) {
            if (!lock.scope().covers(plan.instanceName(), instance)) {
                continue;
            }
            for (PlannedChange change : plan.changes()) {
                if (lock.parameter().matches(change.parameter())) {
                    touched.add(lock);
                    break;
                }
            }
        }
        return touched;
    }

    /**
     * The rule a plan falls under: the first matching one; the fallback when none matches, and also when the
     * matching rule asks for no approval but the plan touches a locked parameter.
     */
    public ApprovalRule ruleFor(PlanFacts facts) {
        for (ApprovalRule rule : rules) {
            if (rule.match().matches(facts)) {
                return rule.levels().isEmpty() && facts.touchesLocked() ? fallback : rule;
            }
        }
        return fallback;
    }

    public Policy withLock(LockRule lock) {
        List<LockRule> next = new ArrayList<>(locks.stream().filter(l -> !l.sameLockAs(lock)).toList());
        next.add(lock);
        return new Policy(next, rules, fallback, webhooks);
    }

    public Policy withoutLock(LockScope scope, ParameterPattern parameter) {
        return new Policy(locks.stream().filter(l -> !(l.scope().equals(scope) && l.parameter().equals(parameter))).toList(),
                rules, fallback, webhooks);
    }
}
