package io.knobwright.connectors.hub;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision on the hub's record.
 *
 * @param onBehalfOf the delegator when a delegate decided, else null
 * @param entitledBy the role that let the decider decide: the level's role, or the escalation role
 * @param escalated  whether the level had escalated and the escalation role was used
 * @param counted    false for decisions of an earlier round (before the plan was withdrawn and submitted again)
 */
public record HubDecision(UUID decisionUid, int round, int level, Verdict verdict, String decidedBy, String onBehalfOf,
                          String entitledBy, boolean escalated, String comment, Instant decidedAt, boolean counted,
                          long eventSeq) {

    public HubDecision {
        HubValues.present(decisionUid, "The decision uid");
        HubValues.present(verdict, "The verdict");
        HubValues.present(decidedBy, "The decider");
        HubValues.present(decidedAt, "The decision time");
        if (round < 1 || level < 1) {
            throw new IllegalArgumentException("Rounds and levels count from 1: round " + round + ", level " + level);
        }
    }
}
