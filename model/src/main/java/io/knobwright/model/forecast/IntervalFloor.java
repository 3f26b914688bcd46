package io.knobwright.model.forecast;

/**
 * The least an 80% interval may be (decision 0129), whatever the backtest says. A backtest on a history that never
 * moved off its line (a smooth export, a flat series) has errors of zero, and right after a step (imported history
 * meeting a much smaller measured total, a purge) the level is read from the few days since while the backtest's
 * errors were made with a level read from a week, on a series of another size: either way the interval collapsed to
 * zero width. So:
 * <ul>
 *   <li>always, a random walk of {@link #MIN_DAILY_SHARE} of the size a day: a size is never known better;</li>
 *   <li>within a week after the latest step ({@code k} measured days since), a random walk of the fitted daily noise
 *       scaled by the size after the step over the size before it (a purge to a tenth of the size leaves a tenth of
 *       the noise), plus the level's own error, that noise / sqrt(k) (times 1.25, the median's efficiency), widened by
 *       half like the residual interval, since both are estimated on few days; and the growth itself, {@link
 *       #GROWTH_DOUBT} of it either way: it was learnt before the step, on a series of another size (imported history
 *       of another server, a table dropped), so a perfectly smooth history must not make it look certain.</li>
 * </ul>
 */
record IntervalFloor(double dailyNoise, double levelError, double growthError) {
    // All are already multiplied by the 80% quantile: the floor at h days is
    // sqrt(levelError^2 + h dailyNoise^2 + (h growthError)^2).

    /** A size is never taken as known better than this share of itself a day. */
    static final double MIN_DAILY_SHARE = 1e-4;
    private static final double Z = 1.2816;
    /** Noise estimated on few days: widened by half, as the residual interval is. */
    private static final double FEW_DAYS = 1.5;
    /** Within a week after a step, the daily growth is known to no better than this share of itself either way. */
    static final double GROWTH_DOUBT = 0.5;

    static IntervalFloor of(DailySizes daily, GrowthModel.Fit fit) {
        double level = Math.abs(fit.level());
        double minimum = MIN_DAILY_SHARE * level;
        if (fit.steps().isEmpty()) {
            return new IntervalFloor(Z * minimum, 0, 0);
        }
        ChangePoint last = fit.steps().getLast();
        int at = (int) (last.date().toEpochDay() - daily.first().toEpochDay());
        int measuredSince = 0;
        for (int t = Math.max(at, 0); t < daily.size(); t++) {
            measuredSince += daily.measured()[t] ? 1 : 0;
        }
        if (measuredSince >= GrowthModel.WEEK) {
            return new IntervalFloor(Z * minimum, 0, 0);
        }
        double before = level - last.deltaBytes();
        double noise = Math.max(minimum, fit.noise() * (before > 0 ? level / before : 1));
        double growth = Math.abs(fit.growthOn(fit.n()));
        return new IntervalFloor(Z * FEW_DAYS * noise, Z * FEW_DAYS * 1.25 * noise / Math.sqrt(Math.max(1, measuredSince)),
                GROWTH_DOUBT * growth);
    }

    /** {@code offsets} ([0] below, [1] above, h = 1.. days ahead), each at least the floor. */
    double[][] widen(double[][] offsets) {
        double[][] out = new double[2][offsets[0].length];
        for (int h = 1; h <= offsets[0].length; h++) {
            double floor = Math.sqrt(levelError * levelError + h * dailyNoise * dailyNoise
                    + (h * growthError) * (h * growthError));
            out[0][h - 1] = Math.max(offsets[0][h - 1], floor);
            out[1][h - 1] = Math.max(offsets[1][h - 1], floor);
        }
        return out;
    }
}
