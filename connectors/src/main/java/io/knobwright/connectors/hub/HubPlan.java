package io.knobwright.connectors.hub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A plan as the hub has it now, with every decision and bypass on its record.
 *
 * @param state       as of now: a SUBMITTED plan past its expiry reads EXPIRED even before anyone marked it
 * @param pending     the level waiting for decisions; null unless the state is SUBMITTED
 * @param expiresAt   when the current round expires undecided; null when its chain sets no expireAfter
 * @param decidedAt   when the current round left SUBMITTED; null while it has not
 * @param decisions   every round's decisions, oldest first; only the current round's are {@link HubDecision#counted}
 * @param reviews     the review items bypasses opened, oldest first
 */
public record HubPlan(UUID uid, String author, String instanceName, String ticket, String riskLevel, int round,
                      HubPlanState state, String chainJson, String contentJson, String contentSha256,
                      Instant firstSubmittedAt, Instant roundSubmittedAt, Instant expiresAt, PendingLevel pending,
                      Instant decidedAt, long lastEventSeq, List<HubDecision> decisions, List<HubReview> reviews) {

    public HubPlan {
        HubValues.present(uid, "The plan uid");
        HubValues.present(author, "The author");
        HubValues.present(state, "The state");
        HubValues.present(chainJson, "The approval chain");
        HubValues.present(contentJson, "The plan content");
        if ((state == HubPlanState.SUBMITTED) != (pending != null)) {
            throw new IllegalArgumentException("Exactly a SUBMITTED plan has a pending level; " + uid + " is " + state);
        }
        decisions = List.copyOf(decisions);
        reviews = List.copyOf(reviews);
    }

    /** The decisions that count: those of the current round. */
    public List<HubDecision> countedDecisions() {
        return decisions.stream().filter(HubDecision::counted).toList();
    }
}
