package io.knobwright.app.governance;

import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.store.Repositories;

import java.util.Map;

/**
 * What governance tells the outside (webhooks, the shared hub's outbox). Called inside the unit of work that makes
 * the change, so that a notification is queued exactly when the change is kept.
 */
public interface GovernanceEvents {

    enum Type { REQUEST, DECISION, EXPIRY, BYPASS, REVIEW_CLOSED, WITHDRAWN }

    GovernanceEvents NONE = (tx, type, plan, actor, summary, details) -> { };

    /** Tells each in turn, in the same unit of work. */
    static GovernanceEvents all(GovernanceEvents... each) {
        return (tx, type, plan, actor, summary, details) -> {
            for (GovernanceEvents e : each) {
                e.happened(tx, type, plan, actor, summary, details);
            }
        };
    }

    void happened(Repositories tx, Type type, ChangePlan plan, String actor, String summary, Map<String, String> details);
}
