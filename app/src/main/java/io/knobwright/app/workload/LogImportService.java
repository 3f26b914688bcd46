package io.knobwright.app.workload;

import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.connectors.logs.ImportCounts;
import io.knobwright.connectors.logs.LogFormat;
import io.knobwright.connectors.logs.LogImporter;
import io.knobwright.connectors.logs.LogSource;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.BurstDetector;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.FingerprintDigest;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.LogImportRecord;
import io.knobwright.model.workload.TopOrder;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports a server's log into an instance's query fingerprints: the log is parsed on up to two threads (decision
 * 0122), each with its own fingerprint digest and N+1 burst detector; the digests are merged with what earlier imports
 * stored, and the whole result is written in one unit (decision 0126). The same file is not imported twice: its
 * statements would count twice.
 */
public final class LogImportService {

    /** Bytes hashed at each end of a file for its content key. */
    private static final int KEY_BYTES = 64 * 1024;

    private final KnobwrightStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final int threads;

    /** @param zone the time zone of the hour-of-week counts (the DBA's, in which peak hours are read) */
    public LogImportService(KnobwrightStore store, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * What an import did.
     *
     * @param record   the import as stored
     * @param source   the log as it was read (format, detected or given, prefix)
     * @param counts   what the parsers met
     * @param folded   fingerprints folded together to bound memory (0 normally)
     * @param elapsed  parse, fingerprint and store time
     * @param connections log_connections / log_disconnections lines met, per second (decision 0131)
     */
    public record Result(LogImportRecord record, LogSource source, ImportCounts counts, long folded, Duration elapsed,
                         io.knobwright.model.health.ConnectionStorm.Summary connections) {

        /** Megabytes of log read per second (of the file as stored: compressed bytes for gzip). */
        public double megabytesPerSecond() {
            double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
            return record.bytes() / 1e6 / seconds;
        }
    }

    /**
     * Imports {@code file} into the instance.
     *
     * @param format  null to detect it
     * @param prefix  a stderr log's log_line_prefix, null to detect it
     * @param control cancel switch and bytes read, for a progress bar; a cancelled import stores nothing
     * @throws UserError for an unknown instance, an unreadable file, a file that is not such a log, one imported before,
     *                   or a cancelled import
     */
    public Result importLog(String actor, String instanceName, Path file, LogFormat format, String prefix,
                            ImportControl control) {
        Instant started = clock.instant();
        Instance instance = store.instances().findByName(instanceName).orElseThrow(() -> UserError.input("No instance '"
                + instanceName + "' in the fleet (see `knobwright fleet list`); nothing was imported."));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw UserError.input("Cannot read the log " + file + ": " + (Files.exists(file) ? "it is not a readable file"
                    : "there is no such file") + ". Give the path of a server log file.");
        }
        LogSource source = LogImporter.inspect(file, format, prefix);
        String key = contentKey(file, source.size());
        store.queries().importOf(instance.id(), key).ifPresent(earlier -> {
            throw UserError.input("This log was imported into " + instance.name() + " already (" + earlier.fileName()
                    + ", on " + earlier.importedAt() + " by " + earlier.importedBy() + "); importing it again would count"
                    + " its statements twice. Nothing was imported.");
        });

        LogDigesting digested = LogDigesting.run(source, threads, Fingerprinter.of(instance.engine()), zone, control);
        if (control.isCancelled()) {
            throw UserError.input("The import of " + file + " was cancelled; nothing was stored.");
        }
        FingerprintDigest all = digested.digest();
        ImportCounts counts = digested.counts();
        List<BurstDetector.Burst> bursts = digested.bursts();
        int imported = all.size();
        store.queries().states(instance.id()).forEach(all::restore);
        List<io.knobwright.model.workload.FingerprintState> states = all.states();
        List<io.knobwright.model.workload.QueryDay> days = digested.days().days();
        java.util.Map<Long, String> texts = new java.util.HashMap<>();
        for (io.knobwright.model.workload.FingerprintState s : states) {
            texts.put(s.id(), s.normalized());
        }
        LogImportRecord pending = new LogImportRecord(0, instance.id(), file.toAbsolutePath().toString(), key,
                source.format().cliName(), source.prefix(), source.size(), counts.statements(), counts.skipped(),
                counts.malformed(), imported, bursts.size(), actor, clock.instant());
        // fingerprints, the import, its bursts, its days (decision 0127) and its connection events per second (0131)
        // are stored whole or not at all
        LogImportRecord record = store.transactionResult(repositories -> {
            LogImportRecord stored = repositories.queries().recordImport(states, pending, List.copyOf(bursts));
            repositories.queryHistory().add(instance.id(), days, texts);
            repositories.connectionEvents().store(instance.id(), digested.connectionEvents());
            return stored;
        });
        return new Result(record, source, counts, all.foldedFingerprints(), Duration.between(started, clock.instant()),
                digested.connections());
    }

    /** The instance's top queries by {@code order}. */
    public List<FingerprintSummary> top(String instanceName, TopOrder order, int limit) {
        Instance instance = store.instances().findByName(instanceName).orElseThrow(() -> UserError.input("No instance '"
                + instanceName + "' in the fleet (see `knobwright fleet list`)."));
        if (limit < 1) {
            throw UserError.input("--limit is at least 1, not " + limit + ".");
        }
        return store.queries().top(instance.id(), order, limit);
    }

    /** The instance's N+1 bursts, the largest first. */
    public List<BurstDetector.Burst> bursts(long instanceId, int limit) {
        return store.queries().bursts(instanceId, limit);
    }

    /** Size and SHA-256 of the first and last 64 kB: the same file gives the same key; a log that grew, another. */
    static String contentKey(Path file, long size) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[KEY_BYTES];
            int head = in.read(buffer, 0, (int) Math.min(KEY_BYTES, size));
            sha.update(buffer, 0, Math.max(0, head));
            if (size > KEY_BYTES) {
                in.seek(Math.max(KEY_BYTES, size - KEY_BYTES));
                int tail = in.read(buffer);
                sha.update(buffer, 0, Math.max(0, tail));
            }
            return size + ":" + HexFormat.of().formatHex(sha.digest(), 0, 24);
        } catch (IOException e) {
            throw UserError.input("Cannot read the log " + file + ": " + e.getMessage() + ".");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The Workload screen's importer: format and prefix detected, progress from the bytes read, Cancel stops the
     * parsers at their next read and stores nothing.
     */
    public LogImportTasks importer(String actor) {
        return (instance, file) -> progress -> {
            ImportControl control = new ImportControl();
            long total = file.toFile().length();
            Thread watcher = progress(control, total, share -> {
                if (progress.cancelled()) {
                    control.cancel();
                }
                progress.report(share, "Reading " + file.getFileName() + String.format(java.util.Locale.ROOT,
                        " (%.0f of %.0f MB)", share * total / 1e6, total / 1e6));
            });
            try {
                Result r = importLog(actor, instance.name(), file, null, null, control);
                return new LogImportTasks.Result(r.record().statements(), r.record().fingerprints(), r.record().bytes(),
                        String.format(java.util.Locale.ROOT, "Imported %,d statements (%,d fingerprints, %,d N+1 bursts)"
                                + " from %s, read as %s.", r.record().statements(), r.record().fingerprints(),
                                r.record().bursts(), file.getFileName(), r.source().describe()));
            } catch (UserError e) {
                if (control.isCancelled()) {
                    throw new java.util.concurrent.CancellationException("cancelled");
                }
                throw e;
            } finally {
                watcher.interrupt();
            }
        };
    }

    /** Reports progress to {@code listener} (bytes read of the total) until the import ends; for the CLI and the UI. */
    public static Thread progress(ImportControl control, long total, Consumer<Double> listener) {
        Thread watcher = Thread.ofVirtual().unstarted(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    listener.accept(total <= 0 ? 0 : Math.min(1.0, control.bytesRead() / (double) total));
                    Thread.sleep(250);
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.start();
        return watcher;
    }
}
