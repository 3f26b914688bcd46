package io.knobwright.app.cli;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeriesRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-series", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports size history from elsewhere (monitoring exports, df logs) for storage forecasts: a CSV of",
                "timestamp,bytes lines, the timestamp ISO-8601 (2026-03-01T12:00:00Z, 2026-03-01) or epoch seconds.",
                "A malformed line rejects the whole file, naming the line; nothing is stored then. Points replace the",
                "series' stored points in the range the file covers."})
final class StorageImportSeriesCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance the sizes are of.")
    private String instance;

    @Option(names = "--file", required = true, paramLabel = "CSV", description = "The CSV file (timestamp,bytes).")
    private Path file;

    @Option(names = "--series", paramLabel = "NAME", defaultValue = SizeSeriesRepository.TOTAL,
            description = "The series: total (default, forecast together with the collected database size),"
                    + " or e.g. database:orders.")
    private String series;

    StorageImportSeriesCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance target = session.context().fleet().require(instance);
        int points = session.context().storageForecasts().importSeries(target, series, file);
        session.out().println("Imported " + file.getFileName() + " into " + target.name() + " series " + series
                + ": the series has " + points + " points.");
        return ExitCodes.OK;
    }
}
