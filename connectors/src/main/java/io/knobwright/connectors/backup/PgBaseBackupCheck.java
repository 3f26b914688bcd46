package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-format base backup checked by pg_verifybackup against its backup_manifest: every file's presence, size and
 * checksum, and the WAL the backup needs (parsed with pg_waldump). Each line the tool prints is one problem, named by
 * its file. The backup's time and duration come from its backup_label (START TIME) and when the manifest (written
 * last) was written.
 */
final class PgBaseBackupCheck {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern START = Pattern.compile("^START TIME: (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) ?(\\S+)?", Pattern.MULTILINE);

    private PgBaseBackupCheck() {
    }

    static void check(Path dir, ExternalTools tools, Duration timeout, VerificationDraft draft) {
        int major = pgVersion(dir).orElse(0);
        if (major > 0) {
            draft.facts.put("server major", Integer.toString(major));
        }
        label(dir, draft);
        Optional<ExternalTools.Tool> tool = tools.find("pg_verifybackup", major);
        if (tool.isEmpty()) {
            draft.problems.add(new BackupProblem("pg_verifybackup", ProblemKind.TOOL_MISSING, tools.missingMessage("pg_verifybackup", major)));
            return;
        }
        draft.facts.put("tool", tool.get().path() + " (" + tool.get().major() + ")");
        ExternalTools.Run run = tools.run(List.of(tool.get().path().toString(), dir.toString()), timeout);
        if (run.timedOut()) {
            draft.problems.add(new BackupProblem(dir.getFileName().toString(), ProblemKind.OTHER,
                    "pg_verifybackup did not finish within " + timeout));
            return;
        }
        draft.problems.addAll(problems(run.err() + "\n" + run.out(), dir));
        if (run.ok()) {
            draft.facts.put("pg_verifybackup", run.out().strip());
        } else if (draft.problems.isEmpty()) {
            draft.problems.add(new BackupProblem(dir.getFileName().toString(), ProblemKind.OTHER,
                    "pg_verifybackup ended with " + run.exitCode() + ": " + run.err().strip()));
        }
    }

    /** One problem per error line of pg_verifybackup (and of the pg_waldump it runs), named by file where it names one. */
    static List<BackupProblem> problems(String output, Path dir) {
        List<BackupProblem> problems = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            int at = line.indexOf("error: ");
            if (at < 0) {
                continue;
            }
            String message = line.substring(at + "error: ".length());
            boolean fromWalDump = line.startsWith("pg_waldump");
            Matcher q = QUOTED.matcher(message);
            String file = q.find() ? relative(q.group(1), dir) : fromWalDump ? "pg_wal" : dir.getFileName().toString();
            ProblemKind kind;
            if (fromWalDump || message.startsWith("WAL parsing failed")) {
                kind = ProblemKind.WAL_MISSING;
                if (message.startsWith("WAL parsing failed")) {
                    file = "pg_wal";
                }
            } else if (message.contains("is present in the manifest but not on disk")) {
                kind = ProblemKind.MISSING_FILE;
            } else if (message.contains("is present on disk but not in the manifest")) {
                kind = ProblemKind.EXTRA_FILE;
            } else if (message.contains("on disk but size") || message.startsWith("could not read file")) {
                kind = ProblemKind.SIZE_MISMATCH;
            } else if (message.startsWith("checksum mismatch for file")) {
                kind = ProblemKind.CHECKSUM_MISMATCH;
            } else if (message.contains("manifest")) {
                kind = message.contains("No such file") ? ProblemKind.MISSING_FILE : ProblemKind.MANIFEST_INVALID;
                file = "backup_manifest";
            } else if (message.contains("No such file or directory")) {
                kind = ProblemKind.MISSING_FILE;
            } else {
                kind = ProblemKind.OTHER;
            }
            problems.add(new BackupProblem(file, kind, message));
        }
        return problems;
    }

    private static String relative(String quoted, Path dir) {
        Path p = Path.of(quoted);
        if (p.isAbsolute() && p.startsWith(dir)) {
            return dir.relativize(p).toString();
        }
        return quoted;
    }

    static Optional<Integer> pgVersion(Path dir) {
        try {
            String v = Files.readString(dir.resolve("PG_VERSION")).strip();
            return Optional.of(Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** START TIME from backup_label; the duration up to the manifest's writing (the last thing pg_basebackup writes). */
    private static void label(Path dir, VerificationDraft draft) {
        try {
            timesFromLabel(Files.readString(dir.resolve("backup_label")), dir.resolve("backup_manifest"), draft);
        } catch (IOException | RuntimeException e) {
            // no readable label: pg_verifybackup names it; the time falls back to the files' own
        }
    }

    /** Sets the draft's time from a backup_label's START TIME, and its duration up to the manifest's modification. */
    static void timesFromLabel(String label, Path manifest, VerificationDraft draft) throws IOException {
        Matcher m = START.matcher(label);
        if (!m.find()) {
            return;
        }
        LocalDateTime local = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Instant start = local.atZone(zone(m.group(2))).toInstant();
        draft.takenAt = start;
        if (Files.isRegularFile(manifest)) {
            Instant end = Files.getLastModifiedTime(manifest).toInstant();
            if (!end.isBefore(start)) {
                draft.duration = Duration.between(start, end);
            }
        }
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name, Map.of("UTC", "Z", "GMT", "Z"));
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
