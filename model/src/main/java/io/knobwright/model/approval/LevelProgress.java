package io.knobwright.model.approval;

import io.knobwright.model.policy.ApprovalLevel;

import java.time.Instant;
import java.util.List;

/**
 * Where one level of a chain stands.
 *
 * @param since     when the level became the pending one (null: an earlier level is still pending)
 * @param decidedAt when the level was approved or rejected (null while open)
 * @param escalated whether its escalation time has passed while it was pending
 */
public record LevelProgress(ApprovalLevel level, State state, List<Decision> approvals, Decision rejection,
                            Instant since, Instant decidedAt, boolean escalated) {

    public enum State { WAITING, PENDING, APPROVED, REJECTED, EXPIRED }

    public LevelProgress {
        approvals = List.copyOf(approvals);
    }
}
