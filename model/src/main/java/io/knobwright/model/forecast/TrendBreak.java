package io.knobwright.model.forecast;

import java.util.Arrays;
import java.util.Optional;

/**
 * A change in the way a series grows (decision 0129): growth slowing to a plateau, or speeding up. Unlike a step, the
 * size does not jump; the daily growth moves to a new regime and stays there. Found on the growth with its steps and
 * weekday profile taken out: for each candidate day, the growth since it is compared with what the growth before it
 * (its least-squares line) predicted for those days. The break is the day where that
 * difference is largest in standard errors, kept when it is at least {@link #MIN_Z} of them and material (at least a
 * quarter of the growth, and enough to move the size by 0.2% in a month), so noise and a gently accelerating series do
 * not break.
 *
 * @param index     day index of the first day of the new regime
 * @param before    the daily growth the old regime predicted for the days since
 * @param after     the mean daily growth since
 */
record TrendBreak(int index, double before, double after, double z) {

    /** Days of the old regime a break needs behind it. */
    static final int MIN_BEFORE = 28;
    /** Days of the new regime before a break is believed: a week, so every weekday is in it once. */
    static final int MIN_AFTER = GrowthModel.WEEK;
    /**
     * The new regime is compared over at most this many days after the break: a break is a change from one day to the
     * next, and a longer span would let a gently accelerating series drift away from any line fitted before it.
     */
    private static final int AFTER_WINDOW = 28;
    /**
     * The old regime is read from at most this many days before the break: over more, a line through an exponentially
     * growing series bends away from it by more than the quarter of growth that makes a break material.
     */
    private static final int BEFORE_WINDOW = 56;
    private static final double MIN_Z = 7;
    private static final double MIN_SHARE_OF_GROWTH = 0.25;
    private static final double MIN_SHARE_OF_SIZE_A_MONTH = 0.002;

    static Optional<TrendBreak> find(DailySizes days) {
        int n = days.size();
        CleanGrowth cleaned = CleanGrowth.of(days);
        double[] g = cleaned.deseasonalized(days.first().toEpochDay());
        double size = Math.abs(days.values()[n - 1]);
        Optional<TrendBreak> found = strongest(g, cleaned.from(), n, size);
        // A later break after the strongest one is the one that describes the growth now.
        Optional<TrendBreak> later = found;
        while (later.isPresent()) {
            found = later;
            later = strongest(g, found.get().index, n, size);
        }
        return found.map(b -> b.placed(g, cleaned.from(), n));
    }

    /**
     * The break's day, placed by least squares: the most significant day leans early (a longer span since counts
     * more), and a day too early puts days of the old growth into the new regime's fit. Among the days around it,
     * the one that splits the growth into two means with the least squared error.
     */
    private TrendBreak placed(double[] g, int from, int n) {
        int left = Math.max(from, index - MIN_BEFORE);
        int right = Math.min(n, index + AFTER_WINDOW);
        double[] sum = new double[right - left + 1];
        double[] squares = new double[right - left + 1];
        for (int t = left; t < right; t++) {
            sum[t - left + 1] = sum[t - left] + g[t];
            squares[t - left + 1] = squares[t - left] + g[t] * g[t];
        }
        int best = index;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int c = left + 1; c < right; c++) {
            double cost = squaredError(sum, squares, 0, c - left) + squaredError(sum, squares, c - left, right - left);
            if (cost < bestCost && c <= n - MIN_AFTER) {
                bestCost = cost;
                best = c;
            }
        }
        if (best == index) {
            return this;
        }
        // The growth before and after, as told to the user, are those around the day the break is placed on.
        TrendBreak there = at(g, Math.max(from, best - BEFORE_WINDOW), best, Math.min(n, best + AFTER_WINDOW));
        return new TrendBreak(best, there.before, there.after, z);
    }

    private static double squaredError(double[] sum, double[] squares, int from, int to) {
        int k = to - from;
        double s = sum[to] - sum[from];
        return squares[to] - squares[from] - s * s / k;
    }

    private static Optional<TrendBreak> strongest(double[] g, int from, int n, double size) {
        TrendBreak best = null;
        for (int b = from + MIN_BEFORE; b <= n - MIN_AFTER; b++) {
            TrendBreak candidate = at(g, Math.max(from, b - BEFORE_WINDOW), b, Math.min(n, b + AFTER_WINDOW));
            double change = Math.abs(candidate.after - candidate.before);
            if (Math.abs(candidate.z) >= MIN_Z
                    && change >= MIN_SHARE_OF_GROWTH * Math.max(Math.abs(candidate.before), Math.abs(candidate.after))
                    && change * 30 >= MIN_SHARE_OF_SIZE_A_MONTH * size
                    && (best == null || Math.abs(candidate.z) > Math.abs(best.z))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The break test at day {@code b}: growth on [start, b) against growth on [b, end). The days since are taken as
     * noisy as the noisier of the two (a week's spread says little by itself), and the old regime's line is always
     * used to predict them (with its prediction error), so a series already accelerating does not break.
     */
    private static TrendBreak at(double[] g, int start, int b, int end) {
        int m = b - start;
        double[] x = new double[m];
        double[] y = Arrays.copyOfRange(g, start, b);
        for (int i = 0; i < m; i++) {
            x[i] = start + i;
        }
        Stats.Line line = Stats.line(x, y);
        double[] residuals = new double[m];
        for (int i = 0; i < m; i++) {
            residuals[i] = y[i] - line.at(x[i]);
        }
        double noiseBefore = Stats.robustScale(residuals);
        double[] since = Arrays.copyOfRange(g, b, end);
        int k = since.length;
        double middle = (b + end - 1) / 2.0;
        double predicted = line.at(middle);
        double xMean = Stats.mean(x);
        double sxx = 0;
        for (double v : x) {
            sxx += (v - xMean) * (v - xMean);
        }
        double predictionVariance = noiseBefore * noiseBefore * (1.0 / m + (middle - xMean) * (middle - xMean) / sxx);
        double noiseSince = Math.max(noiseBefore, Stats.robustScale(since));
        double after = Stats.mean(since);
        double se = Math.sqrt(predictionVariance + noiseSince * noiseSince / k);
        double z = se == 0 ? (after == predicted ? 0 : Double.POSITIVE_INFINITY) : (after - predicted) / se;
        return new TrendBreak(b, predicted, after, z);
    }
}
