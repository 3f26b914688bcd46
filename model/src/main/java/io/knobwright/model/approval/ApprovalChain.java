package io.knobwright.model.approval;

import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.Role;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The approval rule a plan matched, copied into the plan when it is submitted: editing the policy later does not
 * change what a pending plan needs.
 */
public record ApprovalChain(String rule, List<ApprovalLevel> levels, Duration escalateAfter, Role escalateTo,
                            Duration expireAfter) {

    public ApprovalChain {
        Objects.requireNonNull(rule, "rule");
        levels = List.copyOf(levels);
        if ((escalateAfter == null) != (escalateTo == null)) {
            throw new IllegalArgumentException("An approval chain needs both escalateAfter and escalateTo, or neither");
        }
    }

    public static ApprovalChain of(ApprovalRule rule) {
        return new ApprovalChain(rule.name(), rule.levels(), rule.escalateAfter(), rule.escalateTo(), rule.expireAfter());
    }

    /** "1 senior-dba, then 2 change-board"; "no approval" for an empty chain. */
    public String text() {
        return levels.isEmpty() ? "no approval" : String.join(", then ", levels.stream().map(ApprovalLevel::toString).toList());
    }
}
