package io.knobwright.app.cli;

import io.knobwright.app.workload.LogImportService;
import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.connectors.logs.LogFormat;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "import-log", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports a server log into an instance's query fingerprints (calls, total/mean/p95 time, rows,",
                "first/last seen, calls per hour) and finds N+1 bursts. Formats: PostgreSQL stderr (any",
                "log_line_prefix, given with --prefix or detected), csvlog, jsonlog, MySQL/MariaDB slow log; gzip is",
                "read as such. A second import of another log adds to the first; the same file twice is refused."})
final class WorkloadImportLogCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "NAME", description = "The instance the log is from.")
    private String instance;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The log file (plain or gzip).")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "stderr, csvlog, jsonlog or mysql-slow (default: detected).")
    private String format;

    @Option(names = "--prefix", paramLabel = "P", description = "A stderr log's log_line_prefix, e.g. '%%m [%%p] %%q%%u@%%d ' (default: detected).")
    private String prefix;

    @Option(names = "--json", description = "Print JSON: the import's counts.")
    private boolean json;

    WorkloadImportLogCommand(CliSession session) {
        this.session = session;
    }

    record ImportJson(long importId, String instance, String file, String format, boolean formatDetected, String prefix,
                      long bytes, long statements, long skipped, long malformed, List<String> malformedExamples,
                      int fingerprints, long foldedFingerprints, int bursts, double seconds, double megabytesPerSecond) {
    }

    @Override
    public Integer call() {
        LogFormat chosen;
        try {
            chosen = format == null ? null : LogFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        ImportControl control = new ImportControl();
        Thread progress = json ? null : LogImportService.progress(control, file.toFile().length(), share ->
                session.err().printf(Locale.ROOT, "\rimporting %s: %3.0f%%", file.getFileName(), share * 100));
        LogImportService.Result result;
        try {
            result = session.context().logImports().importLog(session.actor(), instance, file, chosen, prefix, control);
        } finally {
            if (progress != null) {
                progress.interrupt();
                session.err().print("\r");
                session.err().flush();
            }
        }
        var r = result.record();
        ImportJson report = new ImportJson(r.id(), instance, r.fileName(), r.format(), result.source().formatDetected(),
                r.prefix(), r.bytes(), r.statements(), r.skipped(), r.malformed(), result.counts().malformedExamples(),
                r.fingerprints(), result.folded(), r.bursts(), result.elapsed().toMillis() / 1000.0,
                Math.round(result.megabytesPerSecond() * 10) / 10.0);
        if (json) {
            Json.print(session.out(), report);
            return ExitCodes.OK;
        }
        var out = session.out();
        out.printf(Locale.ROOT, "Imported %s into %s: %s%s.%n", r.fileName(), instance, result.source().describe(),
                report.formatDetected() ? " (detected)" : "");
        out.printf(Locale.ROOT, "  %,d statements, %,d fingerprints in this log, %,d N+1 bursts; %,d other records"
                        + " skipped, %,d malformed.%n", r.statements(), r.fingerprints(), r.bursts(), r.skipped(), r.malformed());
        result.counts().malformedExamples().forEach(example -> out.println("    malformed: " + example));
        if (result.folded() > 0) {
            out.printf(Locale.ROOT, "  %,d rarely seen fingerprints were counted together as \"other\" to bound memory.%n",
                    result.folded());
        }
        if (result.connections().connections() + result.connections().disconnections() > 0) {
            // log_connections / log_disconnections lines (decision 0131): a storm of short connections, per second
            result.connections().lines().forEach(line -> out.println("  connections: " + line));
        }
        out.printf(Locale.ROOT, "  %.1f MB in %.1f s (%.0f MB/s). See `knobwright workload top --instance %s`.%n",
                r.bytes() / 1e6, report.seconds(), result.megabytesPerSecond(), instance);
        return ExitCodes.OK;
    }
}
