package io.knobwright.model.approval;

import java.time.Instant;
import java.util.List;

/**
 * Where a submitted plan's approval round stands at a moment.
 *
 * @param pendingLevel the index of the level waiting for decisions; -1 when none is
 * @param expiresAt    when the round expires undecided; null when it never does
 */
public record ApprovalStatus(Outcome outcome, int pendingLevel, List<LevelProgress> levels, Instant expiresAt) {

    public enum Outcome { PENDING, APPROVED, REJECTED, EXPIRED }

    public ApprovalStatus {
        levels = List.copyOf(levels);
    }

    public LevelProgress pending() {
        return pendingLevel < 0 ? null : levels.get(pendingLevel);
    }

    /** "level 2 of 3 (2 change-board): 1 of 2 approvals". */
    public String text() {
        return switch (outcome) {
            case APPROVED -> levels.isEmpty() ? "approved (no approval needed)" : "approved";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case PENDING -> {
                LevelProgress p = pending();
                yield "level " + (pendingLevel + 1) + " of " + levels.size() + " (" + p.level() + "): " + p.approvals().size()
                        + " of " + p.level().quorum() + " approval" + (p.level().quorum() == 1 ? "" : "s")
                        + (p.escalated() ? ", escalated" : "");
            }
        };
    }
}
