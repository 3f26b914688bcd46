package io.knobwright.model.simulation;

import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an attached simulation adds to a plan's risk (decision 0140): a predicted loss the model can tell from noise
 * (intervals apart) is a reason, a large one a high reason; each warning of the planned scenario (an out-of-memory
 * risk, a saturated pool) is a high reason; an effect inside the model's uncertainty is said, at low level, so the
 * change board sees that a prediction exists and what it says.
 */
public final class PredictedRisk {

    /** A predicted loss of this share of throughput (or gain of p95 latency) or more is high risk. */
    static final double LARGE_LOSS = 0.25;

    private PredictedRisk() {
    }

    public static List<RiskReason> reasons(PlanSimulation simulation) {
        List<RiskReason> reasons = new ArrayList<>();
        PlanSimulation.Scenario before = simulation.baseline();
        PlanSimulation.Scenario after = simulation.planned();
        String model = " (model " + simulation.model() + ")";
        for (String warning : after.warnings()) {
            reasons.add(new RiskReason(RiskLevel.HIGH, "predicted for " + after.name() + ": " + warning + model));
        }
        if (before == after) {
            reasons.add(new RiskReason(RiskLevel.LOW, "predicted " + tps(after.tps()) + model));
            return reasons;
        }
        double tpsChange = after.tps().changeFrom(before.tps());
        double p95Change = after.p95Ms().changeFrom(before.p95Ms());
        boolean tpsApart = !after.tps().overlaps(before.tps());
        boolean p95Apart = !after.p95Ms().overlaps(before.p95Ms());
        if (tpsApart && tpsChange < 0) {
            reasons.add(new RiskReason(-tpsChange >= LARGE_LOSS ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                    "predicted throughput falls " + percent(-tpsChange) + ": " + tps(before.tps()) + " now, "
                            + tps(after.tps()) + " with the plan" + model));
        }
        if (p95Apart && p95Change > 0) {
            reasons.add(new RiskReason(p95Change >= LARGE_LOSS ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                    "predicted p95 latency rises " + percent(p95Change) + ": " + ms(before.p95Ms()) + " now, "
                            + ms(after.p95Ms()) + " with the plan" + model));
        }
        if (tpsApart && tpsChange > 0) {
            reasons.add(new RiskReason(RiskLevel.LOW, "predicted throughput rises " + percent(tpsChange) + ": "
                    + tps(before.tps()) + " now, " + tps(after.tps()) + " with the plan" + model));
        } else if (!tpsApart) {
            reasons.add(new RiskReason(RiskLevel.LOW, "predicted throughput change (" + signed(tpsChange)
                    + ") is within the model's 80% intervals: " + tps(before.tps()) + " now, " + tps(after.tps())
                    + " with the plan" + model));
        }
        return reasons;
    }

    /** "1,240 tps [1,010–1,500]". */
    public static String tps(PredictedRange r) {
        return String.format(Locale.ROOT, "%,.0f tps [%,.0f–%,.0f]", r.mean(), r.low(), r.high());
    }

    /** "12.4 ms [9.8–16.0]". */
    public static String ms(PredictedRange r) {
        return String.format(Locale.ROOT, "%,.1f ms [%,.1f–%,.1f]", r.mean(), r.low(), r.high());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String signed(double share) {
        return String.format(Locale.ROOT, "%+.0f%%", share * 100);
    }
}
