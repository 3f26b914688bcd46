package io.knobwright.model.workload;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static io.knobwright.model.workload.WorkloadThresholds.*;

/**
 * Whether one fingerprint got slower: its recent days against the days before them. Daily p95s are averaged weighted
 * by calls (a true p95 over several days needs the histograms; the weighted mean is what per-day figures allow).
 */
public final class QueryTrend {

    /** One day of one fingerprint; p95Ms NaN where unknown, then its mean stands in. */
    public record Day(LocalDate day, long calls, double meanMs, double p95Ms) {
        public Day {
            Objects.requireNonNull(day, "day");
            if (calls < 0 || !(meanMs >= 0)) {
                throw new IllegalArgumentException("A day's calls and mean time are not negative: " + day);
            }
        }

        double slowTail() {
            return Double.isNaN(p95Ms) ? meanMs : p95Ms;
        }
    }

    /**
     * The verdict for one fingerprint.
     *
     * @param regressed whether recent / baseline reached {@link WorkloadThresholds#REGRESSION_RATIO} with enough calls
     * @param reason    the verdict in words, with the figures
     */
    public record Verdict(String fingerprint, double baselineP95Ms, double recentP95Ms, double ratio, long baselineCalls,
                          long recentCalls, boolean regressed, String reason) {
    }

    private QueryTrend() {
    }

    public static Verdict check(String fingerprint, List<Day> days) {
        if (days.isEmpty()) {
            return new Verdict(fingerprint, Double.NaN, Double.NaN, Double.NaN, 0, 0, false, "no days recorded");
        }
        LocalDate last = days.stream().map(Day::day).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate recentFrom = last.minusDays(REGRESSION_RECENT_DAYS - 1);
        LocalDate baselineFrom = recentFrom.minusDays(REGRESSION_BASELINE_DAYS);
        List<Day> recent = days.stream().filter(d -> !d.day().isBefore(recentFrom)).toList();
        List<Day> baseline = days.stream()
                .filter(d -> d.day().isBefore(recentFrom) && !d.day().isBefore(baselineFrom)).toList();
        long recentCalls = recent.stream().mapToLong(Day::calls).sum();
        long baselineCalls = baseline.stream().mapToLong(Day::calls).sum();
        double recentP95 = weighted(recent);
        double baselineP95 = weighted(baseline);
        double ratio = baselineP95 > 0 ? recentP95 / baselineP95 : Double.NaN;
        if (baselineCalls < REGRESSION_MIN_CALLS || recentCalls < REGRESSION_MIN_CALLS) {
            return new Verdict(fingerprint, baselineP95, recentP95, ratio, baselineCalls, recentCalls, false,
                    "too few calls to judge (" + baselineCalls + " in the baseline, " + recentCalls
                            + " recently; " + REGRESSION_MIN_CALLS + " each are needed)");
        }
        boolean regressed = ratio >= REGRESSION_RATIO;
        String reason = String.format(java.util.Locale.ROOT, "p95 %.1f ms over the last %d days against %.1f ms over the %d days before: x%.2f%s",
                recentP95, REGRESSION_RECENT_DAYS, baselineP95, baseline.size(), ratio,
                regressed ? " (regression: x" + REGRESSION_RATIO + " or more)" : "");
        return new Verdict(fingerprint, baselineP95, recentP95, ratio, baselineCalls, recentCalls, regressed, reason);
    }

    private static double weighted(List<Day> days) {
        long calls = days.stream().mapToLong(Day::calls).sum();
        if (calls == 0) {
            return Double.NaN;
        }
        return days.stream().mapToDouble(d -> d.slowTail() * d.calls()).sum() / calls;
    }
}
