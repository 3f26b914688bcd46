package io.knobwright.connectors.hub;

/** What a {@link HubEvent} records. {@link #UNKNOWN} stands for a kind a newer hub writes that this client does not know. */
public enum HubEventKind {
    PLAN_SUBMITTED, PLAN_WITHDRAWN, DECISION_RECORDED, PLAN_BYPASSED, REVIEW_CLOSED, PLAN_EXPIRED,
    DELEGATION_CREATED, DELEGATION_REVOKED, MEMBER_CHANGED, UNKNOWN;

    static HubEventKind of(String name) {
        for (HubEventKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
