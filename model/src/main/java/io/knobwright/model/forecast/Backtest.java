package io.knobwright.model.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin backtest of one model on a daily series: from each origin, fit on the days up to it, forecast
 * {@code horizon} days, and keep the error on each measured day after it. Origins are measured days only (an
 * interpolated day would carry knowledge of the day after it), the latest {@code horizon} days before the end and
 * then every {@code step} days back, at most {@link #MAX_ORIGINS}.
 */
final class Backtest {

    /** The least history a model is fitted on. */
    static final int MIN_FIT_DAYS = 28;
    static final int MAX_ORIGINS = 30;
    /** Fewer origins than this give no interval worth the name. */
    static final int MIN_ORIGINS = 5;
    static final int SCORE_HORIZON = 30;
    static final int SCORE_HALF_LIFE_DAYS = 30;

    /** errors[i][h - 1]: actual - forecast at origin i, h days ahead; NaN where that day was not measured. */
    final double[][] errors;
    final double[] originSizes;
    final double[] actualGrowth;
    /**
     * Per origin, what its errors are divided by: the fitted daily growth when growth changes exponentially (errors
     * grow with the growth, so an accelerating series' early errors would make today's interval too narrow), else 1.
     */
    final double[] scales;
    /** Per origin, its day index in the series. */
    final int[] originIndex;
    final int horizon;
    /** The horizon a model is chosen and scored at: the 30 days, or less when asked for less. */
    final int scoreHorizon;

    private Backtest(double[][] errors, double[] originSizes, double[] actualGrowth, double[] scales, int[] originIndex,
                     int horizon) {
        this.errors = errors;
        this.originIndex = originIndex;
        this.scales = scales;
        this.originSizes = originSizes;
        this.actualGrowth = actualGrowth;
        this.horizon = horizon;
        this.scoreHorizon = Math.min(SCORE_HORIZON, horizon);
    }

    /** The days a backtest at {@code horizon} needs. */
    static int neededDays(int horizon) {
        return MIN_FIT_DAYS + horizon + 2 * GrowthModel.WEEK;
    }

    static List<Integer> origins(DailySizes days, int horizon) {
        int n = days.size();
        int last = n - 1 - horizon;
        int first = MIN_FIT_DAYS - 1;
        List<Integer> origins = new ArrayList<>();
        if (last < first) {
            return origins;
        }
        int step = Math.max(1, (last - first + 1 + MAX_ORIGINS - 1) / MAX_ORIGINS);
        for (int o = last; o >= first && origins.size() < MAX_ORIGINS; o -= step) {
            int measured = o;
            while (measured >= first && !days.measured()[measured]) {
                measured--;
            }
            if (measured >= first && (origins.isEmpty() || origins.getLast() != measured)) {
                origins.add(measured);
            }
        }
        return origins.reversed();
    }

    /**
     * Scores {@code model}. The held-out days are compared after taking out the steps found on the whole series
     * ({@code steps}): a bulk load is not foreseeable, and one inside a held-out window would otherwise widen the
     * interval at just the horizons that window happens to reach.
     */
    static Backtest run(DailySizes days, GrowthModel model, int horizon, List<ChangePoint> steps) {
        List<Integer> origins = origins(days, horizon);
        double[] stepOn = new double[days.size()];
        for (ChangePoint step : steps) {
            int index = (int) (step.date().toEpochDay() - days.first().toEpochDay());
            if (index >= 0 && index < stepOn.length) {
                stepOn[index] += step.deltaBytes();
            }
        }
        double[][] errors = new double[origins.size()][horizon];
        double[] sizes = new double[origins.size()];
        double[] growth = new double[origins.size()];
        double[] scales = new double[origins.size()];
        double[] y = days.values();
        for (int i = 0; i < origins.size(); i++) {
            int o = origins.get(i);
            GrowthModel.Fit fit = model.fit(days.prefix(o + 1));
            double[] path = fit.path(horizon);
            scales[i] = model.trend() == GrowthModel.Trend.EXPONENTIAL ? growthScale(fit) : 1;
            double stepsSince = 0;
            for (int h = 1; h <= horizon; h++) {
                stepsSince += stepOn[o + h];
                errors[i][h - 1] = days.measured()[o + h] ? y[o + h] - stepsSince - path[h - 1] : Double.NaN;
                if (h == Math.min(SCORE_HORIZON, horizon)) {
                    growth[i] = y[o + h] - stepsSince - y[o];
                }
            }
            sizes[i] = y[o];
        }
        return new Backtest(errors, sizes, growth, scales, origins.stream().mapToInt(Integer::intValue).toArray(), horizon);
    }

    /** The fitted daily growth, kept off zero (a thousandth of the size's 1% a day at least). */
    static double growthScale(GrowthModel.Fit fit) {
        return Math.max(Math.abs(fit.base()), 1e-5 * Math.abs(fit.level()));
    }

    int origins() {
        return errors.length;
    }

    /**
     * Absolute error at the horizon, its median weighted by how recent the origin is (the weight halves every
     * {@link #SCORE_HALF_LIFE_DAYS} days): how a model is chosen. Recent origins count most, so a series that changed
     * its way of growing (a plateau after growth) is read by the model that fits it now.
     */
    double score() {
        List<double[]> weighted = new ArrayList<>();
        int newest = originIndex.length == 0 ? 0 : originIndex[originIndex.length - 1];
        for (int i = 0; i < errors.length; i++) {
            double e = errors[i][scoreHorizon - 1];
            if (!Double.isNaN(e)) {
                weighted.add(new double[] {Math.abs(e), Math.pow(0.5, (newest - originIndex[i]) / (double) SCORE_HALF_LIFE_DAYS)});
            }
        }
        weighted.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = weighted.stream().mapToDouble(w -> w[1]).sum();
        double sum = 0;
        for (double[] w : weighted) {
            sum += w[1];
            if (sum >= total / 2) {
                return w[0];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The errors h days ahead, leaving origin {@code except} out (-1: none), measured days only. */
    double[] column(int h, int except, boolean absolute) {
        return column(h, except, absolute, false);
    }

    private double[] column(int h, int except, boolean absolute, boolean scaled) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            double e = scaled ? errors[i][h - 1] / scales[i] : errors[i][h - 1];
            if (i != except && !Double.isNaN(e)) {
                values.add(absolute ? Math.abs(e) : e);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The 80% interval's offsets from the forecast h = 1..horizon days ahead ([0] below, [1] above, both >= 0), from
     * the errors' empirical 10% and 90% quantiles with the finite-sample correction of split conformal prediction
     * over the effective number of origins (origins closer than h days share part of their held-out window), widened
     * to never narrow with the horizon. Leaves origin {@code except} out (-1: none). Errors are divided by
     * each origin's scale and multiplied by {@code scale}, the scale where the interval is wanted.
     */
    double[][] offsets(int except, double scale) {
        double[][] offsets = new double[2][horizon];
        double below = 0;
        double above = 0;
        for (int h = 1; h <= horizon; h++) {
            double[] e = column(h, except, false, true);
            if (e.length > 0) {
                int m = e.length;
                // Origins closer than h days apart share part of their held-out window: their errors count as fewer.
                double effective = Math.max(1, m * Math.min(1, spacing() / h));
                double level = Math.min(1, Math.ceil((effective + 1) * 0.9) / effective);
                below = Math.max(below, -Stats.quantile(e, 1 - level) * scale);
                above = Math.max(above, Stats.quantile(e, level) * scale);
            }
            offsets[0][h - 1] = below;
            offsets[1][h - 1] = above;
        }
        return offsets;
    }

    /** Mean days between origins. */
    private double spacing() {
        int m = originIndex.length;
        return m < 2 ? horizon : (originIndex[m - 1] - originIndex[0]) / (double) (m - 1);
    }

    /** The summary a user reads next to a forecast, with the growth error at the horizon. */
    BacktestError summary() {
        List<Double> growthErrors = new ArrayList<>();
        List<Double> sizeErrors = new ArrayList<>();
        int inside = 0;
        int scored = 0;
        for (int i = 0; i < errors.length; i++) {
            double e = errors[i][scoreHorizon - 1];
            if (!Double.isNaN(e)) {
                growthErrors.add(Math.abs(e) / Math.max(Math.abs(actualGrowth[i]), BacktestError.GROWTH_FLOOR_SHARE * originSizes[i]));
                sizeErrors.add(Math.abs(e) / Math.max(1, originSizes[i] + actualGrowth[i]));
            }
            double[][] band = offsets(i, scales[i]);
            for (int h = 1; h <= scoreHorizon; h++) {
                double err = errors[i][h - 1];
                if (!Double.isNaN(err)) {
                    scored++;
                    if (err >= -band[0][h - 1] && err <= band[1][h - 1]) {
                        inside++;
                    }
                }
            }
        }
        double[] g = growthErrors.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = sizeErrors.stream().mapToDouble(Double::doubleValue).toArray();
        return new BacktestError(errors.length, scoreHorizon, Stats.median(g), Stats.quantile(g, 0.9), Stats.median(s),
                scored == 0 ? Double.NaN : (double) inside / scored);
    }
}
