package io.knobwright.app.ui.recommend;

import io.knobwright.app.ui.whatif.WhatIfFormats;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.recommend.MetricChange;
import io.knobwright.simulator.recommend.Recommendation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the Recommendations screen writes gains, metrics and a card's facts. */
final class RecommendationFormats {

    private RecommendationFormats() {
    }

    /** "+12% (80%: +4% to +21%)". */
    static String gain(Estimate gain) {
        return signedPercent(gain.mean()) + " (80%: " + signedPercent(gain.low()) + " to " + signedPercent(gain.high()) + ")";
    }

    /** "+12%", "−3%", "+0.4%", "±0%". */
    static String signedPercent(double share) {
        double p = share * 100;
        if (Math.abs(p) < 0.05) {
            return "±0%";
        }
        // below 10% one decimal tells +0.4% from +4%; a whole number keeps no ".0"
        String n = (Math.abs(p) < 10 ? String.format(Locale.ROOT, "%.1f", Math.abs(p))
                : String.format(Locale.ROOT, "%.0f", Math.abs(p))).replaceAll("\\.0$", "");
        return (p < 0 && !n.equals("0") ? "−" : "+") + n + "%";
    }

    static Optional<Metric> metric(MetricChange change) {
        return Arrays.stream(Metric.values()).filter(m -> m.jsonName().equals(change.metric())).findFirst();
    }

    /** "Throughput", "p95 latency", ...; a planner quantity in words. */
    static String label(MetricChange change) {
        return metric(change).map(WhatIfFormats::label).orElseGet(() -> switch (change.metric()) {
            case "callWeightedStatementTime" -> "Statement time (by calls)";
            default -> change.metric();
        });
    }

    /** "1,240 tps [1,010–1,500]" as the What-if screen writes it. */
    static String estimate(MetricChange change, Estimate e) {
        return metric(change).map(m -> WhatIfFormats.estimate(m, e))
                .orElseGet(() -> String.format(Locale.ROOT, "%,.1f [%,.1f–%,.1f] %s", e.mean(), e.low(), e.high(),
                        change.unit()));
    }

    /** "128MB → 2GB". */
    static String fromTo(Recommendation r) {
        return (r.from().isBlank() ? "(unset)" : r.from()) + " → " + r.to();
    }

    static String direction(Recommendation r) {
        return switch (r.direction()) {
            case INCREASE -> "increase";
            case DECREASE -> "decrease";
            case CHANGE -> "change";
        };
    }

    static String reason(Recommendation.Reason reason) {
        return switch (reason) {
            case THROUGHPUT -> "own throughput gain";
            case MAKES_ROOM -> "makes room in the memory budget";
            case MEMORY_SAFETY -> "keeps memory safe";
            case KEEPS_LATENCY -> "keeps p95 latency within the guard";
            case PLANNER -> "the instance's own queries run faster";
            case SIZED_TO_MEASURED -> "sized to a measured need";
            case VENDOR_GUIDANCE -> "vendor guidance for the instance's facts";
        };
    }

    static String confidence(Recommendation r) {
        return switch (r.confidence()) {
            case HIGH -> "High confidence";
            case MEDIUM -> "Medium confidence";
            case LOW -> "Low confidence (kept for the others)";
        };
    }

    static String applyMode(Recommendation r) {
        return r.restartRequired() ? "Restart needed" : "No restart (" + r.applyMode().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")";
    }
}
