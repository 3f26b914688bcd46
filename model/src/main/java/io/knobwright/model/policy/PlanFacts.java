package io.knobwright.model.policy;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;

import java.util.List;
import java.util.Objects;

/**
 * What approval rules are matched against: the plan, its instance as it is now (null when removed from the
 * fleet), the locks it touches and its risk.
 */
public record PlanFacts(ChangePlan plan, Instance instance, List<LockRule> locks, RiskAssessment risk) {

    public PlanFacts {
        Objects.requireNonNull(plan, "plan");
        locks = List.copyOf(locks);
        Objects.requireNonNull(risk, "risk");
    }

    public boolean touchesLocked() {
        return !locks.isEmpty();
    }
}
