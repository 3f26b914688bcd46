package io.knobwright.model.forecast;

import java.util.ArrayList;
import java.util.List;

import static io.knobwright.model.forecast.GrowthModel.WEEK;
import static io.knobwright.model.forecast.GrowthModel.phase;

/**
 * A daily series' growth with its steps taken out (decision 0129): a day's growth (between consecutive measured days,
 * gap-aware) far from its weekday's median growth is a step (a bulk load, a purge, a VACUUM FULL); its amount stays in
 * the level and the day's growth becomes the usual one. Steps that recur with a period are {@link PeriodicSteps}, the
 * others one-off {@code steps}. {@code clean[t]} is day t's growth (index 0 unused), {@code usual} the weekday medians,
 * {@code from} the first day looked at, {@code lastStep} the day index of the latest step (periodic or not), or -1.
 */
record CleanGrowth(double[] clean, double[] usual, int from, int lastStep, List<ChangePoint> steps, PeriodicSteps periodic) {

    /** A day's growth is a step when it is this many robust standard deviations away from its weekday's usual. */
    private static final double STEP_SIGMAS = 6;
    /** ...and moves the size by at least this share, so that noise on a flat series is never a step. */
    private static final double STEP_MIN_SHARE = 0.002;
    /** This many consecutive daily "steps" the same way are a change of growth, not steps. */
    static final int GROWTH_CHANGE_RUN = 7;
    /** How far back steps and the weekday medians are looked for. */
    static final int LOOK_BACK_DAYS = 365;

    static CleanGrowth of(DailySizes days) {
        double[] y = days.values();
        int n = y.length;
        long firstEpochDay = days.first().toEpochDay();
        double[] d = new double[n];
        for (int t = 1; t < n; t++) {
            d[t] = y[t] - y[t - 1];
        }
        // Steps: between consecutive measured days, growth far from the weekdays' usual growth.
        int from = Math.max(1, n - LOOK_BACK_DAYS);
        double[] usual = weekdayMedians(d, from, n, firstEpochDay);
        List<Double> residuals = new ArrayList<>();
        for (int t = from; t < n; t++) {
            residuals.add(d[t] - usual[phase(firstEpochDay, t)]);
        }
        double scale = Stats.robustScale(residuals.stream().mapToDouble(Double::doubleValue).toArray());
        scale = Math.max(scale, Math.max(1, 1e-5 * Math.abs(y[n - 1])));
        double[] clean = d.clone();
        boolean[] measured = days.measured();
        List<int[]> found = new ArrayList<>(); // {previous measured day, step day}
        List<Double> excesses = new ArrayList<>();
        int previous = -1;
        for (int t = 0; t < n; t++) {
            if (!measured[t]) {
                continue;
            }
            if (previous >= 0 && t >= from) {
                double change = y[t] - y[previous];
                double expected = 0;
                for (int j = previous + 1; j <= t; j++) {
                    expected += usual[phase(firstEpochDay, j)];
                }
                double excess = change - expected;
                double gapScale = scale * Math.sqrt(t - previous);
                if (Math.abs(excess) > STEP_SIGMAS * gapScale && Math.abs(excess) > STEP_MIN_SHARE * Math.abs(y[previous])) {
                    found.add(new int[] {previous, t});
                    excesses.add(excess);
                }
                // Across a gap, the interpolation spread the growth evenly; each day gets its weekday's usual growth
                // and an even share of the rest instead, so a purge inside a gap stays on its weekday's profile.
                for (int j = previous + 1; j <= t && t - previous > 1; j++) {
                    clean[j] = usual[phase(firstEpochDay, j)] + excess / (t - previous);
                }
            }
            previous = t;
        }
        keepGrowthChangesOutOfSteps(found, excesses);
        List<ChangePoint> all = new ArrayList<>();
        int[] at = new int[found.size()];
        double[] excess = new double[found.size()];
        int lastStep = -1;
        for (int i = 0; i < found.size(); i++) {
            int t = found.get(i)[1];
            at[i] = t;
            excess[i] = excesses.get(i);
            all.add(new ChangePoint(days.date(t), Math.round(excess[i]), Math.round(usual[phase(firstEpochDay, t)])));
            for (int j = found.get(i)[0] + 1; j <= t; j++) {
                clean[j] = usual[phase(firstEpochDay, j)];
            }
            lastStep = t;
        }
        // Steps that recur with a period are seasonality: repeated by the forecast, not reported as change points.
        PeriodicSteps periodic = PeriodicSteps.find(at, excess, all, n);
        List<ChangePoint> steps = all.stream().filter(c -> !periodic.occurrences().contains(c)).toList();
        return new CleanGrowth(clean, usual, from, lastStep, steps, periodic);
    }

    /** Day t's growth minus its weekday's usual deviation from the week's mean: what a trend break is looked for in. */
    double[] deseasonalized(long firstEpochDay) {
        double mean = Stats.mean(usual);
        double[] out = clean.clone();
        for (int t = 1; t < out.length; t++) {
            out[t] -= usual[phase(firstEpochDay, t)] - mean;
        }
        return out;
    }

    /**
     * A run of {@link #GROWTH_CHANGE_RUN} or more consecutive measured days that each look like a step the same way is
     * not a series of steps but growth that changed (history imported from a larger total, then measured growth far
     * below it): those days stay in the growth, where the trend-break search sees them. The first of the run stays a
     * step when it is much larger than the rest (the jump to the new level).
     */
    private static void keepGrowthChangesOutOfSteps(List<int[]> found, List<Double> excesses) {
        int i = 0;
        while (i < found.size()) {
            int end = i + 1;
            while (end < found.size() && found.get(end)[0] == found.get(end - 1)[1]
                    && Math.signum(excesses.get(end)) == Math.signum(excesses.get(i))) {
                end++;
            }
            if (end - i >= GROWTH_CHANGE_RUN) {
                double tail = Stats.median(excesses.subList(i + 1, end).stream().mapToDouble(Math::abs).toArray());
                int from = Math.abs(excesses.get(i)) > 3 * tail ? i + 1 : i;
                found.subList(from, end).clear();
                excesses.subList(from, end).clear();
                i = from;
            } else {
                i = end;
            }
        }
    }

    private static double[] weekdayMedians(double[] d, int from, int n, long firstEpochDay) {
        double[] medians = new double[WEEK];
        for (int p = 0; p < WEEK; p++) {
            List<Double> values = new ArrayList<>();
            for (int t = from; t < n; t++) {
                if (phase(firstEpochDay, t) == p) {
                    values.add(d[t]);
                }
            }
            medians[p] = values.isEmpty() ? 0 : Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (n - from < 3 * WEEK) {
            double all = Stats.median(java.util.Arrays.copyOfRange(d, from, n));
            java.util.Arrays.fill(medians, Double.isNaN(all) ? 0 : all);
        }
        return medians;
    }

}
