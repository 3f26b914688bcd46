package io.knobwright.connectors.hub;

import java.util.UUID;

/**
 * What the hub answers to a submission, withdrawal, bypass, review closing or delegation: the same answer when
 * a request is retried with its uid ({@code replayed} is then true and nothing was recorded twice).
 *
 * @param requestUid the uid the client sent with the request
 * @param planUid    the plan concerned; null for a delegation
 * @param round      the plan's round the request acted on; null for a delegation
 * @param planState  the plan's state right after the request; null for a delegation
 * @param eventSeq   the hub event that recorded the request
 */
public record HubReceipt(UUID requestUid, UUID planUid, Integer round, HubPlanState planState, long eventSeq, boolean replayed) {

    public HubReceipt {
        HubValues.present(requestUid, "The request uid");
        if (eventSeq < 1) {
            throw new IllegalArgumentException("Hub events are numbered from 1, not " + eventSeq);
        }
        if ((planUid == null) != (round == null) || (planUid == null) != (planState == null)) {
            throw new IllegalArgumentException("A receipt names a plan with its round and state, or none of them");
        }
    }
}
