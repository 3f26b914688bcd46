package io.knobwright.connectors.hub;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the hub's append-only log. Sequence numbers have no gaps and become visible in order, so a
 * client that keeps the highest {@code seq} it has processed as its cursor misses nothing
 * ({@link HubClient#eventsSince}).
 *
 * @param actor       the login that caused the event
 * @param onBehalfOf  the delegator a delegate decided for, or null
 * @param planUid     the plan concerned; null for delegation and member events
 * @param round       the plan's round; null where there is no plan
 * @param planState   the plan's state right after the event; null where there is no plan
 * @param level       the level decided (DECISION_RECORDED) or pending at the time, or null
 * @param verdict     for DECISION_RECORDED
 * @param note        the decision's comment, the bypass or withdrawal reason, the closing comment, the delegation's reason
 * @param requestUid  the client's uid of the request that caused the event (null for expiry and member changes)
 * @param detailJson  the rest as a JSON object (e.g. approvals and quorum, a submission's ticket, a member's roles)
 */
public record HubEvent(long seq, Instant at, HubEventKind kind, String actor, String onBehalfOf, UUID planUid, Integer round,
                       HubPlanState planState, Integer level, Verdict verdict, String note, UUID requestUid, String detailJson) {

    public HubEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("Hub events are numbered from 1, not " + seq);
        }
        HubValues.present(at, "The event time");
        HubValues.present(kind, "The event kind");
        HubValues.present(actor, "The event's actor");
        detailJson = detailJson == null ? "{}" : detailJson;
    }
}
