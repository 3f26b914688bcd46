package io.knobwright.connectors.logs;

import io.knobwright.model.workload.LoggedStatement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MySQL and MariaDB slow query log. An entry starts at "# Time:" (written only when the second changed) or
 * "# User@Host:"; header lines ("# Thread_id: 8  Schema: shop  QC_hit: No", "# Query_time: ...  Lock_time: ...
 * Rows_sent: ...  Rows_examined: ...", MariaDB's "# Rows_affected: ..." and any other "# " line) come first, then
 * "use db;" when the database changed, "SET timestamp=N;" (the statement's start, in epoch seconds) and the
 * statement, over as many lines as it has, with its closing ';' removed. The server's start-up banner lines
 * ("..., Version: ... started with:", "Tcp port: ...", "Time  Id Command  Argument") are skipped, as are
 * "# administrator command:" entries. The database is the entry's Schema (MariaDB) or the last "use" (MySQL writes
 * it only when it changes); rows are the larger of Rows_sent and Rows_affected. Entries are few next to a
 * PostgreSQL log's lines, so each is decoded whole and read with patterns.
 */
final class MySqlSlowLogParser extends RecordParser {

    private static final Pattern USER_HOST = Pattern.compile(
            "# User@Host: *([^\\[ ]*)\\[[^]]*] *@ *(\\S*) *\\[([^]]*)](?:\\s+Id:\\s*(\\d+))?.*");
    private static final Pattern THREAD = Pattern.compile(".*\\bThread_id: *(\\d+).*");
    private static final Pattern SCHEMA = Pattern.compile(".*\\bSchema: *(\\S*).*");
    private static final Pattern QUERY_TIME = Pattern.compile(".*\\bQuery_time: *([0-9.]+).*");
    private static final Pattern ROWS_SENT = Pattern.compile(".*\\bRows_sent: *(\\d+).*");
    private static final Pattern ROWS_AFFECTED = Pattern.compile(".*\\bRows_affected: *(\\d+).*");
    private static final Pattern MARIADB_TIME = Pattern.compile("# Time: (\\d\\d)(\\d\\d)(\\d\\d) +(\\d+):(\\d\\d):(\\d\\d).*");
    private static final Pattern USE = Pattern.compile("(?i)use\\s+`?([^`;\\s]+)`?;\\s*");
    private static final Pattern SET_TIMESTAMP = Pattern.compile("(?i)SET timestamp=(\\d+)(?:\\.\\d+)?;\\s*");

    private final Consumer<LoggedStatement> sink;
    private final StringCache strings = new StringCache();
    private final ZoneId zone;
    private String lastDatabase = "";
    private Instant lastTime = Instant.EPOCH;

    /** {@code zone}: the server's time zone, for MariaDB's "# Time:" lines, which carry none. */
    MySqlSlowLogParser(ByteWindow window, long stopAt, Consumer<LoggedStatement> sink, ZoneId zone) {
        super(window, stopAt);
        this.sink = sink;
        this.zone = zone;
    }

    static boolean startsEntry(byte[] b, int p, int limit) {
        return startsWith(b, p, limit, "# Time: ") || startsWith(b, p, limit, "# User@Host: ");
    }

    static boolean isBanner(byte[] b, int p, int lineEnd) {
        if (startsWith(b, p, lineEnd, "Tcp port: ") || startsWith(b, p, lineEnd, "Time") && contains(b, p, lineEnd, "Id Command")) {
            return true;
        }
        return contains(b, p, lineEnd, ", Version: ") && contains(b, p, lineEnd, "started with:");
    }

    @Override
    int recordEnd(byte[] b, int p, int limit, boolean eof) {
        int first = lineEnd(b, p, limit);
        if (first < 0) {
            return eof ? limit : -1;
        }
        if (!startsEntry(b, p, limit)) {
            return first;
        }
        boolean afterTime = startsWith(b, p, first, "# Time: ");
        int q = first;
        while (true) {
            if (q >= limit) {
                return eof ? limit : -1;
            }
            int end = lineEnd(b, q, limit);
            if (end < 0 && !eof && limit - q < 64) {
                return -1;
            }
            int lineStop = end < 0 ? limit : end;
            boolean time = startsWith(b, q, lineStop, "# Time: ");
            boolean userHost = startsWith(b, q, lineStop, "# User@Host: ");
            if (time || (userHost && !afterTime) || isBanner(b, q, lineStop)) {
                return q;
            }
            if (end < 0) {
                return eof ? limit : -1;
            }
            afterTime = false;
            q = end;
        }
    }

    @Override
    void record(byte[] b, int p, int end, boolean truncated) {
        int firstEnd = contentEnd(b, p, Math.max(p, Math.min(end, lineEndOr(b, p, end))));
        if (firstEnd == p && end - p <= 2) {
            counts.entries--;
            return;
        }
        if (!startsEntry(b, p, end)) {
            if (isBanner(b, p, firstEnd)) {
                counts.skipped++;
            } else {
                counts.malformed(offset(p), "a line outside any slow-log entry (entries start with '# Time:' or"
                        + " '# User@Host:')", b, p, end);
            }
            return;
        }
        String[] lines = new String(b, p, end - p, StandardCharsets.UTF_8).split("\r?\n");
        String session = "";
        String user = "";
        String host = "";
        String database = null;
        double queryTime = -1;
        long rows = -1;
        Instant at = lastTime;
        StringBuilder text = new StringBuilder();
        boolean inStatement = false;
        for (String line : lines) {
            if (line.startsWith("# administrator command:")) {
                counts.skipped++;
                return;
            }
            if (!inStatement && line.startsWith("#")) {
                Matcher m;
                if ((m = USER_HOST.matcher(line)).matches()) {
                    user = m.group(1);
                    host = !m.group(2).isEmpty() ? m.group(2) : m.group(3);
                    if (m.group(4) != null) {
                        session = m.group(4);
                    }
                    continue;
                }
                if (line.startsWith("# Time: ")) {
                    Instant t = headerTime(line);
                    if (t != null) {
                        at = t;
                        lastTime = t;
                    }
                    continue;
                }
                if ((m = THREAD.matcher(line)).matches()) {
                    session = m.group(1);
                }
                if ((m = SCHEMA.matcher(line)).matches()) {
                    database = m.group(1);
                }
                if ((m = QUERY_TIME.matcher(line)).matches()) {
                    queryTime = Double.parseDouble(m.group(1)) * 1000;
                }
                if ((m = ROWS_SENT.matcher(line)).matches()) {
                    rows = Math.max(rows, Long.parseLong(m.group(1)));
                }
                if ((m = ROWS_AFFECTED.matcher(line)).matches()) {
                    rows = Math.max(rows, Long.parseLong(m.group(1)));
                }
                continue;
            }
            if (!inStatement) {
                Matcher m;
                if ((m = USE.matcher(line)).matches()) {
                    lastDatabase = m.group(1);
                    continue;
                }
                if ((m = SET_TIMESTAMP.matcher(line)).matches()) {
                    at = Instant.ofEpochSecond(Long.parseLong(m.group(1)));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                inStatement = true;
            } else {
                text.append('\n');
            }
            text.append(line);
        }
        if (truncated || queryTime < 0 || text.isEmpty()) {
            counts.malformed(offset(p), truncated ? "the log ends inside this entry"
                    : queryTime < 0 ? "an entry without '# Query_time:'" : "an entry without a statement", b, p, end);
            return;
        }
        String statement = text.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        if (database != null && !database.isEmpty()) {
            lastDatabase = database;
        }
        counts.statements++;
        sink.accept(new LoggedStatement(at, strings.get(session), strings.get(user), strings.get(lastDatabase),
                strings.get(host), queryTime, rows, statement));
    }

    private Instant headerTime(String line) {
        Matcher m = MARIADB_TIME.matcher(line);
        if (m.matches()) {
            return LocalDateTime.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))).atZone(zone).toInstant();
        }
        String value = line.substring("# Time: ".length()).trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int lineEndOr(byte[] b, int p, int end) {
        int nl = ByteWindow.indexOfNewline(b, p, end);
        return nl < 0 ? end : nl + 1;
    }

    private static boolean startsWith(byte[] b, int p, int limit, String prefix) {
        if (p + prefix.length() > limit) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[p + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int p, int end, String s) {
        outer:
        for (int i = p; i + s.length() <= end; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (b[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
