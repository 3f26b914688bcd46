package io.knobwright.model.workload;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a statement text may be given to EXPLAIN (without ANALYZE) on a monitored server, and how many {@code $n}
 * parameters it has. Only one plain query is accepted: SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE or MERGE,
 * and nothing after it, because the text comes from the server's own statistics and logs, which anyone who can run a
 * statement there can put words into. EXPLAIN only plans such a query; the capture also runs it in a read-only
 * transaction that it rolls back.
 *
 * @param text       the statement, without a trailing semicolon
 * @param parameters the highest {@code $n} it refers to (0 when none)
 */
public record ExplainableQuery(String text, int parameters) {

    /** Longer texts are truncated by pg_stat_statements' track_activity_query_size anyway; explaining them is refused. */
    public static final int MAX_LENGTH = 100_000;

    private static final java.util.Set<String> FIRST_WORDS = java.util.Set.of("select", "with", "values", "table",
            "insert", "update", "delete", "merge");

    /** The query when it can be explained; otherwise empty, with the reason given to {@code why}. */
    public static Optional<ExplainableQuery> of(String statement, java.util.function.Consumer<String> why) {
        if (statement == null || statement.isBlank()) {
            why.accept("the statement is empty");
            return Optional.empty();
        }
        if (statement.length() > MAX_LENGTH) {
            why.accept("the statement is longer than " + MAX_LENGTH + " characters");
            return Optional.empty();
        }
        Scan scan = new Scan(statement);
        if (scan.problem != null) {
            why.accept(scan.problem);
            return Optional.empty();
        }
        if (!FIRST_WORDS.contains(scan.firstWord)) {
            why.accept("only SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE and MERGE are explained, not "
                    + (scan.firstWord.isEmpty() ? "this text" : scan.firstWord.toUpperCase(Locale.ROOT)));
            return Optional.empty();
        }
        return Optional.of(new ExplainableQuery(statement.substring(0, scan.end).strip(), scan.highestParameter));
    }

    /** One pass over the text: its first word, where the statement ends, its highest $n, or why it is refused. */
    private static final class Scan {
        String firstWord = "";
        int end;
        int highestParameter;
        String problem;

        Scan(String s) {
            int n = s.length();
            end = n;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int depth = 1;
                    i += 2;
                    while (i < n && depth > 0) {
                        if (s.startsWith("/*", i)) {
                            depth++;
                            i += 2;
                        } else if (s.startsWith("*/", i)) {
                            depth--;
                            i += 2;
                        } else {
                            i++;
                        }
                    }
                    if (depth > 0) {
                        problem = "a comment is not closed";
                        return;
                    }
                } else if (c == '\'' || c == '"') {
                    // backslash escapes only in E'...' strings: standard strings take '' only (standard_conforming_strings)
                    boolean escapes = c == '\'' && i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                            && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)) && s.charAt(i - 2) != '_');
                    i = closing(s, i, c, escapes);
                    if (i < 0) {
                        problem = "a quoted " + (c == '\'' ? "string" : "name") + " is not closed";
                        return;
                    }
                } else if (c == '$') {
                    int digits = i + 1;
                    while (digits < n && Character.isDigit(s.charAt(digits))) {
                        digits++;
                    }
                    if (digits > i + 1) {
                        if (digits - i > 6) {
                            problem = "a parameter number is too large";
                            return;
                        }
                        highestParameter = Math.max(highestParameter, Integer.parseInt(s.substring(i + 1, digits)));
                        i = digits;
                    } else {
                        int tagEnd = dollarTagEnd(s, i);
                        if (tagEnd < 0) {
                            i++;
                        } else {
                            String tag = s.substring(i, tagEnd + 1);
                            int close = s.indexOf(tag, tagEnd + 1);
                            if (close < 0) {
                                problem = "a dollar-quoted string is not closed";
                                return;
                            }
                            i = close + tag.length();
                        }
                    }
                } else if (c == ';') {
                    for (int j = i + 1; j < n; j++) {
                        if (!Character.isWhitespace(s.charAt(j))) {
                            problem = "it holds more than one statement";
                            return;
                        }
                    }
                    end = i;
                    return;
                } else if (Character.isLetter(c) && firstWord.isEmpty()) {
                    int start = i;
                    while (i < n && Character.isLetter(s.charAt(i))) {
                        i++;
                    }
                    firstWord = s.substring(start, i).toLowerCase(Locale.ROOT);
                } else {
                    if (firstWord.isEmpty() && !Character.isWhitespace(c) && c != '(') {
                        firstWord = String.valueOf(c);
                    }
                    i++;
                }
            }
        }

        /** Index after the closing quote (doubled quotes escape it), or -1. */
        private static int closing(String s, int open, char quote, boolean backslashEscapes) {
            int i = open + 1;
            while (i < s.length()) {
                if (s.charAt(i) == quote) {
                    if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                if (backslashEscapes && s.charAt(i) == '\\') {
                    i += 2;
                    continue;
                }
                i++;
            }
            return -1;
        }

        /** For "$tag$" or "$$" starting at i, the index of the tag's closing '$'; -1 when it is not a dollar tag. */
        private static int dollarTagEnd(String s, int i) {
            int j = i + 1;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            return j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1))) ? j : -1;
        }
    }
}
