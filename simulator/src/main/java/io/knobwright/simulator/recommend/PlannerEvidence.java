package io.knobwright.simulator.recommend;

import java.util.List;

/**
 * The per-query planner judgements for an instance: the only way a planner setting is recommended (decision 0149).
 * Empty when the planner was not asked (no connection, no explainable queries); then no planner setting is
 * recommended, and the set says so.
 */
public record PlannerEvidence(List<PlannerJudgement> judgements) {

    public static final PlannerEvidence NONE = new PlannerEvidence(List.of());

    public PlannerEvidence {
        judgements = List.copyOf(judgements);
    }
}
