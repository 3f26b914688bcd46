package io.knobwright.app.recommend;

import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.simulator.experiment.Difference;
import io.knobwright.simulator.experiment.ReplicateStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges what an apply measurably did from the collected samples before and after it (decision 0152), pure: the
 * transactions per second of each sample, the clients connected. A change within the samples' own noise is no
 * difference (the experiments' rule, {@link Difference}); a fall of more than {@link #REGRESSION} beyond that noise is
 * a regression; clients that differ by more than {@link #LOAD_TOLERANCE} make the two windows incomparable.
 */
public final class OutcomeJudge {

    /** Fewer samples than this on either side, and the outcome waits: one or two polls are a moment, not a workload. */
    public static final int MIN_SAMPLES = 6;
    /** The threshold: a measured fall of more than 20% after an apply is a regression. */
    public static final double REGRESSION = 0.20;
    /** Clients before and after may differ by this share and still be the same load. */
    public static final double LOAD_TOLERANCE = 0.25;

    private OutcomeJudge() {
    }

    /**
     * @param tpsBefore     transactions per second of each sample before the apply
     * @param tpsAfter      the same after it
     * @param clientsBefore median clients connected before, NaN when not collected
     * @param clientsAfter  the same after
     */
    public record Samples(List<Double> tpsBefore, List<Double> tpsAfter, double clientsBefore, double clientsAfter) {
        public Samples {
            tpsBefore = List.copyOf(tpsBefore);
            tpsAfter = List.copyOf(tpsAfter);
        }
    }

    /** Either a verdict (with the statistics it rests on) or why it must wait ({@code waiting} non-empty). */
    public record Judgement(String waiting, ApplyOutcome.Verdict verdict, ReplicateStats before, ReplicateStats after,
                            double change, double noise, String summary) {
        public boolean judged() {
            return waiting.isEmpty();
        }
    }

    public static Judgement judge(Samples s, Optional<ApplyOutcome.Predicted> predicted) {
        if (s.tpsBefore().size() < MIN_SAMPLES || s.tpsAfter().size() < MIN_SAMPLES) {
            return new Judgement(String.format(Locale.ROOT, "%d samples before and %d after the apply were collected;"
                            + " the outcome is judged from %d on each side", s.tpsBefore().size(), s.tpsAfter().size(),
                    MIN_SAMPLES), null, null, null, Double.NaN, Double.NaN, "");
        }
        ReplicateStats before = ReplicateStats.of(s.tpsBefore());
        ReplicateStats after = ReplicateStats.of(s.tpsAfter());
        if (!(before.median() > 0)) {
            return new Judgement("no transactions were committed before the apply: there is nothing to compare with",
                    null, before, after, Double.NaN, Double.NaN, "");
        }
        Difference d = Difference.of("before", before, "after", after);
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "throughput %s -> %s tps (%s) over %d and %d samples", number(before.median()),
                number(after.median()), signed(d.change()), before.runs(), after.runs()));
        ApplyOutcome.Verdict verdict;
        if (Double.isFinite(s.clientsBefore()) && Double.isFinite(s.clientsAfter()) && s.clientsBefore() > 0
                && Math.abs(s.clientsAfter() / s.clientsBefore() - 1) > LOAD_TOLERANCE) {
            verdict = ApplyOutcome.Verdict.LOAD_CHANGED;
            parts.add(String.format(Locale.ROOT, "not judged: the clients changed from %s to %s, more than %s, so the"
                            + " throughput follows the load rather than the settings", number(s.clientsBefore()),
                    number(s.clientsAfter()), percent(LOAD_TOLERANCE)));
        } else {
            verdict = switch (d.verdict()) {
                case NO_DIFFERENCE -> ApplyOutcome.Verdict.NO_DIFFERENCE;
                case FASTER -> ApplyOutcome.Verdict.BETTER;
                case SLOWER -> -d.change() > REGRESSION ? ApplyOutcome.Verdict.REGRESSION : ApplyOutcome.Verdict.WORSE;
            };
            parts.add(switch (verdict) {
                case NO_DIFFERENCE -> "no difference: " + percent(Math.abs(d.change())) + " is within the "
                        + percent(d.noise()) + " sample-to-sample noise";
                case REGRESSION -> "REGRESSION: " + percent(-d.change()) + " fewer transactions per second, beyond the "
                        + percent(d.noise()) + " noise and over the " + percent(REGRESSION) + " threshold";
                case WORSE -> "worse beyond the " + percent(d.noise()) + " noise, but within the " + percent(REGRESSION)
                        + " regression threshold";
                default -> "better beyond the " + percent(d.noise()) + " noise";
            });
        }
        predicted.ifPresent(p -> parts.add(String.format(Locale.ROOT, "predicted %s [%s, %s]: the measured change is %s",
                signed(p.change()), signed(p.changeLow()), signed(p.changeHigh()),
                p.covers(d.change()) ? "inside the interval" : d.change() < p.changeLow() ? "below the interval"
                        : "above the interval")));
        return new Judgement("", verdict, before, after, d.change(), d.noise(), String.join("; ", parts));
    }

    static String signed(double share) {
        return String.format(Locale.ROOT, "%+.0f%%", share * 100);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
