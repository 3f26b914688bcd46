package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A mariabackup (or xtrabackup) target directory checked for completeness without mariabackup: the files every
 * backup has, a checkpoints file that parses with LSNs in order, every table's data files next to its .frm (by the
 * engine the .frm names), and InnoDB files that are whole pages long. Whether the backup was prepared is told as a
 * fact, not a problem: an unprepared backup is how mariabackup leaves it, and restoring starts with --prepare (then
 * the copied redo log, ib_logfile0, must be there). Page contents are not read: only mariabackup --prepare replays
 * the redo that makes the copied pages consistent.
 */
final class MariaBackupCheck {

    /** Files only a mariabackup / xtrabackup directory has (MariaDB 11 renamed xtrabackup_* to mariadb_backup_*). */
    static final List<String> MARKERS = List.of("xtrabackup_checkpoints", "mariadb_backup_checkpoints", "backup-my.cnf",
            "xtrabackup_info", "mariadb_backup_info");
    private static final Set<String> PREPARED = Set.of("full-prepared", "log-applied");
    private static final Set<String> UNPREPARED = Set.of("full-backuped", "incremental");
    /** The legacy engine code at byte 3 of a .frm (sql/handler.h, enum legacy_db_type). */
    private static final int INNODB = 12;
    private static final int MYISAM = 9;
    private static final int ARIA = 42;
    private static final int CSV = 17;
    private static final int PARTITIONED = 20;

    private final Path dir;
    private final VerificationDraft draft;
    private int pageSize = 16384;

    private MariaBackupCheck(Path dir, VerificationDraft draft) {
        this.dir = dir;
        this.draft = draft;
    }

    static void check(Path dir, VerificationDraft draft) {
        new MariaBackupCheck(dir, draft).run();
    }

    private void run() {
        Map<String, String> cnf = keyValues("backup-my.cnf", '=');
        if (cnf == null) {
            problem("backup-my.cnf", ProblemKind.MISSING_FILE, "every mariabackup directory has it: the server's InnoDB"
                    + " settings (page size, data files) --prepare and a restore need");
            cnf = Map.of();
        }
        pageSize = parseInt(cnf.get("innodb_page_size")).filter(p -> p >= 4096 && Integer.bitCount(p) == 1).orElse(16384);
        draft.facts.put("innodb page size", Integer.toString(pageSize));
        boolean prepared = checkpoints();
        info();
        systemTablespace(cnf.getOrDefault("innodb_data_file_path", "ibdata1:12M:autoextend"));
        undoTablespaces(parseInt(cnf.get("innodb_undo_tablespaces")).orElse(0));
        if (!prepared) {
            Path redo = Files.isRegularFile(dir.resolve("xtrabackup_logfile")) ? dir.resolve("xtrabackup_logfile") : dir.resolve("ib_logfile0");
            if (!Files.isRegularFile(redo)) {
                problem("ib_logfile0", ProblemKind.MISSING_FILE, "the redo log copied during the backup: without it the"
                        + " backup cannot be prepared, so it cannot be restored");
            } else if (size(redo) == 0) {
                problem(redo.getFileName().toString(), ProblemKind.EMPTY, "the copied redo log has 0 bytes");
            }
        }
        databases();
    }

    /** Parses the checkpoints file; true when it says the backup was prepared. */
    private boolean checkpoints() {
        String name = Files.isRegularFile(dir.resolve("mariadb_backup_checkpoints")) ? "mariadb_backup_checkpoints" : "xtrabackup_checkpoints";
        Map<String, String> values = keyValues(name, '=');
        if (values == null) {
            problem(name, ProblemKind.MISSING_FILE, "it tells the backup's type and LSN range; --prepare refuses to run without it");
            return false;
        }
        String type = values.getOrDefault("backup_type", "");
        Optional<Long> from = parseLong(values.get("from_lsn"));
        Optional<Long> to = parseLong(values.get("to_lsn"));
        Optional<Long> last = parseLong(values.get("last_lsn"));
        if (!PREPARED.contains(type) && !UNPREPARED.contains(type)) {
            problem(name, ProblemKind.MANIFEST_INVALID, "backup_type is " + (type.isEmpty() ? "missing" : "'" + clip(type) + "'")
                    + ", not one of full-backuped, incremental, full-prepared, log-applied");
        }
        if (from.isEmpty() || to.isEmpty() || last.isEmpty()) {
            problem(name, ProblemKind.MANIFEST_INVALID, "from_lsn, to_lsn and last_lsn must be numbers; found from_lsn="
                    + clip(values.getOrDefault("from_lsn", "(none)")) + ", to_lsn=" + clip(values.getOrDefault("to_lsn", "(none)"))
                    + ", last_lsn=" + clip(values.getOrDefault("last_lsn", "(none)")));
        } else if (from.get() > to.get() || to.get() > last.get()) {
            problem(name, ProblemKind.INCOMPLETE, "the LSNs are out of order (from_lsn " + from.get() + ", to_lsn " + to.get()
                    + ", last_lsn " + last.get() + "): the backup did not finish copying the redo log");
        } else {
            draft.facts.put("lsn range", from.get() + " to " + to.get() + " (redo copied to " + last.get() + ")");
        }
        boolean prepared = PREPARED.contains(type);
        if (type.equals("incremental")) {
            draft.facts.put("incremental", "yes: it restores only on top of the backup it was taken from (from_lsn "
                    + from.map(String::valueOf).orElse("?") + ")");
        }
        draft.facts.put("prepared", prepared ? "yes (" + type + "): ready to copy back"
                : "no (" + (type.isEmpty() ? "?" : clip(type)) + "): run mariabackup --prepare before restoring");
        return prepared;
    }

    private void info() {
        String name = Files.isRegularFile(dir.resolve("mariadb_backup_info")) ? "mariadb_backup_info" : "xtrabackup_info";
        Map<String, String> values = keyValues(name, '=');
        if (values == null) {
            problem(name, ProblemKind.MISSING_FILE, "mariabackup writes it last: without it the backup may not have finished");
            return;
        }
        for (String key : List.of("tool_version", "server_version", "partial", "incremental", "compressed")) {
            if (values.containsKey(key) && !values.get(key).isBlank()) {
                draft.facts.put(key.replace('_', ' '), clip(values.get(key)));
            }
        }
        Optional<Instant> start = time(values.get("start_time"));
        Optional<Instant> end = time(values.get("end_time"));
        start.ifPresent(s -> draft.takenAt = s);
        if (start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())) {
            draft.duration = Duration.between(start.get(), end.get());
        }
    }

    /** ibdata1 and the rest of innodb_data_file_path: present, whole pages, at least their declared size. */
    private void systemTablespace(String dataFilePath) {
        for (String spec : dataFilePath.split(";")) {
            String[] parts = spec.strip().split(":");
            if (parts.length < 2 || parts[0].isBlank()) {
                continue;
            }
            Path file = dir.resolve(parts[0]);
            if (!Files.isRegularFile(file)) {
                problem(parts[0], ProblemKind.MISSING_FILE, "the InnoDB system tablespace (innodb_data_file_path " + dataFilePath + ")");
                continue;
            }
            long declared = bytes(parts[1]);
            if (innodbFile(file, parts[0]) && declared > 0 && size(file) < declared) {
                problem(parts[0], ProblemKind.TRUNCATED, size(file) + " bytes, smaller than the " + parts[1]
                        + " innodb_data_file_path declares");
            }
        }
    }

    private void undoTablespaces(int count) {
        for (int i = 1; i <= count; i++) {
            String name = String.format(Locale.ROOT, "undo%03d", i);
            if (!Files.isRegularFile(dir.resolve(name))) {
                problem(name, ProblemKind.MISSING_FILE, "innodb_undo_tablespaces is " + count);
            } else {
                innodbFile(dir.resolve(name), name);
            }
        }
    }

    /** Every database directory: each table's files by its engine, each InnoDB file whole pages long. */
    private void databases() {
        List<Path> directories;
        try (Stream<Path> list = Files.list(dir)) {
            directories = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problem(dir.getFileName().toString(), ProblemKind.OTHER, "could not be listed: " + e.getMessage());
            return;
        }
        int tables = 0;
        for (Path database : directories) {
            tables += database(database);
        }
        draft.facts.put("databases", Integer.toString(directories.size()));
        draft.facts.put("tables", Integer.toString(tables));
    }

    private int database(Path database) {
        String db = database.getFileName().toString();
        List<Path> files;
        try (Stream<Path> list = Files.list(database)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problem(db, ProblemKind.OTHER, "could not be listed: " + e.getMessage());
            return 0;
        }
        Set<String> names = new java.util.HashSet<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        int tables = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String relative = db + "/" + name;
            if (name.endsWith(".frm")) {
                tables++;
                String table = name.substring(0, name.length() - 4);
                for (String needed : neededBy(file, table)) {
                    if (!names.contains(needed)) {
                        problem(db + "/" + needed, ProblemKind.MISSING_FILE, "table " + db + "." + table
                                + " has its definition (.frm) but not this data file");
                    }
                }
            } else if (name.endsWith(".ibd")) {
                innodbFile(file, relative);
                String table = name.substring(0, name.length() - 4);
                int partition = table.indexOf("#P#");
                String owner = partition >= 0 ? table.substring(0, partition) : table;
                if (!names.contains(owner + ".frm") && names.add(owner + ".frm")) { // once for all its partitions
                    problem(db + "/" + owner + ".frm", ProblemKind.MISSING_FILE, "the definition of " + db + "." + owner
                            + " whose data file " + name + " is here: without it the table cannot be opened");
                }
            }
        }
        return tables;
    }

    /** The data files a table's engine keeps next to its .frm; none for views, MEMORY and engines not known here. */
    private static List<String> neededBy(Path frm, String table) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(frm)) {
            if (in.readNBytes(head, 0, 4) < 4 || (head[0] & 0xff) != 0xfe) {
                return List.of(); // a view (TYPE=VIEW text) or not a table definition
            }
        } catch (IOException e) {
            return List.of();
        }
        return switch (head[3] & 0xff) {
            case INNODB -> List.of(table + ".ibd");
            case MYISAM -> List.of(table + ".MYD", table + ".MYI");
            case ARIA -> List.of(table + ".MAD", table + ".MAI");
            case CSV -> List.of(table + ".CSV", table + ".CSM");
            case PARTITIONED -> List.of(table + ".par");
            default -> List.of();
        };
    }

    /** An InnoDB file is a whole number of pages; false (with the problem named) when it is empty or cut mid-page. */
    private boolean innodbFile(Path file, String name) {
        long bytes = size(file);
        if (bytes == 0) {
            problem(name, ProblemKind.EMPTY, "an InnoDB tablespace of 0 bytes");
            return false;
        }
        int physical = physicalPageSize(file);
        if (bytes % physical != 0) {
            problem(name, ProblemKind.TRUNCATED, bytes + " bytes is not a whole number of " + physical / 1024
                    + " KiB pages: the file was cut off while it was copied");
            return false;
        }
        return true;
    }

    /**
     * The page size the file is written in: a ROW_FORMAT=COMPRESSED tablespace's first page names a smaller one in its
     * FSP flags (bits 1-4, zip_ssize, in the format that is not full_crc32 (bit 4 of those flags)).
     */
    private int physicalPageSize(Path file) {
        byte[] page = new byte[58];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(page, 0, page.length) < page.length) {
                return pageSize;
            }
        } catch (IOException e) {
            return pageSize;
        }
        int flags = ((page[54] & 0xff) << 24) | ((page[55] & 0xff) << 16) | ((page[56] & 0xff) << 8) | (page[57] & 0xff);
        boolean fullCrc32 = (flags & 0x10) != 0;
        int zipShift = (flags >> 1) & 0xf;
        return !fullCrc32 && (flags & 1) != 0 && zipShift > 0 && zipShift <= 5 ? 512 << zipShift : pageSize;
    }

    /** "key = value" lines (sections and comments skipped); null when the file is absent or unreadable. */
    private Map<String, String> keyValues(String name, char separator) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n")) {
                String l = line.strip();
                int at = l.indexOf(separator);
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("[") || at <= 0) {
                    continue;
                }
                values.put(l.substring(0, at).strip(), l.substring(at + 1).strip());
            }
        } catch (IOException e) {
            problem(name, ProblemKind.OTHER, "could not be read: " + e.getMessage());
            return Map.of();
        }
        return values;
    }

    private static Optional<Instant> time(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .atZone(ZoneId.systemDefault()).toInstant()); // mariabackup writes the server host's local time
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "12M", "1G", "512K" or plain bytes, as innodb_data_file_path writes sizes. */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        long unit = s.endsWith("K") ? 1L << 10 : s.endsWith("M") ? 1L << 20 : s.endsWith("G") ? 1L << 30 : s.endsWith("T") ? 1L << 40 : 1;
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return parseLong(digits).map(v -> v * unit).orElse(0L);
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseInt(String value) {
        return parseLong(value).filter(v -> v <= Integer.MAX_VALUE && v >= 0).map(Long::intValue);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    private void problem(String file, ProblemKind kind, String detail) {
        draft.problems.add(new BackupProblem(file, kind, detail));
    }
}
