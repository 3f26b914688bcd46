package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what pg_restore (run with -v) or psql printed while restoring into problems, each naming what failed: the
 * archive's TOC entry ("TABLE DATA orders") or the dump's line, with the server's error and its CONTEXT. Errors that
 * say the sandbox lacks something the dump needs (an extension) are told as such, not as damage.
 */
final class RestoreErrors {

    /** At most this many restore errors are listed one by one; the rest are counted in one more problem. */
    static final int LISTED = 40;
    /** "from TOC entry 3336; 0 16389 TABLE DATA orders postgres": the description, the tag, then the owner (may be empty). */
    private static final Pattern TOC_ENTRY = Pattern.compile("from TOC entry \\d+; \\d+ \\d+ (.+)$");
    private static final Pattern VERBOSE_OBJECT = Pattern.compile("^pg_restore: (creating|processing data for table) (.+)$");
    private static final Pattern PSQL_ERROR = Pattern.compile("^psql:(.*):(\\d+): (ERROR|FATAL):\\s+(.*)$");

    private final String file;
    private final String tempName;
    private final String gapNote;
    private final List<BackupProblem> problems = new ArrayList<>();
    private int errors;

    /**
     * @param file     the dump's name, every problem's file
     * @param tempName the path the tool read, when it was a decompressed copy (replaced by {@code file} in messages)
     * @param gapNote  added to every error when the dump is newer than the server it was restored into ("" if not)
     */
    RestoreErrors(String file, String tempName, String gapNote) {
        this.file = file;
        this.tempName = tempName;
        this.gapNote = gapNote;
    }

    List<BackupProblem> problems() {
        List<BackupProblem> all = new ArrayList<>(problems.subList(0, Math.min(problems.size(), LISTED)));
        if (problems.size() > LISTED) {
            all.add(new BackupProblem(file, ProblemKind.RESTORE_FAILED, (problems.size() - LISTED) + " more restore errors not listed"));
        }
        return all;
    }

    int errors() {
        return errors;
    }

    void readPgRestore(String stderr) {
        String object = null;
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher toc = TOC_ENTRY.matcher(line);
            Matcher verbose = VERBOSE_OBJECT.matcher(line);
            if (toc.find()) {
                String entry = toc.group(1).strip();
                // "TABLE orders postgres" and "TABLE DATA orders postgres" end with the owner; "EXTENSION plpgsql" has none
                object = entry.split(" ").length >= 3 ? entry.substring(0, entry.lastIndexOf(' ')) : entry;
            } else if (verbose.find()) {
                object = (verbose.group(1).equals("creating") ? "" : "TABLE DATA ") + verbose.group(2).replace("\"", "");
            } else if (line.startsWith("pg_restore: error: ")) {
                String message = line.substring("pg_restore: error: ".length());
                add(object, message + context(lines, i + 1));
            }
        }
    }

    void readPsql(String stderr) {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PSQL_ERROR.matcher(lines.get(i));
            if (m.find()) {
                add("line " + m.group(2), m.group(4) + context(lines, i + 1));
            }
        }
    }

    /** The CONTEXT line the server sends after an error (the COPY row, the function), if it follows. */
    private static String context(List<String> lines, int next) {
        for (int j = next; j < Math.min(lines.size(), next + 4); j++) {
            String l = lines.get(j).strip();
            if (l.startsWith("CONTEXT:")) {
                return " (" + l.substring("CONTEXT:".length()).strip() + ")";
            }
            if (l.startsWith("pg_restore:") || l.startsWith("psql:")) {
                break;
            }
        }
        return "";
    }

    private void add(String object, String rawMessage) {
        String message = tempName == null ? rawMessage : rawMessage.replace(tempName, file);
        if (message.contains("already exists") && message.contains("role")) {
            return; // a pg_dumpall script creating a role the sandbox has (postgres): nothing lost
        }
        errors++;
        String where = object == null ? "" : object + ": ";
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unsupported version") && lower.contains("file header")) {
            problems.add(new BackupProblem(file, ProblemKind.TOOL_MISSING, message + ": the archive was written by a newer"
                    + " pg_dump than this pg_restore reads; install the postgresql-client of the dump's major"));
        } else if (lower.contains("extension") && (lower.contains("is not available") || lower.contains("control file"))) {
            problems.add(new BackupProblem(file, ProblemKind.TOOL_MISSING, where + message
                    + ": the embedded PostgreSQL lacks this extension, so what depends on it could not be restored here"));
        } else {
            problems.add(new BackupProblem(file, ProblemKind.RESTORE_FAILED, clip(where + message) + gapNote));
        }
    }

    private static String clip(String s) {
        return s.length() <= 600 ? s : s.substring(0, 597) + "...";
    }
}
