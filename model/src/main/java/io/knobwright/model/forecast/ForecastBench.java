package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The forecast backtest on generated series (decision 0129): for every shape, {@code seeds} series of 240 days, cut
 * at days 130, 145, 160, 175, 190 and 205; each cut's forecast is held against the 30 days after it. The same cuts
 * are forecast by a straight 60-day trend (least squares over the raw points of the last 60 days, its 80% prediction
 * interval) for comparison, and by an ideal forecaster that knows each shape's noise-free path and misses only the
 * noise still to come: its error is the floor no method can go under, so a shape whose floor is near a target says
 * more about the series than about the forecaster. Targets (the issue's): growth error <= 20%, size error <= 2%,
 * judged on the median over the cuts, and the 80% interval covering >= 80% of the held-out days.
 */
public final class ForecastBench {

    public static final int DAYS = 240;
    public static final int HORIZON = 30;
    public static final List<Integer> CUTS = List.of(130, 145, 160, 175, 190, 205);
    public static final double GROWTH_TARGET = 0.20;
    public static final double SIZE_TARGET = 0.02;
    public static final double COVERAGE_TARGET = 0.80;
    /** The method name of the ideal forecaster's rows: it has no interval, so no coverage. */
    public static final String IDEAL = "ideal (knows the shape)";

    /** One shape's figures for one method. */
    public record Row(SyntheticSizes.Shape shape, String method, int forecasts, double growthMedian, double growthP90,
                      double sizeMedian, double coverage) {

        public boolean growthOk() {
            return growthMedian <= GROWTH_TARGET;
        }

        public boolean sizeOk() {
            return sizeMedian <= SIZE_TARGET;
        }

        public boolean coverageOk() {
            return coverage >= COVERAGE_TARGET;
        }

        public boolean ok() {
            return growthOk() && sizeOk() && coverageOk();
        }
    }

    private ForecastBench() {
    }

    public static List<Row> run(int seeds) {
        List<Row> rows = new ArrayList<>();
        StorageForecaster forecaster = new StorageForecaster();
        for (SyntheticSizes.Shape shape : SyntheticSizes.Shape.values()) {
            Tally model = new Tally();
            Tally naive = new Tally();
            Tally ideal = new Tally();
            for (int seed = 1; seed <= seeds; seed++) {
                SizeSeries series = SyntheticSizes.generate(shape, seed, DAYS);
                DailySizes truth = DailySizes.of(series);
                for (int cut : CUTS) {
                    Instant end = SyntheticSizes.START.plus(Duration.ofDays(cut + 1));
                    SizeSeries known = SizeSeries.of(series.points().stream().filter(p -> p.at().isBefore(end)).toList());
                    DailySizes knownDays = DailySizes.of(known);
                    int last = knownDays.size() - 1;
                    StorageForecast forecast = forecaster.forecast(known, HORIZON, OptionalLong.empty());
                    double[][] band = new double[3][HORIZON];
                    for (int h = 0; h < HORIZON; h++) {
                        ForecastPoint p = forecast.points().get(h);
                        band[0][h] = p.lowBytes();
                        band[1][h] = p.expectedBytes();
                        band[2][h] = p.highBytes();
                    }
                    model.add(truth, last, band);
                    naive.add(truth, last, straightTrend(known, last, knownDays));
                    ideal.addExpected(truth, last, idealForecast(shape, truth.values()[last], last));
                }
            }
            rows.add(model.row(shape, "forecast"));
            rows.add(naive.row(shape, "straight 60-day trend"));
            rows.add(ideal.row(shape, IDEAL));
        }
        return rows;
    }

    /**
     * The size {@link #HORIZON} days after {@code lastIndex}: the known size plus the shape's noise-free growth in
     * between. A day's value is its last reading, taken about 21:00 (the generator's last slot), so the first day
     * adds the rest of its growth (1/8) and the horizon's day the part up to its reading (7/8): a weekly purge on
     * either edge must count as it happened.
     */
    static double idealForecast(SyntheticSizes.Shape shape, double sizeAtLast, int lastIndex) {
        double lastReading = 21.0 / 24;
        double size = sizeAtLast + (1 - lastReading) * SyntheticSizes.growth(shape, lastIndex);
        for (int day = lastIndex + 1; day < lastIndex + HORIZON; day++) {
            size += SyntheticSizes.growth(shape, day);
        }
        return size + lastReading * SyntheticSizes.growth(shape, lastIndex + HORIZON);
    }

    /** Least squares over the last 60 days' raw points; the 80% normal prediction interval of that line. */
    static double[][] straightTrend(SizeSeries known, int lastIndex, DailySizes days) {
        Instant lastDayEnd = days.date(lastIndex).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant from = lastDayEnd.minus(Duration.ofDays(60));
        List<SizePoint> recent = known.points().stream().filter(p -> !p.at().isBefore(from)).toList();
        double[] x = new double[recent.size()];
        double[] y = new double[recent.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Duration.between(lastDayEnd, recent.get(i).at()).toSeconds() / 86400.0;
            y[i] = recent.get(i).bytes();
        }
        Stats.Line line = Stats.line(x, y);
        double mx = Stats.mean(x);
        double sxx = 0;
        for (double v : x) {
            sxx += (v - mx) * (v - mx);
        }
        double[][] band = new double[3][HORIZON];
        for (int h = 1; h <= HORIZON; h++) {
            double at = h;
            double e = line.at(at);
            double sd = line.residualSd() * Math.sqrt(1 + 1.0 / x.length + (at - mx) * (at - mx) / sxx);
            band[0][h - 1] = e - 1.2816 * sd;
            band[1][h - 1] = e;
            band[2][h - 1] = e + 1.2816 * sd;
        }
        return band;
    }

    private static final class Tally {
        private final List<Double> growth = new ArrayList<>();
        private final List<Double> size = new ArrayList<>();
        private int inside;
        private int scored;

        void add(DailySizes truth, int last, double[][] band) {
            double[] y = truth.values();
            addExpected(truth, last, band[1][HORIZON - 1]);
            for (int h = 1; h <= HORIZON; h++) {
                if (truth.measured()[last + h]) {
                    scored++;
                    if (y[last + h] >= band[0][h - 1] && y[last + h] <= band[2][h - 1]) {
                        inside++;
                    }
                }
            }
        }

        /** Scores the expected size at the horizon only (no interval: coverage is not counted). */
        void addExpected(DailySizes truth, int last, double predicted) {
            double[] y = truth.values();
            double origin = y[last];
            double actual = y[last + HORIZON];
            growth.add(Math.abs(predicted - actual) / Math.max(Math.abs(actual - origin), BacktestError.GROWTH_FLOOR_SHARE * origin));
            size.add(Math.abs(predicted - actual) / actual);
        }

        Row row(SyntheticSizes.Shape shape, String method) {
            double[] g = growth.stream().mapToDouble(Double::doubleValue).toArray();
            double[] s = size.stream().mapToDouble(Double::doubleValue).toArray();
            return new Row(shape, method, g.length, Stats.median(g), Stats.quantile(g, 0.9), Stats.median(s),
                    scored == 0 ? Double.NaN : (double) inside / scored);
        }
    }
}
