package io.knobwright.model.policy;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Instances, plans and facts for the policy tests. */
final class PolicyExamples {

    static final String LIVE = "live at 2026-12-01T09:00:00Z";

    private PolicyExamples() {
    }

    static Instance instance(String name, Engine engine, Tier tier, Criticality criticality, Map<String, String> tags) {
        return new Instance(7, name, engine, engine.supportedVersions().getFirst(), null, null, tags, tier, criticality,
                null, null, false);
    }

    /** A development instance of medium criticality: nothing about it raises a plan's risk. */
    static Instance devPostgres(String name) {
        return instance(name, Engine.POSTGRESQL, Tier.DEVELOPMENT, Criticality.MEDIUM, Map.of("team", "payments"));
    }

    static PlannedChange online(String parameter, String from, String to) {
        return new PlannedChange(parameter, from, to, null, ApplyMode.ONLINE, "test", "");
    }

    static PlannedChange restart(String parameter, String from, String to) {
        return new PlannedChange(parameter, from, to, null, ApplyMode.RESTART, "test", "");
    }

    static ChangePlan plan(String instance, String baseline, PlannedChange... changes) {
        return new ChangePlan(0, 7, instance, "t", 1, Instant.parse("2026-12-01T09:00:00Z"), "alice", PlanState.DRAFT,
                baseline, List.of(changes));
    }

    static ChangePlan plan(String instance, PlannedChange... changes) {
        return plan(instance, LIVE, changes);
    }

    static PlanFacts facts(ChangePlan plan, Instance instance, List<LockRule> locks, RiskLevel risk) {
        return new PlanFacts(plan, instance, locks, new RiskAssessment(risk, List.of()));
    }

    static PlanFacts facts(ChangePlan plan, Instance instance) {
        return facts(plan, instance, List.of(), RiskLevel.LOW);
    }

    static ApprovalRule rule(String name, RuleMatch match, ApprovalLevel... levels) {
        return new ApprovalRule(name, match, List.of(levels), null, null, null);
    }

    static ApprovalLevel level(String role, int quorum) {
        return new ApprovalLevel(Role.of(role), quorum);
    }

    static LockRule lock(String scope, String parameter, String reason) {
        return new LockRule(LockScope.parse(scope), new ParameterPattern(parameter), reason);
    }
}
