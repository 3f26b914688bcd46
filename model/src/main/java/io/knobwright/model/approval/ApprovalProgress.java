package io.knobwright.model.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Works out, from a chain and the decisions of one round, where the round stands at a moment: levels are decided
 * in order; a level is approved by {@code quorum} distinct principals; one rejection ends the round; a round not
 * decided by its expiry time is expired; a level pending longer than the escalation time is escalated.
 * Pure: the same inputs give the same status, which is what lets the local store and the hub agree.
 */
public final class ApprovalProgress {

    private ApprovalProgress() {
    }

    public static ApprovalStatus evaluate(ApprovalChain chain, Instant submittedAt, List<Decision> decisions, Instant now) {
        List<Decision> ordered = decisions.stream().sorted(Comparator.comparing(Decision::at)).toList();
        Instant expiresAt = chain.expireAfter() == null ? null : submittedAt.plus(chain.expireAfter());
        List<LevelProgress> levels = new ArrayList<>();
        Instant since = submittedAt;
        ApprovalStatus.Outcome outcome = ApprovalStatus.Outcome.APPROVED;
        int pending = -1;
        for (int i = 0; i < chain.levels().size(); i++) {
            var level = chain.levels().get(i);
            if (outcome != ApprovalStatus.Outcome.APPROVED) {
                levels.add(new LevelProgress(level, LevelProgress.State.WAITING, List.of(), null, null, null, false));
                continue;
            }
            int index = i;
            List<Decision> approvals = new ArrayList<>();
            Decision rejection = null;
            for (Decision d : ordered) {
                if (d.level() != index || approvals.size() >= level.quorum()) {
                    continue;
                }
                if (d.verdict() == Verdict.REJECT) {
                    rejection = d;
                    break;
                }
                if (approvals.stream().noneMatch(a -> a.principal().equals(d.principal()))) {
                    approvals.add(d);
                }
            }
            if (rejection != null) {
                levels.add(new LevelProgress(level, LevelProgress.State.REJECTED, approvals, rejection, since, rejection.at(), false));
                outcome = ApprovalStatus.Outcome.REJECTED;
            } else if (approvals.size() >= level.quorum()) {
                Instant decided = approvals.getLast().at();
                levels.add(new LevelProgress(level, LevelProgress.State.APPROVED, approvals, null, since, decided, false));
                since = decided;
            } else {
                boolean expired = expiresAt != null && !now.isBefore(expiresAt);
                boolean escalated = chain.escalateAfter() != null && !now.isBefore(since.plus(chain.escalateAfter()));
                levels.add(new LevelProgress(level, expired ? LevelProgress.State.EXPIRED : LevelProgress.State.PENDING,
                        approvals, null, since, null, escalated));
                outcome = expired ? ApprovalStatus.Outcome.EXPIRED : ApprovalStatus.Outcome.PENDING;
                pending = expired ? -1 : i;
            }
        }
        return new ApprovalStatus(outcome, pending, levels, expiresAt);
    }

    /** When the pending level escalates, or null when it never does (or nothing is pending). */
    public static Instant escalatesAt(ApprovalChain chain, ApprovalStatus status) {
        LevelProgress p = status.pending();
        return p == null || chain.escalateAfter() == null ? null : p.since().plus(chain.escalateAfter());
    }
}
