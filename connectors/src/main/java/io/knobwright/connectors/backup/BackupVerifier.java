package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.FileChecksum;
import io.knobwright.model.backup.ProblemKind;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Verifies one backup with the checks its kind allows, and names every problem by file:
 * <ul>
 *   <li>plain base backup: pg_verifybackup against its manifest ({@link PgBaseBackupCheck});</li>
 *   <li>pg_dump archive (custom, tar, directory): {@code pg_restore --list} reads the table of contents, then
 *       {@code pg_restore -f /dev/null} reads every data block, because the TOC sits at the start and a cut-off
 *       archive still lists;</li>
 *   <li>plain SQL dump and mariadb-dump file: {@link SqlDumpScanner} (header, footer, nothing left open);</li>
 *   <li>any gzip file: the whole stream is decompressed first, so a truncated or corrupt gzip is named as such;</li>
 *   <li>every kind: sha256 of each file against the previous verification of the same path, when one is given.</li>
 * </ul>
 */
public final class BackupVerifier {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private final ExternalTools tools;
    private final Clock clock;
    private final Duration timeout;
    private final DumpRestore restorer;

    public BackupVerifier(ExternalTools tools, Clock clock, Duration timeout, DumpRestore restorer) {
        this.tools = tools;
        this.clock = clock;
        this.timeout = timeout;
        this.restorer = restorer;
    }

    public BackupVerifier(ExternalTools tools, Clock clock, Duration timeout) {
        this(tools, clock, timeout, new DumpRestore(tools, io.zonky.test.db.postgres.embedded.EmbeddedPostgres::builder,
                Duration.ofHours(6)));
    }

    public BackupVerifier() {
        this(new ExternalTools(), Clock.systemUTC(), Duration.ofMinutes(30));
    }

    /** A verification, and what its restore test restored when one was asked for and ran. */
    public record Verified(BackupVerification verification, Optional<RestoreReport> restore) {
    }

    /**
     * Verifies {@code path} (a backup directory or file); {@code previous} is the last verification of the same path,
     * whose checksums tell what changed since.
     *
     * @throws IllegalArgumentException when the path does not exist
     */
    public BackupVerification verify(Path path, Optional<BackupVerification> previous) {
        return verify(path, previous, null).verification();
    }

    /**
     * Verifies as {@link #verify(Path, Optional)}, then, for a pg_dump archive or plain pg_dump SQL, restores it into an
     * embedded PostgreSQL ({@link DumpRestore}): its errors become RESTORE_FAILED problems. Other kinds are not restored
     * (a fact says why). {@code progress} receives a line per step: a restore takes as long as loading the data.
     */
    public Verified verifyAndRestore(Path path, Optional<BackupVerification> previous, java.util.function.Consumer<String> progress) {
        return verify(path, previous, java.util.Objects.requireNonNull(progress, "progress"));
    }

    private Verified verify(Path path, Optional<BackupVerification> previous, java.util.function.Consumer<String> restoreProgress) {
        Path backup = path.toAbsolutePath().normalize();
        if (!Files.exists(backup)) {
            throw new IllegalArgumentException("No file or directory at " + backup);
        }
        VerificationDraft draft = new VerificationDraft();
        BackupKind kind = BackupDetector.detect(backup);
        String name = backup.getFileName().toString();
        boolean gzip = Files.isRegularFile(backup) && BackupDetector.isGzip(backup);
        boolean readable = true;
        if (gzip) {
            draft.facts.put("compression", "gzip");
            readable = gzipIntact(backup, name, draft);
        }
        if (readable) {
            switch (kind) {
                case PG_BASE_BACKUP -> PgBaseBackupCheck.check(backup, tools, timeout, draft);
                case PG_DUMP_CUSTOM, PG_DUMP_TAR, PG_DUMP_DIRECTORY -> checkArchive(backup, gzip, draft);
                case PG_SQL_DUMP -> scan(backup, gzip, SqlDumpScanner.Dialect.POSTGRES, draft);
                case MARIADB_DUMP -> scan(backup, gzip, SqlDumpScanner.Dialect.MARIADB, draft);
                case PG_BASE_BACKUP_TAR -> PgTarBaseBackupCheck.check(backup, tools, timeout, draft);
                case MARIABACKUP -> MariaBackupCheck.check(backup, draft);
                case UNKNOWN -> draft.problems.add(new BackupProblem(name, ProblemKind.NOT_A_BACKUP,
                        "neither a pg_basebackup directory, a pg_dump archive, nor a pg_dump / mariadb-dump SQL file"));
            }
        }
        Optional<RestoreReport> restored = Optional.empty();
        if (restoreProgress != null) {
            restored = restoreTest(backup, kind, gzip, readable, draft, restoreProgress);
        }
        if (Files.isRegularFile(backup) && size(backup) == 0) {
            draft.problems.add(new BackupProblem(name, ProblemKind.EMPTY, "the file has 0 bytes"));
        }
        List<FileChecksum> sums = BackupChecksums.of(backup);
        previous.ifPresent(p -> draft.problems.addAll(BackupChecksums.compare(p.checksumsByFile(), sums, draft.namedFiles())));
        long bytes = sums.stream().mapToLong(FileChecksum::bytes).sum();
        Instant takenAt = draft.takenAt != null ? draft.takenAt : newestModification(backup);
        return new Verified(BackupVerification.of(backup.toString(), kind, takenAt, bytes, draft.duration, clock.instant(),
                draft.problems, draft.facts, sums), restored);
    }

    private Optional<RestoreReport> restoreTest(Path backup, BackupKind kind, boolean gzip, boolean readable,
                                                VerificationDraft draft, java.util.function.Consumer<String> progress) {
        if (!kind.restorable() && kind != BackupKind.PG_SQL_DUMP) {
            draft.facts.put("restore", "not done: only pg_dump archives and plain pg_dump SQL are restored (" + kind.label() + ")");
            return Optional.empty();
        }
        if (!readable) {
            draft.facts.put("restore", "not done: the gzip stream is damaged");
            return Optional.empty();
        }
        if (draft.problems.stream().anyMatch(p -> p.kind() == ProblemKind.TOOL_MISSING)
                || kind.restorable() && !draft.facts.containsKey("toc entries")) {
            // no tool, or pg_restore --list could not read the table of contents: a restore would only repeat that
            draft.facts.put("restore", "not done: the archive's table of contents could not be read (see the problems)");
            return Optional.empty();
        }
        return restorer.restore(backup, kind, gzip, draft, progress);
    }

    /** Reads the whole gzip stream; false (with the problem named) when it is cut off or corrupt. */
    private static boolean gzipIntact(Path file, String name, VerificationDraft draft) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
            draft.facts.put("uncompressed bytes", Long.toString(total));
            return true;
        } catch (EOFException e) {
            draft.problems.add(new BackupProblem(name, ProblemKind.CORRUPT_GZIP,
                    "the gzip stream ends before its end marker: the file is truncated"));
        } catch (ZipException e) {
            draft.problems.add(new BackupProblem(name, ProblemKind.CORRUPT_GZIP, "gzip: " + e.getMessage()));
        } catch (IOException e) {
            draft.problems.add(new BackupProblem(name, ProblemKind.CORRUPT_GZIP, "gzip could not be read: " + e.getMessage()));
        }
        return false;
    }

    private void checkArchive(Path backup, boolean gzip, VerificationDraft draft) {
        String name = backup.getFileName().toString();
        Optional<ExternalTools.Tool> tool = tools.find("pg_restore", 0);
        if (tool.isEmpty()) {
            draft.problems.add(new BackupProblem("pg_restore", ProblemKind.TOOL_MISSING, tools.missingMessage("pg_restore", 0)));
            return;
        }
        draft.facts.put("tool", tool.get().path() + " (" + tool.get().major() + ")");
        Path archive = backup;
        Path temporary = null;
        try {
            if (gzip) {
                // pg_restore does not read an outer gzip; the stream was just checked whole, so this copy is exact
                temporary = Files.createTempFile("knobwright-archive", ".dump");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                archive = temporary;
            }
            String exe = tool.get().path().toString();
            ExternalTools.Run list = tools.run(List.of(exe, "--list", archive.toString()), timeout);
            if (!list.ok()) {
                draft.problems.addAll(restoreProblems(list, backup, archive, name, true));
                return;
            }
            long entries = list.out().lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
            draft.facts.put("toc entries", Long.toString(entries));
            list.out().lines().filter(l -> l.startsWith(";     Dump Version:") || l.startsWith(";     Dumped from database version:")
                            || l.startsWith(";     Dumped by pg_dump version:"))
                    .forEach(l -> draft.facts.put(l.substring(6, l.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT),
                            l.substring(l.indexOf(':') + 1).strip()));
            ExternalTools.Run read = tools.run(List.of(exe, "-f", "/dev/null", archive.toString()), timeout);
            if (!read.ok()) {
                draft.problems.addAll(restoreProblems(read, backup, archive, name, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decompress " + backup + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** One problem per pg_restore error line, named by the file it quotes (directory format) or the archive. */
    static List<BackupProblem> restoreProblems(ExternalTools.Run run, Path backup, Path read, String name, boolean toc) {
        String stage = toc ? "pg_restore --list: " : "pg_restore (reading all data): ";
        if (run.timedOut()) {
            return List.of(new BackupProblem(name, ProblemKind.OTHER, stage + "did not finish in time"));
        }
        List<BackupProblem> problems = new java.util.ArrayList<>();
        for (String raw : (run.err() + "\n" + run.out()).split("\n")) {
            String line = raw.strip();
            int at = line.indexOf("error: ");
            if (at < 0) {
                continue;
            }
            String message = line.substring(at + "error: ".length());
            String file = name;
            Matcher q = QUOTED.matcher(message);
            if (q.find()) {
                Path quoted = Path.of(q.group(1));
                if (quoted.isAbsolute() && quoted.startsWith(backup) && !quoted.equals(backup)) {
                    file = backup.relativize(quoted).toString();
                }
            }
            message = message.replace(read.toString(), name);
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            ProblemKind kind;
            if (lower.contains("unsupported version") && lower.contains("file header")) {
                kind = ProblemKind.TOOL_MISSING;
                message += ": written by a newer pg_dump than this pg_restore reads; install the postgresql-client of the dump's major";
            } else if (lower.contains("end of file") || lower.contains("unexpected eof") || lower.contains("could not read from input file")) {
                kind = ProblemKind.TRUNCATED;
            } else if (lower.contains("no such file")) {
                kind = ProblemKind.MISSING_FILE;
            } else if (toc) {
                kind = ProblemKind.ARCHIVE_UNREADABLE;
            } else {
                kind = ProblemKind.OTHER;
            }
            problems.add(new BackupProblem(file, kind, stage + message));
        }
        if (problems.isEmpty()) {
            problems.add(new BackupProblem(name, toc ? ProblemKind.ARCHIVE_UNREADABLE : ProblemKind.OTHER,
                    stage + "ended with " + run.exitCode() + ": " + run.err().strip()));
        }
        return problems;
    }

    private static void scan(Path file, boolean gzip, SqlDumpScanner.Dialect dialect, VerificationDraft draft) {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            SqlDumpScanner.Result result = new SqlDumpScanner(dialect, name).scan(reader);
            draft.problems.addAll(result.problems());
            draft.facts.put("statements", Long.toString(result.statements()));
            draft.facts.put("lines", Long.toString(result.lines()));
            if (!result.header().isEmpty()) {
                draft.facts.put("header", result.header());
            }
        } catch (IOException e) {
            draft.problems.add(new BackupProblem(name, ProblemKind.OTHER, "could not be read: " + e.getMessage()));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant newestModification(Path path) {
        try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            return files.filter(Files::isRegularFile).map(BackupVerifier::modified).max(Instant::compareTo)
                    .orElseGet(() -> modified(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
