package io.knobwright.connectors.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the log_line_prefix of a stderr log from its first lines when the user did not give it. First the prefixes
 * servers are commonly set up with (PostgreSQL's default since 10, Debian's, pgBadger's recommended ones, the cloud
 * services'); the one that matches most of the sample's lines wins, if it matches at least 90% of those that have a severity
 * ("LOG:  ", "ERROR:  " ...) somewhere. Failing
 * that, the prefix is inferred from the text before the first severity: timestamps, session ids, "user=" style
 * pairs, "user@db" and numbers (the first is the process id) become escapes, the rest stays literal; the inferred
 * prefix has to pass the same 90% check.
 */
final class PrefixDetector {

    /**
     * Tried in this order; ties go to the earlier. A prefix with %q also matches every line of the same prefix without
     * its tail (background processes write only the part before %q), so the shorter one comes first: on a log of the
     * longer one it loses on the client lines.
     */
    static final List<String> COMMON = List.of(
            "%m [%p] ",
            "%t [%p] ",
            "%m [%p] %q%u@%d ",
            "%m [%p] %q[user=%u,db=%d,app=%a] ",
            "%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ",
            "%t [%p]: user=%u,db=%d,app=%a,client=%h ",
            "%t [%p]: [%l-1] user=%u,db=%d ",
            "%t [%p]: [%l-1] ",
            "%m [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ",
            "%t:%r:%u@%d:[%p]:",
            "%m:%r:%u@%d:[%p]:",
            "%t-%c-",
            "%m [%p] %u@%d ",
            "%m %u %d [%p] ",
            "< %m > ",
            "%t ",
            "%m ",
            "");

    static final double MIN_SHARE = 0.9;

    /** The detected prefix and whether it was inferred rather than one of the common ones. */
    record Detected(String prefix, boolean inferred, int matched, int lines) {
    }

    private PrefixDetector() {
    }

    /** The prefix matching the sample's record-starting lines, if any does well enough. */
    static Optional<Detected> detect(List<byte[]> lines) {
        // lines with a severity somewhere: other lines (a shell's complaint, blank lines) do not vote
        List<byte[]> starts = lines.stream().filter(l -> l.length > 0 && l[0] != '\t')
                .filter(l -> SEVERITY.matcher(new String(l, StandardCharsets.UTF_8)).find()).toList();
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        Detected best = null;
        for (String candidate : COMMON) {
            int matched = matches(LinePrefix.compile(candidate), starts);
            if (best == null || matched > best.matched()) {
                best = new Detected(candidate, false, matched, starts.size());
            }
        }
        if (best.matched() >= MIN_SHARE * starts.size() && best.matched() > 0) {
            return Optional.of(best);
        }
        for (byte[] line : starts) {
            Optional<String> inferred = infer(line);
            if (inferred.isPresent()) {
                int matched = matches(LinePrefix.compile(inferred.get()), starts);
                if (matched >= MIN_SHARE * starts.size()) {
                    return Optional.of(new Detected(inferred.get(), true, matched, starts.size()));
                }
            }
        }
        return Optional.empty();
    }

    private static int matches(LinePrefix prefix, List<byte[]> lines) {
        LinePrefix.Match m = new LinePrefix.Match();
        int n = 0;
        for (byte[] line : lines) {
            int end = line.length;
            while (end > 0 && (line[end - 1] == '\r' || line[end - 1] == '\n')) {
                end--;
            }
            if (prefix.match(line, 0, end, m) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static final Pattern SEVERITY = Pattern.compile("(?:^|(?<=[\\s:\\]>|-]))(LOG|ERROR|WARNING|FATAL|PANIC|"
            + "DETAIL|HINT|STATEMENT|CONTEXT|NOTICE|INFO|DEBUG[1-5]?|QUERY|LOCATION):  ");
    private static final Pattern TOKENS = Pattern.compile(
            "(?<ms>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ (?:[A-Za-z]+|[+-]\\d+))"
                    + "|(?<t>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d (?:[A-Za-z]+|[+-]\\d+))"
                    + "|(?<n>\\d{9,}\\.\\d{3})"
                    + "|(?<c>\\b[0-9a-f]{6,}\\.[0-9a-f]+\\b)"
                    + "|(?<key>\\b(?:user|usr|u|db|database|d|app|application|appname|a|client|host|h|remote|r"
                    + "|pid|p|session|sid)=)(?<value>[^,\\s\\]]*)"
                    + "|(?<ud>[\\w.\\[\\]-]*@[\\w.\\[\\]-]*)"
                    + "|(?<num>\\d+)");

    /** A prefix built from the text before the line's first severity, or empty when the line has none. */
    static Optional<String> infer(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        Matcher severity = SEVERITY.matcher(text);
        if (!severity.find()) {
            return Optional.empty();
        }
        String before = text.substring(0, severity.start());
        StringBuilder prefix = new StringBuilder();
        Matcher t = TOKENS.matcher(before);
        int last = 0;
        int numbers = 0;
        while (t.find()) {
            prefix.append(literal(before.substring(last, t.start())));
            if (t.group("ms") != null) {
                prefix.append("%m");
            } else if (t.group("t") != null) {
                prefix.append("%t");
            } else if (t.group("n") != null) {
                prefix.append("%n");
            } else if (t.group("c") != null) {
                prefix.append("%c");
            } else if (t.group("key") != null) {
                String key = t.group("key");
                prefix.append(literal(key)).append(switch (key.substring(0, key.length() - 1)) {
                    case "user", "usr", "u" -> "%u";
                    case "db", "database", "d" -> "%d";
                    case "app", "application", "appname", "a" -> "%a";
                    case "client", "host", "h", "remote", "r" -> "%h";
                    case "pid", "p" -> "%p";
                    default -> "%c";
                });
            } else if (t.group("ud") != null) {
                prefix.append("%u@%d");
            } else {
                prefix.append(numbers++ == 0 && !prefix.toString().contains("%p") ? "%p" : "%l");
            }
            last = t.end();
        }
        prefix.append(literal(before.substring(last)));
        return Optional.of(prefix.toString());
    }

    private static String literal(String s) {
        return s.replace("%", "%%");
    }

    static List<byte[]> lines(byte[] head, int length) {
        List<byte[]> lines = new ArrayList<>();
        int p = 0;
        while (p < length) {
            int nl = ByteWindow.indexOfNewline(head, p, length);
            if (nl < 0) {
                break;
            }
            byte[] line = new byte[nl - p];
            System.arraycopy(head, p, line, 0, line.length);
            lines.add(line);
            p = nl + 1;
        }
        return lines;
    }
}
