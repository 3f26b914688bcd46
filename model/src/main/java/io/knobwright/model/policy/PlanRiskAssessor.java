package io.knobwright.model.policy;

import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Computes a plan's risk from its content, with the reasons a change board reads: locked parameters touched,
 * durability weakened, restart needed, size of each change against the current value, no baseline, predicted
 * impact where the simulator gave one; then the instance's production tier or high criticality raises the level
 * by one step (a small change on production is medium, not low).
 */
public final class PlanRiskAssessor {

    /** A value multiplied or divided by this much is a large step (e.g. shared_buffers 1GB -> 8GB). */
    static final double LARGE_FACTOR = 8;
    /** A value doubled or halved is worth a second look. */
    static final double NOTABLE_FACTOR = 2;

    /**
     * @param instance  the plan's instance as it is now; null when it was removed from the fleet
     * @param locks     the locks the plan touches (see {@link Policy#locksTouchedBy})
     * @param predicted reasons from a prediction of the plan's effect; empty when there is none
     */
    public RiskAssessment assess(ChangePlan plan, Instance instance, List<LockRule> locks, List<RiskReason> predicted) {
        List<RiskReason> reasons = new ArrayList<>();
        for (LockRule lock : locks) {
            reasons.add(new RiskReason(RiskLevel.HIGH, "touches locked parameter " + lock.parameter() + " (locked on "
                    + lock.scope() + (lock.reason().isEmpty() ? "" : ": " + lock.reason()) + ")"));
        }
        for (PlannedChange change : plan.changes()) {
            DurabilitySettings.weakening(change.parameter(), plan.hasBaseline() ? change.from() : null, change.to())
                    .ifPresent(loss -> reasons.add(new RiskReason(RiskLevel.CRITICAL, change.parameter() + " weakened"
                            + (change.from() == null ? "" : " from " + change.from()) + " to " + change.to() + ": " + loss)));
            sizeOf(change).ifPresent(reasons::add);
        }
        List<String> restarts = plan.changes().stream().filter(PlannedChange::restartNeeded).map(PlannedChange::parameter).toList();
        if (!restarts.isEmpty()) {
            reasons.add(new RiskReason(RiskLevel.MEDIUM, "needs a restart (downtime) for " + String.join(", ", restarts)));
        }
        if (!plan.hasBaseline() && !plan.changes().isEmpty()) {
            reasons.add(new RiskReason(RiskLevel.MEDIUM, "no baseline: the current values were never read, so the size of each change is unknown"));
        }
        reasons.addAll(predicted);
        RiskLevel level = reasons.stream().map(RiskReason::level).max(Comparator.naturalOrder()).orElse(RiskLevel.LOW);
        String exposure = exposure(instance);
        if (exposure != null && !plan.changes().isEmpty()) {
            RiskLevel raised = level == RiskLevel.LOW ? RiskLevel.MEDIUM : level.raised();
            reasons.add(new RiskReason(raised, exposure + (exposure.contains(" and ") ? " raise" : " raises") + " the risk one step"));
            level = raised;
        }
        return new RiskAssessment(level, reasons);
    }

    private static String exposure(Instance instance) {
        if (instance == null) {
            return null;
        }
        List<String> why = new ArrayList<>();
        if (instance.tier() == Tier.PRODUCTION) {
            why.add("production tier");
        }
        if (instance.criticality().compareTo(Criticality.HIGH) >= 0) {
            why.add(instance.criticality().name().toLowerCase(Locale.ROOT) + " criticality");
        }
        return why.isEmpty() ? null : String.join(" and ", why);
    }

    private static java.util.Optional<RiskReason> sizeOf(PlannedChange change) {
        Double from = number(change.from());
        Double to = number(change.to());
        if (from == null || to == null || from.equals(to)) {
            return java.util.Optional.empty();
        }
        if (from == 0 || to == 0) {
            return java.util.Optional.of(new RiskReason(RiskLevel.MEDIUM, change.parameter() + " changes from " + change.from()
                    + " to " + change.to() + " (to or from zero)"));
        }
        double factor = Math.max(to / from, from / to);
        if (from < 0 || to < 0 || factor < NOTABLE_FACTOR) {
            return java.util.Optional.empty();
        }
        String size = String.format(Locale.ROOT, "%s %s %.1fx (%s -> %s)", change.parameter(),
                to > from ? "grows" : "shrinks", factor, change.from(), change.to());
        return java.util.Optional.of(new RiskReason(factor >= LARGE_FACTOR ? RiskLevel.HIGH : RiskLevel.MEDIUM, size));
    }

    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
