package io.knobwright.model.policy;

import java.util.Objects;

/** One reason a plan got its risk, in words a change board reads ("fsync turned off: a crash can corrupt data"). */
public record RiskReason(RiskLevel level, String text) {

    public RiskReason {
        Objects.requireNonNull(level, "level");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A risk reason needs a text");
        }
    }
}
