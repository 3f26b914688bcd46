package io.knobwright.app.simulation;

import io.knobwright.model.simulation.Observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The held-out figures in words, and the figures from predictions recorded before each run. */
final class AccuracyFigures {

    /** Fewer runs than this say nothing about the error. */
    static final int MINIMUM = 3;

    private AccuracyFigures() {
    }

    /**
     * Each run against what the model had predicted before it ran: a held-out error by construction, since the run
     * had not been measured when the prediction was made. Runs without a recorded prediction are left out.
     */
    static InstanceModels.HeldOut fromRecordedPredictions(List<Observation> observations) {
        List<Observation> predicted = observations.stream().filter(Observation::wasPredicted)
                .filter(o -> o.tps() > 0).toList();
        if (predicted.size() < MINIMUM) {
            return InstanceModels.HeldOut.none(predicted.size());
        }
        double error = 0;
        int covered = 0;
        for (Observation o : predicted) {
            error += Math.abs(o.predictedTps() - o.tps()) / o.tps();
            if (o.tps() >= o.predictedLow() && o.tps() <= o.predictedHigh()) {
                covered++;
            }
        }
        return new InstanceModels.HeldOut(predicted.size(), error / predicted.size(), (double) covered / predicted.size(),
                directionRight(predicted));
    }

    /**
     * Consecutive runs of one workload: did the prediction move the way the measurement did? A measured change within
     * the runs' noise counts as "no difference", which a predicted change of the same size matches.
     */
    static double directionRight(List<Observation> predicted) {
        Map<String, List<Observation>> byWorkload = new LinkedHashMap<>();
        predicted.forEach(o -> byWorkload.computeIfAbsent(o.workloadKey(), k -> new ArrayList<>()).add(o));
        int pairs = 0;
        int right = 0;
        for (List<Observation> runs : byWorkload.values()) {
            for (int i = 1; i < runs.size(); i++) {
                Observation a = runs.get(i - 1);
                Observation b = runs.get(i);
                double noise = Math.max(Math.max(a.noise(), b.noise()), 0.02);
                pairs++;
                if (direction(b.tps() / a.tps() - 1, noise) == direction(b.predictedTps() / a.predictedTps() - 1, noise)) {
                    right++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : (double) right / pairs;
    }

    private static int direction(double change, double noise) {
        return Math.abs(change) <= noise ? 0 : change > 0 ? 1 : -1;
    }

    /** "8.4% held-out error over 12 measured runs; 80% intervals covered 83%". */
    static String summary(InstanceModels.HeldOut h, int measured, String basis) {
        if (h.runs() < MINIMUM || !Double.isFinite(h.mape())) {
            return String.format(Locale.ROOT, "%d measured run%s so far, %d usable: the held-out error needs at least %d;"
                    + " run `knobwright experiment run` for more.", measured, measured == 1 ? "" : "s", h.runs(), MINIMUM);
        }
        String text = String.format(Locale.ROOT, "%.1f%% held-out error over %d measured runs; 80%% intervals covered %.0f%%",
                h.mape() * 100, h.runs(), h.coverage80() * 100);
        if (Double.isFinite(h.directionRight())) {
            text += String.format(Locale.ROOT, "; direction of change right in %.0f%%", h.directionRight() * 100);
        }
        return text + " (" + basis + ").";
    }
}
