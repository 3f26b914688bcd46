package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SQL dump (pg_dump plain format, mariadb-dump / mysqldump) from start to end and tells whether it is whole:
 * the tool's header, its completion footer, and every statement ended: no string, identifier, comment, dollar quote
 * or COPY block left open, and no text after the last delimiter. A dump cut short (disk full, a killed job, a partial
 * copy) fails one of these, wherever the cut falls.
 *
 * <p>Only the lexical structure is read, not the SQL itself: quotes ('...', "...", `...` in MySQL), backslash
 * escapes (MySQL only; pg_dump writes standard strings), comments, PostgreSQL dollar quotes, {@code COPY ... FROM
 * stdin} data up to its {@code \.} line, and mariadb-dump's {@code DELIMITER ;;} blocks around triggers and routines.
 */
final class SqlDumpScanner {

    enum Dialect { POSTGRES, MARIADB }

    /** What the scan found: statements ended, and the problems (which name {@code file}). */
    record Result(long statements, long lines, String header, List<BackupProblem> problems) {
    }

    private enum State { CODE, SINGLE, DOUBLE, BACKTICK, BLOCK_COMMENT, DOLLAR }

    private final Dialect dialect;
    private final String file;

    SqlDumpScanner(Dialect dialect, String file) {
        this.dialect = dialect;
        this.file = file;
    }

    Result scan(BufferedReader in) throws IOException {
        List<BackupProblem> problems = new ArrayList<>();
        State state = State.CODE;
        String delimiter = ";";
        String dollarTag = null;
        StringBuilder pending = new StringBuilder();
        long pendingLine = 0;
        long statements = 0;
        long lineNo = 0;
        boolean inCopy = false;
        long copyLine = 0;
        String header = null;
        String lastComment = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (inCopy) {
                if (line.equals("\\.")) {
                    inCopy = false;
                }
                continue;
            }
            if (header == null && line.startsWith("-- ") && !line.isBlank()) {
                header = line.substring(3).strip();
            }
            if (state == State.CODE && pending.isEmpty() && dialect == Dialect.MARIADB && line.startsWith("DELIMITER ")) {
                delimiter = line.substring("DELIMITER ".length()).strip();
                continue;
            }
            if (state == State.CODE && pending.isEmpty() && dialect == Dialect.POSTGRES && line.startsWith("\\")) {
                continue; // a psql meta-command (connect, restrict, unrestrict after a backslash): one line, no delimiter
            }
            if (state == State.CODE && pending.isEmpty() && line.startsWith("--")) {
                if (line.length() > 3) {
                    lastComment = line.substring(2).strip();
                }
                continue;
            }
            int i = 0;
            int n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                switch (state) {
                    case CODE -> {
                        if (c == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
                            i = n; // comment to the end of the line
                            continue;
                        }
                        if (c == '#' && dialect == Dialect.MARIADB) {
                            i = n;
                            continue;
                        }
                        if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                            // MySQL's /*!40101 ... */ runs as code; it is still closed the same way
                            state = State.BLOCK_COMMENT;
                            pending.append("/*");
                            if (pendingLine == 0) {
                                pendingLine = lineNo;
                            }
                            i += 2;
                            continue;
                        }
                        if (line.startsWith(delimiter, i)) {
                            if (!pending.toString().isBlank()) {
                                statements++;
                                if (dialect == Dialect.POSTGRES && isCopyFromStdin(pending)) {
                                    inCopy = true;
                                    copyLine = lineNo;
                                }
                            }
                            pending.setLength(0);
                            pendingLine = 0;
                            i += delimiter.length();
                            continue;
                        }
                        if (!Character.isWhitespace(c) && pendingLine == 0) {
                            pendingLine = lineNo;
                        }
                        if (c == '\'') {
                            state = State.SINGLE;
                        } else if (c == '"') {
                            state = State.DOUBLE;
                        } else if (c == '`' && dialect == Dialect.MARIADB) {
                            state = State.BACKTICK;
                        } else if (c == '$' && dialect == Dialect.POSTGRES) {
                            String tag = dollarTag(line, i);
                            if (tag != null) {
                                state = State.DOLLAR;
                                dollarTag = tag;
                                pending.append(tag);
                                i += tag.length();
                                continue;
                            }
                        }
                        pending.append(c);
                        i++;
                    }
                    case SINGLE, DOUBLE, BACKTICK -> {
                        char close = state == State.SINGLE ? '\'' : state == State.DOUBLE ? '"' : '`';
                        if (c == '\\' && dialect == Dialect.MARIADB && state != State.BACKTICK) {
                            pending.append(c);
                            if (i + 1 < n) {
                                pending.append(line.charAt(i + 1));
                            }
                            i += 2;
                            continue;
                        }
                        if (c == close) {
                            if (i + 1 < n && line.charAt(i + 1) == close) {
                                pending.append(c).append(c); // doubled quote inside
                                i += 2;
                                continue;
                            }
                            state = State.CODE;
                        }
                        pending.append(c);
                        i++;
                    }
                    case BLOCK_COMMENT -> {
                        if (c == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                            state = State.CODE;
                            pending.append("*/");
                            i += 2;
                            continue;
                        }
                        pending.append(c);
                        i++;
                    }
                    case DOLLAR -> {
                        if (line.startsWith(dollarTag, i)) {
                            state = State.CODE;
                            pending.append(dollarTag);
                            i += dollarTag.length();
                            continue;
                        }
                        pending.append(c);
                        i++;
                    }
                }
            }
            if (state != State.CODE || !pending.isEmpty()) {
                pending.append('\n');
            }
            // only very long statements grow this; keep the head, it is what a message quotes
            if (pending.length() > 1_000_000) {
                pending.setLength(200);
            }
        }
        String where = " at line " + lineNo;
        if (inCopy) {
            problems.add(new BackupProblem(file, ProblemKind.TRUNCATED,
                    "COPY data begun at line " + copyLine + " never ends (no \\. line): the file is cut off" + where));
        } else if (state != State.CODE) {
            problems.add(new BackupProblem(file, ProblemKind.UNBALANCED, switch (state) {
                case SINGLE -> "a string";
                case DOUBLE -> "a quoted identifier";
                case BACKTICK -> "a `quoted` name";
                case BLOCK_COMMENT -> "a /* comment */";
                case DOLLAR -> "a " + dollarTag + " quoted body";
                default -> "a statement";
            } + " opened near line " + pendingLine + " is never closed: the file is cut off" + where));
        } else if (!pending.toString().isBlank()) {
            problems.add(new BackupProblem(file, ProblemKind.TRUNCATED, "the statement begun at line " + pendingLine
                    + " has no ending '" + delimiter + "': " + clip(pending.toString())));
        }
        if (header == null || !expectedHeader(header)) {
            problems.add(new BackupProblem(file, ProblemKind.MISSING_HEADER, dialect == Dialect.MARIADB
                    ? "no '-- MariaDB dump' / '-- MySQL dump' header" : "no '-- PostgreSQL database dump' header"));
        }
        if (lastComment == null || !completed(lastComment)) {
            problems.add(new BackupProblem(file, ProblemKind.MISSING_FOOTER, (dialect == Dialect.MARIADB
                    ? "no '-- Dump completed' line at the end" : "no '-- PostgreSQL database dump complete' line at the end")
                    + "; the last comment is " + (lastComment == null ? "none" : "'" + clip(lastComment) + "'")));
        }
        return new Result(statements, lineNo, header == null ? "" : header, problems);
    }

    private boolean expectedHeader(String header) {
        return dialect == Dialect.MARIADB ? header.startsWith("MariaDB dump") || header.startsWith("MySQL dump")
                : header.startsWith("PostgreSQL database");
    }

    private boolean completed(String lastComment) {
        return dialect == Dialect.MARIADB ? lastComment.startsWith("Dump completed")
                : lastComment.equals("PostgreSQL database dump complete") || lastComment.equals("PostgreSQL database cluster dump complete");
    }

    private static boolean isCopyFromStdin(StringBuilder statement) {
        String s = statement.toString().strip();
        return s.regionMatches(true, 0, "COPY ", 0, 5) && s.toLowerCase(java.util.Locale.ROOT).endsWith("from stdin");
    }

    /** The $tag$ opening at {@code at}, or null when the dollar sign is something else ($1, a name's part). */
    private static String dollarTag(String line, int at) {
        if (at > 0 && (Character.isLetterOrDigit(line.charAt(at - 1)) || line.charAt(at - 1) == '_')) {
            return null;
        }
        int j = at + 1;
        while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
            if (j == at + 1 && Character.isDigit(line.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < line.length() && line.charAt(j) == '$' ? line.substring(at, j + 1) : null;
    }

    private static String clip(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
