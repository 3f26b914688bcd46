package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A tar-format base backup (pg_basebackup -Ft, optionally -z) checked the way pg_verifybackup checks a plain one,
 * without extracting it: every tar is read once, each file's size and checksum compared with backup_manifest as it
 * streams past, files missing from the tars or not in the manifest named; the manifest's own checksum checked; and
 * the WAL the backup needs (pg_wal.tar, or pg_wal/ inside base.tar with -X fetch) extracted alone into a temporary
 * directory, parsed by pg_waldump over the manifest's WAL ranges, and deleted. pg_verifybackup reads tar backups only
 * from PostgreSQL 18 on, and extracting base.tar next to the manifest would double the backup's size on the backup
 * volume (and may not be allowed there): streaming needs no room and names the same files (decision 0130).
 */
final class PgTarBaseBackupCheck {

    private static final Pattern TAR = Pattern.compile("(base|pg_wal|\\d+)\\.tar(\\.gz)?");
    private static final Pattern OTHER_COMPRESSION = Pattern.compile("(base|pg_wal|\\d+)\\.tar\\.(lz4|zst)");
    /** Files pg_verifybackup does not compare: pg_basebackup -R rewrites or adds them after the manifest is made. */
    private static final Set<String> IGNORED = Set.of("backup_manifest", "postgresql.auto.conf", "recovery.signal", "standby.signal");

    private final Path dir;
    private final ExternalTools tools;
    private final Duration timeout;
    private final VerificationDraft draft;
    private final Set<String> seen = new HashSet<>();
    /** Manifest path prefixes ("" for base.tar, "pg_tblspc/OID/" for a tablespace) whose tar could not be read whole. */
    private final Set<String> unreadPrefixes = new HashSet<>();
    private BaseBackupManifest manifest;
    private String label;
    private int major;
    private Path walDirectory;
    private String walSource;
    private boolean walIntact = true;

    private PgTarBaseBackupCheck(Path dir, ExternalTools tools, Duration timeout, VerificationDraft draft) {
        this.dir = dir;
        this.tools = tools;
        this.timeout = timeout;
        this.draft = draft;
    }

    static void check(Path dir, ExternalTools tools, Duration timeout, VerificationDraft draft) {
        new PgTarBaseBackupCheck(dir, tools, timeout, draft).run();
    }

    private void run() {
        readManifest();
        List<Path> tars = tars();
        draft.facts.put("tars", String.join(", ", tars.stream().map(p -> p.getFileName().toString()).toList()));
        try {
            walDirectory = Files.createTempDirectory("knobwright-wal");
            for (Path tar : tars) {
                read(tar);
            }
            if (manifest != null) {
                reportUnseen(tars);
                checkWal();
            }
        } catch (IOException e) {
            problem(dir.getFileName().toString(), ProblemKind.OTHER, "could not be read: " + e.getMessage());
        } finally {
            deleteTree(walDirectory);
        }
        if (major > 0) {
            draft.facts.put("server major", Integer.toString(major));
        }
        if (label != null) {
            try {
                PgBaseBackupCheck.timesFromLabel(label, dir.resolve("backup_manifest"), draft);
            } catch (IOException | RuntimeException e) {
                // an unreadable label leaves the files' own times
            }
        }
    }

    private void readManifest() {
        try {
            manifest = BaseBackupManifest.read(dir.resolve("backup_manifest"));
            draft.facts.put("manifest files", Integer.toString(manifest.files().size()));
            if (!manifest.selfChecksumMatches()) {
                problem("backup_manifest", ProblemKind.MANIFEST_INVALID,
                        "its Manifest-Checksum does not match its content: the manifest was edited or damaged");
            }
        } catch (NoSuchFileException e) {
            problem("backup_manifest", ProblemKind.MISSING_FILE,
                    "no backup_manifest: the files' sizes and checksums cannot be checked (taken with --no-manifest, or lost)");
        } catch (IOException e) {
            problem("backup_manifest", ProblemKind.MANIFEST_INVALID, e.getMessage());
        }
    }

    private List<Path> tars() {
        List<Path> tars = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (TAR.matcher(name).matches()) {
                    tars.add(p);
                } else if (OTHER_COMPRESSION.matcher(name).matches()) {
                    problem(name, ProblemKind.TOOL_MISSING, "compressed with " + name.substring(name.lastIndexOf('.') + 1)
                            + ", which Knobwright does not read: decompress it next to the others to have it checked");
                    unreadPrefixes.add(prefixOf(name));
                }
            }
        } catch (IOException e) {
            problem(dir.getFileName().toString(), ProblemKind.OTHER, "could not be listed: " + e.getMessage());
        }
        return tars;
    }

    /** Where a tar's files sit in the manifest: the data directory for base.tar, pg_tblspc/OID/ for a tablespace. */
    private static String prefixOf(String tarName) {
        String stem = tarName.substring(0, tarName.indexOf(".tar"));
        return stem.equals("base") ? "" : stem.equals("pg_wal") ? "pg_wal/" : "pg_tblspc/" + stem + "/";
    }

    private void read(Path tar) {
        String name = tar.getFileName().toString();
        String prefix = prefixOf(name);
        boolean wal = prefix.equals("pg_wal/");
        try (InputStream raw = Files.newInputStream(tar);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : new java.io.BufferedInputStream(raw, 1 << 16)) {
            TarReader reader = new TarReader(in);
            Optional<TarReader.Entry> next;
            long files = 0;
            while ((next = reader.next()).isPresent()) {
                TarReader.Entry entry = next.get();
                if (!entry.regularFile()) {
                    continue;
                }
                files++;
                String path = wal ? "pg_wal/" + entry.name() : prefix + entry.name();
                if (path.startsWith("pg_wal/")) {
                    extractWal(name, path.substring("pg_wal/".length()), reader.content());
                } else {
                    compare(name, path, entry, reader.content());
                }
            }
            draft.facts.put(name + " files", Long.toString(files));
        } catch (TarReader.Truncated e) {
            problem(name, ProblemKind.TRUNCATED, e.getMessage() + unreadNote(prefix));
            unread(prefix);
        } catch (TarReader.Corrupt e) {
            problem(name, ProblemKind.OTHER, e.getMessage() + unreadNote(prefix));
            unread(prefix);
        } catch (EOFException e) {
            problem(name, ProblemKind.CORRUPT_GZIP, "the gzip stream ends before its end marker: the file is truncated" + unreadNote(prefix));
            unread(prefix);
        } catch (ZipException e) {
            problem(name, ProblemKind.CORRUPT_GZIP, "gzip: " + e.getMessage() + unreadNote(prefix));
            unread(prefix);
        } catch (IOException e) {
            problem(name, ProblemKind.OTHER, "could not be read: " + e.getMessage() + unreadNote(prefix));
            unread(prefix);
        }
    }

    private static String unreadNote(String prefix) {
        return prefix.equals("pg_wal/") ? "" : "; files after this point were not checked";
    }

    private void unread(String prefix) {
        unreadPrefixes.add(prefix);
        if (prefix.equals("pg_wal/")) {
            walIntact = false; // its own problem names it; pg_waldump would only repeat the cut
        }
    }

    private void compare(String tarName, String path, TarReader.Entry entry, InputStream content) throws IOException {
        seen.add(path);
        BaseBackupManifest.ManifestFile expected = manifest == null ? null : manifest.files().get(path);
        byte[] small = path.equals("PG_VERSION") || path.equals("backup_label") ? new byte[(int) Math.min(entry.size(), 65536)] : null;
        BaseBackupManifest.FileSum sum = expected == null ? null : sumFor(expected, path);
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        int n;
        while ((n = content.read(buffer)) > 0) {
            if (sum != null) {
                sum.update(buffer, 0, n);
            }
            if (small != null && read < small.length) {
                System.arraycopy(buffer, 0, small, (int) read, (int) Math.min(n, small.length - read));
            }
            read += n;
        }
        if (small != null) {
            remember(path, new String(small, StandardCharsets.UTF_8));
        }
        if (manifest == null || IGNORED.contains(path)) {
            return;
        }
        if (expected == null) {
            problem(path, ProblemKind.EXTRA_FILE, "in " + tarName + " but not in backup_manifest");
        } else if (entry.size() != expected.size()) {
            problem(path, ProblemKind.SIZE_MISMATCH, "in " + tarName + ": " + entry.size() + " bytes, the manifest says " + expected.size());
        } else if (sum != null && !sum.matches(expected.checksum())) {
            problem(path, ProblemKind.CHECKSUM_MISMATCH, "in " + tarName + ": the " + expected.algorithm()
                    + " checksum differs from the manifest's " + expected.checksum());
        }
    }

    private BaseBackupManifest.FileSum sumFor(BaseBackupManifest.ManifestFile expected, String path) {
        try {
            return new BaseBackupManifest.FileSum(expected.algorithm());
        } catch (IllegalArgumentException e) {
            problem(path, ProblemKind.MANIFEST_INVALID, "unknown checksum algorithm " + expected.algorithm());
            return null;
        }
    }

    private void remember(String path, String text) {
        if (path.equals("backup_label")) {
            label = text;
        } else {
            try {
                String v = text.strip();
                major = Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
            } catch (NumberFormatException ignored) {
                // a damaged PG_VERSION is named by its checksum
            }
        }
    }

    private void extractWal(String tarName, String file, InputStream content) throws IOException {
        if (file.contains("/") || file.isEmpty()) {
            return; // archive_status and the like
        }
        walSource = walSource == null || tarName.startsWith("pg_wal") ? tarName : walSource;
        try (OutputStream out = Files.newOutputStream(walDirectory.resolve(file))) {
            content.transferTo(out);
        }
    }

    /** Manifest files no tar held; one problem for a whole tar that is absent (a tablespace's OID.tar). */
    private void reportUnseen(List<Path> tars) {
        Set<String> present = new HashSet<>();
        tars.forEach(t -> present.add(prefixOf(t.getFileName().toString())));
        TreeMap<String, Integer> absentTars = new TreeMap<>();
        for (String path : manifest.files().keySet()) {
            if (seen.contains(path) || IGNORED.contains(path)) {
                continue;
            }
            String prefix = path.startsWith("pg_tblspc/") ? path.substring(0, path.indexOf('/', "pg_tblspc/".length()) + 1) : "";
            if (unreadPrefixes.contains(prefix)) {
                continue;
            }
            if (!present.contains(prefix)) {
                String tar = prefix.isEmpty() ? "base.tar" : prefix.substring("pg_tblspc/".length(), prefix.length() - 1) + ".tar";
                absentTars.merge(tar, 1, Integer::sum);
            } else {
                problem(path, ProblemKind.MISSING_FILE, "in backup_manifest but in no tar of the backup");
            }
        }
        absentTars.forEach((tar, count) -> problem(tar, ProblemKind.MISSING_FILE,
                "absent: it holds " + count + " file(s) of the manifest (a tablespace's data)"));
    }

    private void checkWal() {
        if (manifest.walRanges().isEmpty() || !walIntact) {
            return;
        }
        boolean haveWal;
        try (Stream<Path> list = Files.list(walDirectory)) {
            haveWal = list.findAny().isPresent();
        } catch (IOException e) {
            haveWal = false;
        }
        if (!haveWal) {
            if (!unreadPrefixes.contains("")) {
                problem("pg_wal.tar", ProblemKind.WAL_MISSING, "no pg_wal.tar(.gz) and no WAL inside base.tar: the backup"
                        + " cannot be restored without the WAL from " + manifest.walRanges().getFirst().start() + " to "
                        + manifest.walRanges().getLast().end() + " (from an archive)");
            }
            return;
        }
        Optional<ExternalTools.Tool> waldump = tools.find("pg_waldump", major);
        if (waldump.isEmpty()) {
            problem("pg_waldump", ProblemKind.TOOL_MISSING, "the WAL was not parsed: " + tools.missingMessage("pg_waldump", major));
            return;
        }
        for (BaseBackupManifest.WalRange range : manifest.walRanges()) {
            ExternalTools.Run run = tools.run(List.of(waldump.get().path().toString(), "--quiet", "--path=" + walDirectory,
                    "--timeline=" + range.timeline(), "--start=" + range.start(), "--end=" + range.end()), timeout);
            if (run.ok()) {
                continue;
            }
            String message = (run.err() + "\n" + run.out()).lines().filter(l -> l.contains("error: ")).findFirst()
                    .map(l -> l.substring(l.indexOf("error: ") + "error: ".length())).orElse("ended with " + run.exitCode());
            problem(walSource, ProblemKind.WAL_MISSING, "WAL from " + range.start() + " to " + range.end() + " on timeline "
                    + range.timeline() + " does not parse: " + message.replace(walDirectory.toString(), walSource));
        }
        draft.facts.put("wal", "parsed by " + waldump.get().path() + " (" + String.format(Locale.ROOT, "%d range(s)",
                manifest.walRanges().size()) + ")");
    }

    private void problem(String file, ProblemKind kind, String detail) {
        draft.problems.add(new BackupProblem(file, kind, detail));
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless; the next boot clears /tmp
        }
    }
}
