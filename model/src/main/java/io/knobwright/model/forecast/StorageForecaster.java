package io.knobwright.model.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Forecasts a size series (decision 0129). The model is chosen among {@link GrowthModel#CANDIDATES} by its 30-day
 * error on the series' own history (rolling origin), and the 80% interval is that backtest's empirical error
 * quantiles at each horizon; a history too short for a backtest gets the default model and an interval from the
 * model's residuals, and says so.
 */
public final class StorageForecaster {

    /** How far ahead a threshold is looked for when the forecast itself is shorter. */
    public static final int THRESHOLD_SEARCH_DAYS = 730;
    public static final int MAX_DAYS = 730;
    /** Residual interval: 80% normal quantile, widened by half since the noise is estimated on few days. */
    private static final double RESIDUAL_Z = 1.2816 * 1.5;

    public StorageForecast forecast(SizeSeries series, int days, OptionalLong thresholdBytes) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("Forecast 1 to " + MAX_DAYS + " days, not " + days);
        }
        if (series.points().size() < 2) {
            throw new IllegalArgumentException("A forecast needs at least two measured sizes");
        }
        DailySizes whole = DailySizes.of(series);
        if (whole.size() < 2) {
            throw new IllegalArgumentException("a forecast needs sizes measured on at least two different days (UTC), all "
                    + series.points().size() + " are from " + whole.first());
        }
        // After a change in the way the series grows, only the days since describe its growth: the series is read
        // as if it began the day before the break (its backtest, model choice and interval included).
        Optional<TrendBreak> trendBreak = TrendBreak.find(whole);
        int since = trendBreak.map(b -> whole.measuredAtOrBefore(b.index() - 1)).orElse(0);
        DailySizes daily = whole.suffix(since);
        int n = daily.size();
        int horizon = Math.max(Backtest.SCORE_HORIZON, Math.min(days, n - Backtest.MIN_FIT_DAYS - 2 * GrowthModel.WEEK));
        Backtest chosenTest = null;
        GrowthModel chosen = GrowthModel.DEFAULT;
        if (n >= Backtest.neededDays(horizon) && Backtest.origins(daily, horizon).size() >= Backtest.MIN_ORIGINS) {
            List<ChangePoint> oneOffSteps = GrowthModel.DEFAULT.fit(daily).steps();
            double best = Double.POSITIVE_INFINITY;
            for (GrowthModel candidate : GrowthModel.CANDIDATES) {
                Backtest test = Backtest.run(daily, candidate, horizon, oneOffSteps);
                double score = test.score();
                if (score < best) {
                    best = score;
                    chosen = candidate;
                    chosenTest = test;
                }
            }
        }
        GrowthModel.Fit fit = chosen.fit(daily);
        int searched = Math.max(days, THRESHOLD_SEARCH_DAYS);
        double[] path = fit.path(searched);
        double[][] offsets = chosenTest == null ? residualOffsets(fit, searched) : extend(chosenTest.offsets(-1, chosen.trend() == GrowthModel.Trend.EXPONENTIAL ? Backtest.growthScale(fit) : 1), searched);
        offsets = IntervalFloor.of(daily, fit).widen(offsets);
        LocalDate last = daily.date(n - 1);
        List<ForecastPoint> points = new ArrayList<>(days);
        for (int h = 1; h <= days; h++) {
            points.add(point(last.plusDays(h), path[h - 1], offsets, h));
        }
        Optional<BacktestError> backtest = Optional.ofNullable(chosenTest).map(Backtest::summary);
        String sinceBreak = trendBreak.map(b -> " since the growth changed on " + whole.date(b.index())).orElse("");
        String note = chosenTest == null
                ? "not enough history" + sinceBreak + " for a backtest: " + n + " days, a " + Backtest.SCORE_HORIZON
                        + "-day backtest needs " + Backtest.neededDays(Backtest.SCORE_HORIZON)
                : "backtest on " + chosenTest.origins() + " past days of " + n + " days of history" + sinceBreak;
        String interval = chosenTest == null
                ? "model residuals (no backtest: the history is too short); wider than the data alone suggest"
                : "empirical 10%/90% quantiles of the backtest's errors at each horizon (" + chosenTest.origins()
                        + " origins)" + (days > horizon ? ", widened in proportion beyond " + horizon + " days" : "");
        String model = chosen.describe() + (fit.slope() != 0 ? ", daily growth changing by " + SizeText.bytes(Math.round(fit.slope())) + " a day" : "")
                + (fit.rate() != 0 ? String.format(Locale.ROOT, ", daily growth changing by %.2f%% a day", fit.rate() * 100) : "")
                + (fit.weekly() ? ", weekly profile" : "") + (fit.steps().isEmpty() ? "" : ", " + fit.steps().size()
                + " step" + (fit.steps().size() == 1 ? "" : "s") + " kept out of the trend")
                + (fit.periodic().present() ? ", " + (fit.periodic().bytes() < 0 ? "a drop of " : "a rise of ")
                + SizeText.bytes(Math.round(Math.abs(fit.periodic().bytes()))) + " every " + fit.periodic().periodDays()
                + " days repeated" : "")
                + trendBreak.map(b -> ", growth changed on " + whole.date(b.index()) + " from " + SizeText.bytes(Math.round(b.before()))
                        + " to " + SizeText.bytes(Math.round(b.after())) + " a day (fitted since)").orElse("");
        // Steps are reported over the whole history, also those before a change of growth (the chart marks them).
        List<ChangePoint> steps = since == 0 ? fit.steps() : CleanGrowth.of(whole).steps();
        List<AbnormalGrowth> abnormal = abnormal(daily, fit, steps, chosen, chosenTest);
        trendBreak.ifPresent(b -> abnormal.add(breakAsAbnormal(whole, b)));
        abnormal.sort(Comparator.comparing(AbnormalGrowth::date).reversed());
        Optional<ThresholdCrossing> crossing = thresholdBytes.isPresent()
                ? Optional.of(crossing(thresholdBytes.getAsLong(), daily.values()[n - 1], last, path, offsets, searched))
                : Optional.empty();
        return new StorageForecast(last, Math.round(daily.values()[n - 1]), points, fit.growthOn(n) - fit.profile()[Math.floorMod(daily.first().toEpochDay() + n, GrowthModel.WEEK)],
                model, interval, backtest, note, steps, abnormal, crossing);
    }

    private static ForecastPoint point(LocalDate date, double expected, double[][] offsets, int h) {
        long e = Math.round(expected);
        long low = Math.max(0, Math.round(expected - offsets[0][h - 1]));
        long high = Math.round(expected + offsets[1][h - 1]);
        return new ForecastPoint(date, e, Math.min(low, e), Math.max(high, e));
    }

    /** Offsets past the backtest's horizon grow in proportion to the horizon (the trend's error dominates there). */
    private static double[][] extend(double[][] offsets, int days) {
        int known = offsets[0].length;
        double[][] out = new double[2][days];
        for (int h = 1; h <= days; h++) {
            for (int side = 0; side < 2; side++) {
                out[side][h - 1] = h <= known ? offsets[side][h - 1] : offsets[side][known - 1] * h / known;
            }
        }
        return out;
    }

    /** Without a backtest: day-to-day noise as a random walk plus the trend's own uncertainty, both widened. */
    private static double[][] residualOffsets(GrowthModel.Fit fit, int days) {
        int fitted = Math.max(2, Math.min(fit.n() - 1, fit.model().windowDays()));
        double noise = Math.max(fit.noise(), Math.abs(fit.base()) * 0.1);
        double[][] out = new double[2][days];
        for (int h = 1; h <= days; h++) {
            double sd = noise * Math.sqrt(h) + h * noise / Math.sqrt(fitted);
            out[0][h - 1] = RESIDUAL_Z * sd;
            out[1][h - 1] = RESIDUAL_Z * sd;
        }
        return out;
    }

    private static ThresholdCrossing crossing(long threshold, double now, LocalDate last, double[] path, double[][] offsets,
                                              int searched) {
        if (now >= threshold) {
            return new ThresholdCrossing(threshold, last, last, last, true, searched);
        }
        LocalDate expected = null;
        LocalDate earliest = null;
        LocalDate latest = null;
        for (int h = 1; h <= searched; h++) {
            LocalDate date = last.plusDays(h);
            if (earliest == null && path[h - 1] + offsets[1][h - 1] >= threshold) {
                earliest = date;
            }
            if (expected == null && path[h - 1] >= threshold) {
                expected = date;
            }
            if (latest == null && path[h - 1] - offsets[0][h - 1] >= threshold) {
                latest = date;
            }
        }
        return new ThresholdCrossing(threshold, expected, earliest, latest, false, searched);
    }

    /** A change of growth, told as growth over the days since that the old regime did not predict. */
    private static AbnormalGrowth breakAsAbnormal(DailySizes whole, TrendBreak b) {
        int days = whole.size() - b.index();
        return new AbnormalGrowth(whole.date(b.index()), days, Math.round(b.after() * days), Math.round(b.before() * days),
                days <= 2 * GrowthModel.WEEK, "growth changed from " + SizeText.bytes(Math.round(b.before())) + " to "
                + SizeText.bytes(Math.round(b.after())) + " a day (the forecast uses the growth since)");
    }

    private static List<AbnormalGrowth> abnormal(DailySizes daily, GrowthModel.Fit fit, List<ChangePoint> steps,
                                                 GrowthModel model, Backtest test) {
        int n = daily.size();
        LocalDate lastWeek = daily.date(n - 1).minusDays(GrowthModel.WEEK - 1);
        List<AbnormalGrowth> found = new ArrayList<>();
        for (ChangePoint step : steps) {
            found.add(new AbnormalGrowth(step.date(), 1, step.usualDailyBytes() + step.deltaBytes(), step.usualDailyBytes(),
                    !step.date().isBefore(lastWeek), (step.isLoad() ? "step up of " : "step down of ")
                    + SizeText.bytes(Math.abs(step.deltaBytes())) + " in a day (a bulk load, purge or rewrite?)"));
        }
        int week = GrowthModel.WEEK;
        boolean recentStep = found.stream().anyMatch(AbnormalGrowth::recent);
        if (test != null && !recentStep && n > Backtest.MIN_FIT_DAYS + week && daily.measured()[n - 1 - week]) {
            double[] errors = test.column(week, -1, false);
            double[] path = model.fit(daily.prefix(n - week)).path(week);
            double observed = daily.values()[n - 1] - daily.values()[n - 1 - week];
            double expected = path[week - 1] - daily.values()[n - 1 - week];
            double error = daily.values()[n - 1] - path[week - 1];
            if (errors.length >= Backtest.MIN_ORIGINS
                    && (error > Stats.quantile(errors, 0.99) * 1.5 || error < Stats.quantile(errors, 0.01) * 1.5)
                    && Math.abs(error) > 0.001 * daily.values()[n - 1]) {
                found.add(new AbnormalGrowth(daily.date(n - 1), week, Math.round(observed), Math.round(expected), true,
                        "grew " + SizeText.bytes(Math.round(observed)) + " in the last " + week + " days where "
                                + SizeText.bytes(Math.round(expected)) + " were expected"));
            }
        }
        return found;
    }
}
