package io.knobwright.model.workload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import static io.knobwright.model.workload.WorkloadThresholds.*;

/**
 * Workload shifts: where the level of a rate moved and stayed moved. The series is first reduced to hourly means,
 * its daily cycle divided out (multiplicative hour-of-day factors, when it spans at least three days), then cut by
 * binary segmentation on a mean-shift cost (sum of squared deviations) with a BIC-like penalty per cut of
 * {@link WorkloadThresholds#PENALTY_FACTOR} x noise variance x ln(n). The noise is estimated robustly from the
 * median absolute first difference, which a level shift barely moves. A cut must leave segments of at least
 * {@link WorkloadThresholds#MIN_SEGMENT_HOURS} hours and move the level by at least
 * {@link WorkloadThresholds#MIN_RELATIVE_SHIFT} of the higher of the two levels: a busy hour is a pattern, not a shift (decision 0125).
 */
public final class ChangePoints {

    /**
     * One shift: from {@code at} on, {@code metric} ran at about {@code after} where it ran at about {@code before}
     * (means of the measured hourly series between this shift and its neighbours, in the metric's unit).
     */
    public record Shift(Instant at, Metric metric, double before, double after) {
        public Shift {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(metric, "metric");
        }

        /** after / before - 1: +0.5 is fifty percent more. */
        public double relativeChange() {
            return before == 0 ? Double.POSITIVE_INFINITY : after / before - 1;
        }
    }

    private ChangePoints() {
    }

    /** The shifts of {@code metric}'s series, oldest first; none for a series shorter than two segments. */
    public static List<Shift> detect(Metric metric, List<MetricPoint> points) {
        TreeMap<Instant, double[]> byHour = new TreeMap<>();
        for (MetricPoint p : points) {
            double[] sumCount = byHour.computeIfAbsent(p.at().truncatedTo(ChronoUnit.HOURS), h -> new double[2]);
            sumCount[0] += p.value();
            sumCount[1]++;
        }
        int n = byHour.size();
        if (n < 2 * MIN_SEGMENT_HOURS) {
            return List.of();
        }
        Instant[] hours = byHour.keySet().toArray(Instant[]::new);
        double[] values = byHour.values().stream().mapToDouble(sc -> sc[0] / sc[1]).toArray();
        double[] adjusted = withoutDailyCycle(hours, values);
        double sigma = noise(adjusted);
        double mean = Arrays.stream(adjusted).average().orElse(0);
        double variance = Math.max(sigma * sigma, Math.max(1e-12, 1e-6 * mean * mean));
        double penalty = PENALTY_FACTOR * variance * Math.log(n);

        double[] sum = new double[n + 1];
        double[] sumSq = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + adjusted[i];
            sumSq[i + 1] = sumSq[i] + adjusted[i] * adjusted[i];
        }
        List<Integer> cuts = new ArrayList<>();
        split(0, n, sum, sumSq, penalty, cuts);
        cuts.sort(null);
        while (cuts.size() > MAX_SHIFTS_PER_METRIC) {
            cuts.remove(weakest(cuts, n, sum, sumSq));
        }
        // The levels reported are the series as measured (hourly means), not the seasonally adjusted one: "300/s
        // before, 600/s after" is what a DBA can check against a graph.
        double[] raw = new double[n + 1];
        for (int i = 0; i < n; i++) {
            raw[i + 1] = raw[i] + values[i];
        }
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            int start = i == 0 ? 0 : cuts.get(i - 1);
            int cut = cuts.get(i);
            int end = i == cuts.size() - 1 ? n : cuts.get(i + 1);
            shifts.add(new Shift(hours[cut], metric, segmentMean(start, cut, raw), segmentMean(cut, end, raw)));
        }
        return List.copyOf(shifts);
    }

    /** Binary segmentation: the best cut of [from, to), kept if it pays its penalty and moves the level enough. */
    private static void split(int from, int to, double[] sum, double[] sumSq, double penalty, List<Integer> cuts) {
        if (to - from < 2 * MIN_SEGMENT_HOURS || cuts.size() >= 4 * MAX_SHIFTS_PER_METRIC) {
            return;
        }
        double whole = cost(from, to, sum, sumSq);
        int best = -1;
        double bestGain = 0;
        for (int k = from + MIN_SEGMENT_HOURS; k <= to - MIN_SEGMENT_HOURS; k++) {
            double gain = whole - cost(from, k, sum, sumSq) - cost(k, to, sum, sumSq);
            if (gain > bestGain) {
                bestGain = gain;
                best = k;
            }
        }
        if (best < 0 || bestGain <= penalty) {
            return;
        }
        double before = segmentMean(from, best, sum);
        double after = segmentMean(best, to, sum);
        double level = Math.max(Math.abs(before), Math.abs(after));
        if (level == 0 || Math.abs(after - before) < MIN_RELATIVE_SHIFT * level) {
            return;
        }
        cuts.add(best);
        split(from, best, sum, sumSq, penalty, cuts);
        split(best, to, sum, sumSq, penalty, cuts);
    }

    /** The cut whose removal costs least, when a series has more shifts than are worth showing. */
    private static int weakest(List<Integer> cuts, int n, double[] sum, double[] sumSq) {
        int weakest = 0;
        double least = Double.MAX_VALUE;
        for (int i = 0; i < cuts.size(); i++) {
            int start = i == 0 ? 0 : cuts.get(i - 1);
            int end = i == cuts.size() - 1 ? n : cuts.get(i + 1);
            double gain = cost(start, end, sum, sumSq) - cost(start, cuts.get(i), sum, sumSq)
                    - cost(cuts.get(i), end, sum, sumSq);
            if (gain < least) {
                least = gain;
                weakest = i;
            }
        }
        return weakest;
    }

    /** Sum of squared deviations from the mean over [from, to). */
    private static double cost(int from, int to, double[] sum, double[] sumSq) {
        double s = sum[to] - sum[from];
        return sumSq[to] - sumSq[from] - s * s / (to - from);
    }

    private static double segmentMean(int from, int to, double[] sum) {
        return (sum[to] - sum[from]) / (to - from);
    }

    /**
     * Divides each hourly mean by its hour's seasonal factor (that hour's mean over the overall mean): hour of the
     * week once the series spans two weeks (so weekends are divided out too), hour of the day once it spans three
     * days. A level shift scales every hour alike, so the factors survive it. Factors are kept at 0.2 or more so
     * that a quiet night is not blown up into noise.
     */
    static double[] withoutDailyCycle(Instant[] hours, double[] values) {
        long spanHours = ChronoUnit.HOURS.between(hours[0], hours[hours.length - 1]) + 1;
        double overall = Arrays.stream(values).average().orElse(0);
        if (spanHours < 3 * 24 || overall <= 0) {
            return values.clone();
        }
        int period = spanHours >= 2 * 168 ? 168 : 24;
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int i = 0; i < hours.length; i++) {
            int h = (int) ((hours[i].getEpochSecond() / 3600) % period);
            sum[h] += values[i];
            count[h]++;
        }
        double[] adjusted = new double[values.length];
        for (int i = 0; i < hours.length; i++) {
            int h = (int) ((hours[i].getEpochSecond() / 3600) % period);
            double factor = Math.max(0.2, sum[h] / count[h] / overall);
            adjusted[i] = values[i] / factor;
        }
        return adjusted;
    }

    /** The noise's standard deviation from the median absolute first difference (robust to a few shifts). */
    static double noise(double[] x) {
        if (x.length < 3) {
            return 0;
        }
        double[] diffs = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            diffs[i - 1] = Math.abs(x[i] - x[i - 1]);
        }
        Arrays.sort(diffs);
        double median = diffs.length % 2 == 1 ? diffs[diffs.length / 2]
                : (diffs[diffs.length / 2 - 1] + diffs[diffs.length / 2]) / 2;
        return median / (0.6745 * Math.sqrt(2));
    }
}
