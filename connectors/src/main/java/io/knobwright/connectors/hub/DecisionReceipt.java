package io.knobwright.connectors.hub;

import java.util.UUID;

/**
 * A decision the hub recorded, as it answered the decider, or a retry with the same decision uid
 * ({@code replayed} true: nothing was recorded twice). A refused decision is a {@link HubRefusal}, never a receipt.
 *
 * @param level     the level decided, counted from 1
 * @param planState the plan's state right after the decision: still SUBMITTED while levels remain
 * @param approvals approvals at that level including this one (for a REJECT, those before it)
 * @param quorum    approvals that level needs
 */
public record DecisionReceipt(UUID decisionUid, UUID planUid, int round, int level, Verdict verdict, HubPlanState planState,
                              int approvals, int quorum, long eventSeq, boolean replayed) {

    public DecisionReceipt {
        HubValues.present(decisionUid, "The decision uid");
        HubValues.present(planUid, "The plan uid");
        HubValues.present(verdict, "The verdict");
        HubValues.present(planState, "The plan state");
        if (round < 1 || level < 1 || quorum < 1 || approvals < 0 || eventSeq < 1) {
            throw new IllegalArgumentException("Impossible decision receipt: round " + round + ", level " + level + ", "
                    + approvals + " of " + quorum + " approvals, event " + eventSeq);
        }
    }

    /** Whether this decision completed its level (the plan moved on to the next level or was approved). */
    public boolean completedLevel() {
        return verdict == Verdict.APPROVE && approvals >= quorum;
    }
}
