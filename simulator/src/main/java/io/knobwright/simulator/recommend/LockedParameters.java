package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.LockRule;

import java.util.Optional;

/** A parameter locked by the policy on this instance is never changed. */
public final class LockedParameters implements Constraint {

    @Override
    public String name() {
        return "locked parameters";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        for (String parameter : candidate.changes()) {
            Optional<LockRule> lock = lockOn(candidate.request(), parameter);
            if (lock.isPresent()) {
                return Optional.of(parameter + " is locked on " + candidate.request().instance() + " by the policy ("
                        + lock.get() + "): it is left as it is.");
            }
        }
        return Optional.empty();
    }

    static Optional<LockRule> lockOn(RecommendationRequest request, String parameter) {
        return request.locks().stream().filter(l -> l.parameter().matches(parameter)).findFirst();
    }
}
