package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.health.StorageForecastService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.ByteSize;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.AbnormalGrowth;
import io.knobwright.model.forecast.BacktestError;
import io.knobwright.model.forecast.ChangePoint;
import io.knobwright.model.forecast.ForecastPoint;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.forecast.SizeText;
import io.knobwright.model.forecast.StorageForecast;
import io.knobwright.model.forecast.ThresholdCrossing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Forecasts an instance's size day by day with an 80%% interval: trend, weekly profile, bulk loads and",
                "purges kept out of the trend; the date a threshold is reached (--threshold, else the disk size when",
                "known), abnormal growth, and the model's backtest error on the instance's own history. Reads the",
                "collected database size and history imported with `storage import-series`."})
final class StorageForecastCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance.")
    private String instance;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "Days to forecast (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--threshold", paramLabel = "BYTES",
            description = "A size limit to reach (bytes, or e.g. 500GB); default: the instance's disk size when known.")
    private String threshold;

    @Option(names = "--series", paramLabel = "NAME", defaultValue = SizeSeriesRepository.TOTAL,
            description = "Which series (default: ${DEFAULT-VALUE}).")
    private String series;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    StorageForecastCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        OptionalLong limit = OptionalLong.empty();
        if (threshold != null) {
            long bytes = ByteSize.parse("--threshold", threshold);
            if (bytes <= 0) {
                throw UserError.input("--threshold must be a size above zero, e.g. 500GB.");
            }
            limit = OptionalLong.of(bytes);
        }
        Instance target = session.context().fleet().require(instance);
        StorageForecastService.Result result = session.context().storageForecasts().forecast(target, series, days, limit);
        if (json) {
            Json.print(session.out(), ForecastJson.of(result));
        } else {
            print(session.out(), result);
        }
        return ExitCodes.OK;
    }

    @JsonPropertyOrder({"date", "expectedBytes", "lowBytes", "highBytes"})
    record PointJson(String date, long expectedBytes, long lowBytes, long highBytes) {
        static PointJson of(ForecastPoint p) {
            return new PointJson(p.date().toString(), p.expectedBytes(), p.lowBytes(), p.highBytes());
        }
    }

    @JsonPropertyOrder({"bytes", "source", "date", "earliestDate", "latestDate", "alreadyReached", "searchedDays"})
    record ThresholdJson(long bytes, String source, String date, String earliestDate, String latestDate,
                         boolean alreadyReached, int searchedDays) {
        static ThresholdJson of(ThresholdCrossing t, String source) {
            return new ThresholdJson(t.thresholdBytes(), source, text(t.expected()), text(t.earliest()), text(t.latest()),
                    t.alreadyReached(), t.searchedDays());
        }
    }

    @JsonPropertyOrder({"origins", "horizonDays", "medianGrowthError", "p90GrowthError", "medianSizeError", "coverage"})
    record BacktestJson(int origins, int horizonDays, Double medianGrowthError, Double p90GrowthError,
                        Double medianSizeError, Double coverage) {
        static BacktestJson of(BacktestError b) {
            return new BacktestJson(b.origins(), b.horizonDays(), num(b.medianGrowthError()), num(b.p90GrowthError()),
                    num(b.medianSizeError()), num(b.coverage()));
        }
    }

    @JsonPropertyOrder({"date", "deltaBytes", "usualDailyBytes"})
    record ChangePointJson(String date, long deltaBytes, long usualDailyBytes) {
        static ChangePointJson of(ChangePoint c) {
            return new ChangePointJson(c.date().toString(), c.deltaBytes(), c.usualDailyBytes());
        }
    }

    @JsonPropertyOrder({"date", "days", "observedBytes", "expectedBytes", "recent", "reason"})
    record AbnormalJson(String date, int days, long observedBytes, long expectedBytes, boolean recent, String reason) {
        static AbnormalJson of(AbnormalGrowth a) {
            return new AbnormalJson(a.date().toString(), a.days(), a.observedBytes(), a.expectedBytes(), a.recent(), a.reason());
        }
    }

    @JsonPropertyOrder({"instance", "series", "days", "lastMeasuredDate", "lastMeasuredBytes", "dailyGrowthBytes", "model",
            "intervalBasis", "points", "threshold", "backtest", "backtestNote", "changePoints", "abnormal"})
    record ForecastJson(String instance, String series, int days, String lastMeasuredDate, long lastMeasuredBytes,
                        long dailyGrowthBytes, String model, String intervalBasis, List<PointJson> points,
                        ThresholdJson threshold, BacktestJson backtest, String backtestNote,
                        List<ChangePointJson> changePoints, List<AbnormalJson> abnormal) {
        static ForecastJson of(StorageForecastService.Result r) {
            StorageForecast f = r.forecast();
            return new ForecastJson(r.instance().name(), r.seriesName(), f.points().size(), f.lastMeasuredDate().toString(),
                    f.lastMeasuredBytes(), Math.round(f.dailyGrowthBytes()), f.model(), f.intervalBasis(),
                    f.points().stream().map(PointJson::of).toList(),
                    f.threshold().map(t -> ThresholdJson.of(t, r.thresholdSource())).orElse(null),
                    f.backtest().map(BacktestJson::of).orElse(null), f.historyNote(),
                    f.changePoints().stream().map(ChangePointJson::of).toList(),
                    f.abnormal().stream().map(AbnormalJson::of).toList());
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static Double num(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : null;
    }

    private static void print(PrintWriter out, StorageForecastService.Result r) {
        StorageForecast f = r.forecast();
        out.println(Table.cell(r.instance().name()) + " · " + r.seriesName() + ": " + SizeText.bytes(f.lastMeasuredBytes())
                + " on " + f.lastMeasuredDate() + ", growing " + SizeText.bytes(Math.round(f.dailyGrowthBytes())) + "/day");
        out.println("model: " + f.model());
        out.println(f.backtest().map(b -> String.format(Locale.ROOT,
                "backtest on its own history: %d-day growth error median %.0f%%, p90 %.0f%%; size error %.2f%%; interval coverage %.0f%% (%d origins)",
                b.horizonDays(), b.medianGrowthError() * 100, b.p90GrowthError() * 100, b.medianSizeError() * 100,
                b.coverage() * 100, b.origins())).orElse("backtest: " + f.historyNote()));
        f.threshold().ifPresent(t -> out.println("threshold " + SizeText.bytes(t.thresholdBytes()) + " (" + r.thresholdSource() + "): "
                + (t.alreadyReached() ? "already reached"
                : "expected " + orBeyond(t.expected(), t) + " (80%: " + orBeyond(t.earliest(), t) + " to " + orBeyond(t.latest(), t) + ")")));
        for (ChangePoint c : f.changePoints()) {
            out.println("step on " + c.date() + ": " + (c.isLoad() ? "+" : "") + SizeText.bytes(c.deltaBytes()) + " (kept out of the trend)");
        }
        for (AbnormalGrowth a : f.abnormal()) {
            if (a.recent()) {
                out.println("ABNORMAL " + a.date() + ": " + a.reason());
            }
        }
        Table table = new Table("DATE", "EXPECTED", "LOW (80%)", "HIGH (80%)");
        for (ForecastPoint p : f.points()) {
            table.row(p.date().toString(), SizeText.bytes(p.expectedBytes()), SizeText.bytes(p.lowBytes()), SizeText.bytes(p.highBytes()));
        }
        table.print(out);
    }

    private static String orBeyond(LocalDate date, ThresholdCrossing t) {
        return date == null ? "not within " + t.searchedDays() + " days" : date.toString();
    }
}
