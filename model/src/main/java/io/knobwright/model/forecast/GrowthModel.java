package io.knobwright.model.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * One way of reading a daily size series (decision 0129): daily growth = trend + weekly profile + noise, with steps
 * that the usual growth does not explain (bulk loads, purges) taken out of the growth and kept in the level.
 *
 * <p>{@code windowDays} is how much recent growth the trend is fitted on; {@code accelerating} lets the daily growth
 * itself change linearly with time (kept only when that slope is clearly there). The weekly profile is kept only when
 * it is significant, so a weekly purge (a sawtooth with a period of a week) is a profile, not a series of steps.
 */
record GrowthModel(int windowDays, Trend trend) {

    /** How the daily growth may move: not at all, by a fixed amount a day, or by a fixed share a day. */
    enum Trend { STEADY, LINEAR, EXPONENTIAL }


    static final int WEEK = 7;
    /** The acceleration is kept when its t statistic is at least this. */
    private static final double ACCELERATION_T = 3;

    static final List<GrowthModel> CANDIDATES = List.of(new GrowthModel(28, Trend.STEADY), new GrowthModel(56, Trend.STEADY),
            new GrowthModel(112, Trend.STEADY), new GrowthModel(365, Trend.STEADY), new GrowthModel(56, Trend.LINEAR),
            new GrowthModel(112, Trend.LINEAR), new GrowthModel(56, Trend.EXPONENTIAL), new GrowthModel(112, Trend.EXPONENTIAL));
    static final GrowthModel DEFAULT = new GrowthModel(56, Trend.STEADY);

    boolean accelerating() {
        return trend != Trend.STEADY;
    }

    String describe() {
        return switch (trend) {
            case STEADY -> "steady trend";
            case LINEAR -> "linearly changing growth";
            case EXPONENTIAL -> "exponentially changing growth";
        } + " fitted on the last " + windowDays + " days";
    }

    /** The model fitted to the whole of {@code days}. */
    Fit fit(DailySizes days) {
        double[] y = days.values();
        int n = y.length;
        long firstEpochDay = days.first().toEpochDay();
        CleanGrowth cleaned = CleanGrowth.of(days);
        double[] clean = cleaned.clean();
        boolean[] measured = days.measured();
        List<ChangePoint> steps = cleaned.steps();
        PeriodicSteps periodic = cleaned.periodic();
        int lastStep = cleaned.lastStep();
        // Trend and weekly profile over the window of cleaned growth.
        int start = Math.max(1, n - windowDays);
        int len = n - start;
        double[] profile = new double[WEEK];
        double[] trendX = new double[Math.max(len, 0)];
        double[] trendY = new double[Math.max(len, 0)];
        double[] window = new double[Math.max(len, 0)];
        for (int i = 0; i < len; i++) {
            window[i] = clean[start + i];
        }
        if (len >= 3 * WEEK) {
            profile = weeklyProfile(clean, start, n, firstEpochDay);
        }
        for (int i = 0; i < len; i++) {
            trendX[i] = start + i;
            trendY[i] = clean[start + i] - profile[phase(firstEpochDay, start + i)];
        }
        double level;
        double slope = 0;
        double rate = 0;
        double base;
        if (len == 0) {
            base = 0;
        } else if (trend == Trend.EXPONENTIAL && len >= 4 * WEEK) {
            // Weekly sums (weekday profile cancels out) on a log scale; only while every week grew.
            int weeks = len / WEEK;
            double[] wx = new double[weeks];
            double[] wy = new double[weeks];
            boolean positive = true;
            for (int k = 0; k < weeks; k++) {
                double sum = 0;
                for (int j = 0; j < WEEK; j++) {
                    sum += clean[n - 1 - (weeks - 1 - k) * WEEK - j];
                }
                positive &= sum > 0;
                wx[k] = n - 1 - (weeks - 1 - k) * WEEK - (WEEK - 1) / 2.0;
                wy[k] = positive ? Math.log(sum / WEEK) : 0;
            }
            Stats.Line line = positive ? Stats.line(wx, wy) : null;
            if (line != null && Math.abs(line.slope()) >= ACCELERATION_T * line.slopeError()) {
                rate = line.slope();
                base = Math.exp(line.at(n - 1));
            } else {
                base = Stats.mean(trendY);
            }
        } else if (trend == Trend.LINEAR && len >= 2 * WEEK) {
            Stats.Line line = Stats.line(trendX, trendY);
            if (Math.abs(line.slope()) >= ACCELERATION_T * line.slopeError()) {
                slope = line.slope();
                base = line.at(n - 1);
            } else {
                base = Stats.mean(trendY);
            }
        } else {
            base = Stats.mean(trendY);
        }
        double[] residualsOfFit = new double[len];
        for (int i = 0; i < len; i++) {
            residualsOfFit[i] = trendY[i] - (base + slope * (trendX[i] - (n - 1))) * Math.exp(rate * (trendX[i] - (n - 1)));
        }
        Fit fit0 = new Fit(this, n, firstEpochDay, y[n - 1], base, slope, rate, profile, steps, Stats.robustScale(residualsOfFit),
                periodic);
        // The level: the last week's sizes (after the last step) carried forward to today, so one noisy reading does
        // not move the whole forecast.
        List<Double> carried = new ArrayList<>();
        for (int t = Math.max(lastStep, n - WEEK); t < n; t++) {
            if (t >= 0 && measured[t]) {
                carried.add(y[t] + fit0.growthBetween(t, n - 1));
            }
        }
        level = carried.isEmpty() ? y[n - 1] : Stats.median(carried.stream().mapToDouble(Double::doubleValue).toArray());
        return new Fit(this, n, firstEpochDay, level, base, slope, rate, profile, steps, fit0.noise(), periodic);
    }

    static int phase(long firstEpochDay, int t) {
        return (int) Math.floorMod(firstEpochDay + t, WEEK);
    }

    /** Mean growth per weekday minus the overall mean; all zeros unless the differences are significant. */
    private static double[] weeklyProfile(double[] clean, int start, int n, long firstEpochDay) {
        double[] sum = new double[WEEK];
        int[] count = new int[WEEK];
        double total = 0;
        for (int t = start; t < n; t++) {
            int p = phase(firstEpochDay, t);
            sum[p] += clean[t];
            count[p]++;
            total += clean[t];
        }
        double mean = total / (n - start);
        double[] profile = new double[WEEK];
        double between = 0;
        for (int p = 0; p < WEEK; p++) {
            profile[p] = count[p] == 0 ? 0 : sum[p] / count[p] - mean;
            between += count[p] * profile[p] * profile[p];
        }
        double within = 0;
        for (int t = start; t < n; t++) {
            double r = clean[t] - mean - profile[phase(firstEpochDay, t)];
            within += r * r;
        }
        int df = n - start - WEEK;
        double f = df <= 0 || within == 0 ? (between > 0 ? Double.POSITIVE_INFINITY : 0) : (between / (WEEK - 1)) / (within / df);
        return f >= 3 ? profile : new double[WEEK];
    }

    /**
     * A fitted model: {@code level} is the size now (index {@code n - 1}), {@code base} the trend's daily growth now,
     * {@code slope} its change per day, {@code rate} its relative change per day (exponential), {@code profile} the weekly profile, {@code noise} the robust spread of daily
     * growth around the model.
     */
    record Fit(GrowthModel model, int n, long firstEpochDay, double level, double base, double slope, double rate, double[] profile,
               List<ChangePoint> steps, double noise, PeriodicSteps periodic) {

        /** The growth expected on day index {@code t} (after the fitted days), trend and weekday. */
        double growthOn(int t) {
            double trend = (base + slope * (t - (n - 1))) * Math.exp(Math.min(rate * (t - (n - 1)), 5));
            if (slope != 0 && Math.signum(trend) != Math.signum(base) && base != 0) {
                trend = 0;
            }
            return trend + profile[phase(firstEpochDay, t)];
        }

        double growthBetween(int from, int to) {
            double sum = 0;
            for (int t = from + 1; t <= to; t++) {
                sum += growthOn(t);
            }
            return sum;
        }

        /** Expected sizes on the {@code horizon} days after the last fitted day. */
        double[] path(int horizon) {
            double[] path = new double[horizon];
            double size = level;
            for (int h = 1; h <= horizon; h++) {
                size += growthOn(n - 1 + h) + periodic.on(n - 1 + h);
                path[h - 1] = Math.max(0, size);
            }
            return path;
        }

        boolean weekly() {
            for (double p : profile) {
                if (p != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
