package io.knobwright.app.health;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.forecast.SizeSeriesCsv;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.forecast.StorageForecast;
import io.knobwright.model.forecast.StorageForecaster;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Storage growth forecasts per instance (decision 0129). The "total" series is the collectors' DATABASE_BYTES points
 * together with any history imported under that name (measured points win where both have the same instant); any
 * other series name is read from the imports alone, so per-database, per-table or per-index series plug in as they are.
 */
public final class StorageForecastService {

    /** How far back the collectors' points are read. */
    static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final Pattern SERIES_NAME = Pattern.compile("[A-Za-z0-9_.:@/ -]{1,300}");

    private final SizeSeriesRepository imported;
    private final MetricHistory measured;
    private final StorageForecaster forecaster = new StorageForecaster();
    private final Clock clock;

    public StorageForecastService(SizeSeriesRepository imported, MetricHistory measured, Clock clock) {
        this.imported = Objects.requireNonNull(imported, "imported");
        this.measured = Objects.requireNonNull(measured, "measured");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A forecast and what it was made from. {@code thresholdSource}: "--threshold", "disk size" or null. */
    public record Result(Instance instance, String seriesName, SizeSeries history, StorageForecast forecast,
                         String thresholdSource) {
    }

    /** The series as the forecast reads it. */
    public SizeSeries history(Instance instance, String seriesName) {
        String name = name(seriesName);
        SizeSeries series = imported.series(instance.id(), name);
        if (name.equals(SizeSeriesRepository.TOTAL)) {
            Instant now = clock.instant();
            List<SizePoint> points = measured.points(instance.id(), Metric.DATABASE_BYTES, now.minus(HISTORY), now.plusSeconds(1))
                    .stream().filter(p -> p.value() >= 0).map(p -> new SizePoint(p.at(), Math.round(p.value()))).toList();
            series = series.merge(SizeSeries.of(points));
        }
        return series;
    }

    /**
     * Forecasts {@code days} days of the instance's series. {@code thresholdBytes}: a limit the user set; else the
     * instance's disk size when it is known.
     */
    public Result forecast(Instance instance, String seriesName, int days, OptionalLong thresholdBytes) {
        if (days < 1 || days > StorageForecaster.MAX_DAYS) {
            throw UserError.input("--days must be between 1 and " + StorageForecaster.MAX_DAYS + ", not " + days + ".");
        }
        String name = name(seriesName);
        SizeSeries history = history(instance, name);
        if (history.points().size() < 2) {
            throw UserError.input("No size history for " + instance.name() + (name.equals(SizeSeriesRepository.TOTAL) ? ""
                    : " in series '" + name + "'") + ": a forecast needs at least two measured sizes on different days."
                    + " Collect them (knobwright monitor collect --instance " + instance.name()
                    + ") or import history (knobwright storage import-series --instance " + instance.name()
                    + " --file sizes.csv).");
        }
        OptionalLong threshold = thresholdBytes;
        String source = thresholdBytes.isPresent() ? "--threshold" : null;
        if (threshold.isEmpty() && instance.hardware() != null && instance.hardware().diskBytes() > 0) {
            threshold = OptionalLong.of(instance.hardware().diskBytes());
            source = "disk size";
        }
        try {
            return new Result(instance, name, history, forecaster.forecast(history, days, threshold), source);
        } catch (IllegalArgumentException e) {
            throw UserError.input("Cannot forecast " + instance.name() + ": " + e.getMessage() + ".");
        }
    }

    /** Imports {@code file} (CSV timestamp,bytes) as the instance's series {@code seriesName}; all or nothing. */
    public int importSeries(Instance instance, String seriesName, Path file) {
        String name = name(seriesName);
        SizeSeries series;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            series = SizeSeriesCsv.read(reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw UserError.input("No file " + file + ". Give a CSV of timestamp,bytes lines with --file.");
        } catch (IOException e) {
            throw UserError.input("Cannot read " + file + ": " + e.getMessage());
        }
        return imported.replace(instance.id(), name, series);
    }

    public List<String> seriesNames(Instance instance) {
        return imported.names(instance.id());
    }

    private static String name(String seriesName) {
        String name = seriesName == null || seriesName.isBlank() ? SizeSeriesRepository.TOTAL : seriesName.strip();
        if (!SERIES_NAME.matcher(name).matches()) {
            throw UserError.input("Series name '" + name + "' is not valid: use letters, digits and . : _ - / @ (e.g. total, database:orders).");
        }
        return name;
    }
}
