package io.knobwright.simulator.experiment;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether configuration B was faster than A: the change of B's median throughput over A's, judged against the
 * run-to-run noise. A change no larger than the noise is reported as no difference: with ±25% per run, a 10% "gain"
 * is what two identical configurations show every other time (Abedi and Brecht measured methods calling identical
 * systems 38% apart). The noise is the larger of the two configurations'; a configuration run once shows none, and
 * then {@link io.knobwright.simulator.experiment.Difference#UNMEASURED_NOISE} is assumed.
 *
 * @param change B's median over A's, minus 1 (0.12 = B 12% faster)
 * @param noise  the relative run-to-run noise the change was judged against
 */
public record Difference(String a, String b, ReplicateStats statsA, ReplicateStats statsB, double change, double noise,
                         Verdict verdict) {

    /** Assumed when a configuration ran once: the ±25% run-to-run noise the issue measured on this machine kind. */
    public static final double UNMEASURED_NOISE = 0.25;

    public enum Verdict { FASTER, SLOWER, NO_DIFFERENCE }

    public Difference {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(statsA, "statsA");
        Objects.requireNonNull(statsB, "statsB");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static Difference of(String a, ReplicateStats statsA, String b, ReplicateStats statsB) {
        if (!(statsA.median() > 0)) {
            throw new IllegalArgumentException(a + " completed no transactions: there is nothing to compare " + b
                    + " with");
        }
        double change = statsB.median() / statsA.median() - 1;
        double noise = Math.max(noiseOf(statsA), noiseOf(statsB));
        Verdict verdict = Math.abs(change) <= noise ? Verdict.NO_DIFFERENCE
                : change > 0 ? Verdict.FASTER : Verdict.SLOWER;
        return new Difference(a, b, statsA, statsB, change, noise, verdict);
    }

    public static Difference of(String a, double[] tpsA, String b, double[] tpsB) {
        return of(a, ReplicateStats.of(tpsA), b, ReplicateStats.of(tpsB));
    }

    private static double noiseOf(ReplicateStats s) {
        return s.runs() == 1 ? UNMEASURED_NOISE : s.noise();
    }

    /** "B is 12% faster than A", or "no difference: 3% is within the 18% run-to-run noise". */
    public String sentence() {
        return switch (verdict) {
            case FASTER -> String.format(Locale.ROOT, "%s is %s faster than %s", b, percent(change), a);
            case SLOWER -> String.format(Locale.ROOT, "%s is %s slower than %s", b, percent(-change), a);
            case NO_DIFFERENCE -> String.format(Locale.ROOT, "no difference: %s is within the %s run-to-run noise%s",
                    percent(Math.abs(change)), percent(noise),
                    statsA.runs() == 1 || statsB.runs() == 1 ? " assumed for a single run" : "");
        };
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
