package io.knobwright.model.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A plan's risk and every reason for it, the highest first. A plan with no reason is low risk. */
public record RiskAssessment(RiskLevel level, List<RiskReason> reasons) {

    public static final RiskAssessment NONE = new RiskAssessment(RiskLevel.LOW, List.of());

    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        reasons = reasons.stream().sorted(Comparator.comparing(RiskReason::level).reversed()).toList();
    }

    /** One line: "high: fsync turned off; restart needed". */
    public String summary() {
        String level = this.level.name().toLowerCase(java.util.Locale.ROOT);
        return reasons.isEmpty() ? level + ": nothing in the plan raises its risk"
                : level + ": " + String.join("; ", reasons.stream().map(RiskReason::text).toList());
    }
}
