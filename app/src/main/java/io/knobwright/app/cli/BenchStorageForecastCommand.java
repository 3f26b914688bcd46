package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.forecast.BacktestError;
import io.knobwright.model.forecast.ForecastBench;
import io.knobwright.model.forecast.SyntheticSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "storage-forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Backtests the storage forecast on generated size series of six shapes (steady, weekly cycle, bulk",
                "load, purge sawtooth, acceleration, plateau; 240 days sampled every ~6 h with gaps and noise, --seeds",
                "each), cut at 6 days and held against the 30 days after each cut. Prints per shape the 30-day growth",
                "error (median, p90), size error, 80%% interval coverage and ok/MISSED against the targets (growth <= 20%%,",
                "size <= 2%%, coverage >= 80%%), the same for a straight 60-day trend, and the error of an ideal forecaster",
                "that knows each shape's noise-free path (the floor set by the noise). Exits 1 when a shape misses."})
final class BenchStorageForecastCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--seeds", defaultValue = "10", description = "Series per shape (default ${DEFAULT-VALUE}).")
    private int seeds;

    BenchStorageForecastCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (seeds < 1 || seeds > 200) {
            throw UserError.input("--seeds must be between 1 and 200, not " + seeds + ".");
        }
        long start = System.nanoTime();
        List<ForecastBench.Row> rows = ForecastBench.run(seeds);
        PrintWriter out = session.out();
        out.printf(Locale.ROOT, "storage forecast backtest: %d shapes x %d seeds x %d cuts, %d-day horizon%n",
                SyntheticSizes.Shape.values().length, seeds, ForecastBench.CUTS.size(), ForecastBench.HORIZON);
        out.printf(Locale.ROOT, "growth error = |forecast - actual 30-day growth| / max(|actual growth|, %.0f%% of the size at the cut)%n",
                BacktestError.GROWTH_FLOOR_SHARE * 100);
        Table table = new Table("SHAPE", "METHOD", "FORECASTS", "GROWTH ERR MEDIAN", "GROWTH ERR P90", "SIZE ERR MEDIAN",
                "COVERAGE 80%", "RESULT");
        boolean ok = true;
        for (ForecastBench.Row r : rows) {
            boolean ideal = r.method().equals(ForecastBench.IDEAL);
            String verdict = ideal ? "(the floor)" : r.ok() ? "ok" : "MISSED " + missed(r);
            if (r.method().equals("forecast")) {
                ok &= r.ok();
            }
            table.row(r.shape().label(), r.method(), r.forecasts(), pct(r.growthMedian()), pct(r.growthP90()),
                    String.format(Locale.ROOT, "%.2f%%", r.sizeMedian() * 100),
                    ideal ? "-" : String.format(Locale.ROOT, "%.1f%%", r.coverage() * 100), verdict);
        }
        table.print(out);
        for (SyntheticSizes.Shape shape : SyntheticSizes.Shape.values()) {
            out.println("  " + shape.label() + ": " + shape.parameters());
        }
        out.printf(Locale.ROOT, "targets: growth error median <= %.0f%%, size error median <= %.0f%%, coverage >= %.0f%%; %.1f s%n",
                ForecastBench.GROWTH_TARGET * 100, ForecastBench.SIZE_TARGET * 100, ForecastBench.COVERAGE_TARGET * 100,
                (System.nanoTime() - start) / 1e9);
        out.flush();
        if (ok) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: the storage forecast missed a target on some shapes (figures above).");
        return ExitCodes.USER_ERROR;
    }

    private static String missed(ForecastBench.Row r) {
        StringBuilder s = new StringBuilder("(");
        if (!r.growthOk()) {
            s.append("growth ");
        }
        if (!r.sizeOk()) {
            s.append("size ");
        }
        if (!r.coverageOk()) {
            s.append("coverage ");
        }
        return s.toString().strip() + ")";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
