package io.knobwright.app.simulation;

import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PredictedRange;
import io.knobwright.model.simulation.PredictedRisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A prediction attached to a plan, in the words the review panel and the PDF use (decision 0140): the planned
 * scenario against today with both intervals and the change of the mean, its warnings, the model and its held-out
 * accuracy. Says plainly when the model cannot tell the two apart.
 */
public final class PlanSimulationText {

    private PlanSimulationText() {
    }

    /** "Throughput 770 tps [642–924] with the plan, 1,000 tps [833–1,200] now (−23%, intervals apart)." */
    public static String throughput(PlanSimulation s) {
        return line("Throughput", PredictedRisk.tps(s.planned().tps()), PredictedRisk.tps(s.baseline().tps()),
                s.planned().tps(), s.baseline().tps(), s);
    }

    public static String latency(PlanSimulation s) {
        return line("p95 latency", PredictedRisk.ms(s.planned().p95Ms()), PredictedRisk.ms(s.baseline().p95Ms()),
                s.planned().p95Ms(), s.baseline().p95Ms(), s);
    }

    private static String line(String what, String planned, String now, PredictedRange after, PredictedRange before,
                               PlanSimulation s) {
        if (s.scenarios().size() == 1) {
            return what + " " + planned + " with the plan.";
        }
        return String.format(Locale.ROOT, "%s %s with the plan, %s now (%+.0f%%, %s).", what, planned, now,
                after.changeFrom(before) * 100, after.overlaps(before) ? "within the model's uncertainty"
                        : "intervals apart");
    }

    /** "Model built-in 1.0; held-out accuracy: throughput error 8% (MAPE) over 12 runs ..." */
    public static String model(PlanSimulation s) {
        return "Model " + s.model() + "; held-out accuracy: " + (s.accuracy().isBlank() ? "unknown" : s.accuracy());
    }

    /** The whole prediction in a few lines, for the review panel. */
    public static String summary(PlanSimulation s) {
        List<String> lines = new ArrayList<>();
        lines.add(throughput(s));
        lines.add(latency(s));
        for (String w : s.planned().warnings()) {
            lines.add("Warning: " + w);
        }
        lines.add(model(s) + ".");
        String why = firstParagraph(s.planned().explanation());
        if (!why.isEmpty()) {
            lines.add("Why: " + why);
        }
        return String.join("\n", lines);
    }

    static String firstParagraph(String explanation) {
        String text = explanation == null ? "" : explanation.strip();
        int end = text.indexOf("\n\n");
        return (end < 0 ? text : text.substring(0, end)).replace('\n', ' ');
    }
}
