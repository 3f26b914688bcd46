package io.knobwright.connectors.logs;

import io.knobwright.model.workload.LoggedStatement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * PostgreSQL's jsonlog (15 and later): one JSON object per line. A small tolerant reader walks the object's keys
 * over the raw bytes and keeps where the few wanted values are; it unescapes a string only when it is a statement
 * that has escapes. Keys it does not know and their order do not matter; a line that is not an object with a
 * timestamp and a message is malformed.
 */
final class JsonLogParser extends RecordParser {

    private static final byte[][] KEYS = {ascii("timestamp"), ascii("user"), ascii("dbname"), ascii("pid"),
            ascii("remote_host"), ascii("session_id"), ascii("error_severity"), ascii("message"),
            ascii("application_name")};
    private static final int TIME = 0;
    private static final int USER = 1;
    private static final int DATABASE = 2;
    private static final int PID = 3;
    private static final int HOST = 4;
    private static final int SESSION = 5;
    private static final int SEVERITY = 6;
    private static final int MESSAGE = 7;
    private static final int APPLICATION = 8;

    private final int[] start = new int[KEYS.length];
    private final int[] end = new int[KEYS.length];
    private final boolean[] escaped = new boolean[KEYS.length];
    final PgStatements statements;
    private final PgTime time = new PgTime();
    private final StringCache strings = new StringCache();
    private byte[] scratch = new byte[4096];

    JsonLogParser(ByteWindow window, long stopAt, Consumer<LoggedStatement> sink) {
        super(window, stopAt);
        this.statements = new PgStatements(sink, counts);
    }

    @Override
    int recordEnd(byte[] b, int p, int limit, boolean eof) {
        int end = lineEnd(b, p, limit);
        return end < 0 ? (eof ? limit : -1) : end;
    }

    @Override
    void record(byte[] b, int p, int recordEnd, boolean truncated) {
        int e = contentEnd(b, p, recordEnd);
        if (e == p) {
            counts.entries--;
            return;
        }
        if (truncated || !parse(b, p, e) || start[TIME] < 0 || start[MESSAGE] < 0) {
            counts.malformed(offset(p), truncated ? "the log ends inside this record"
                    : "not a jsonlog record (a JSON object with \"timestamp\" and \"message\")", b, p, recordEnd);
            return;
        }
        long process = start[PID] >= 0 ? CsvLogParser.digits(b, start[PID], end[PID]) : 0;
        int s = start[SEVERITY];
        if (s >= 0 && end[SEVERITY] - s == 3 && b[s] == 'L' && b[s + 1] == 'O' && b[s + 2] == 'G') {
            byte[] m = b;
            int ms = start[MESSAGE];
            int me = end[MESSAGE];
            if (escaped[MESSAGE]) {
                me = unescape(b, ms, me);
                m = scratch;
                ms = 0;
            }
            int kind = statements.interpret(m, ms, me);
            switch (kind) {
                case PgStatements.TIMED_STATEMENT, PgStatements.STATEMENT -> {
                    // the text first: the other values may reuse the scratch buffer it is in
                    String text = statements.text(m, statements.textStart, me, false);
                    statements.statement(kind, process, new LoggedStatement(at(b), value(b, SESSION), value(b, USER),
                            value(b, DATABASE), start[APPLICATION] >= 0 && end[APPLICATION] > start[APPLICATION]
                                    ? value(b, APPLICATION) : value(b, HOST),
                            kind == PgStatements.TIMED_STATEMENT ? statements.durationMs : 0, -1, text));
                }
                case PgStatements.DURATION -> statements.duration(process, at(b), statements.durationMs);
                case PgStatements.OTHER -> {
                    counts.skipped++;
                    if (statements.wantsConnection(m, ms, me)) {
                        // the message first: the other values may reuse the scratch buffer it is in
                        String message = new String(m, ms, me - ms, java.nio.charset.StandardCharsets.UTF_8);
                        statements.connection(message, at(b), process, value(b, USER), value(b, DATABASE),
                                start[APPLICATION] >= 0 ? value(b, APPLICATION) : "", value(b, HOST));
                    }
                }
                default -> counts.malformed(offset(p), "a duration that is no number of milliseconds", b, p, recordEnd);
            }
            return;
        }
        if (s >= 0 && end[SEVERITY] - s >= 3 && StderrParser.isFailure(b, s)) {
            statements.failed(process);
        }
        counts.skipped++;
    }

    private String value(byte[] b, int key) {
        if (start[key] < 0) {
            return "";
        }
        if (escaped[key]) {
            int n = unescape(b, start[key], end[key]);
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }
        return strings.get(b, start[key], end[key]);
    }

    private Instant at(byte[] b) {
        Instant at = time.parse(b, start[TIME], end[TIME]);
        return at == null ? Instant.EPOCH : at;
    }

    /** Walks one object in [p, e), noting where the wanted values are; false when it is no JSON object. */
    private boolean parse(byte[] b, int p, int e) {
        java.util.Arrays.fill(start, -1);
        int q = skipSpace(b, p, e);
        if (q >= e || b[q] != '{') {
            return false;
        }
        q++;
        while (true) {
            q = skipSpace(b, q, e);
            if (q >= e) {
                return false;
            }
            if (b[q] == '}') {
                return true;
            }
            if (b[q] != '"') {
                return false;
            }
            int keyStart = q + 1;
            int keyEnd = stringEnd(b, keyStart, e);
            if (keyEnd < 0) {
                return false;
            }
            int key = key(b, keyStart, keyEnd);
            q = skipSpace(b, keyEnd + 1, e);
            if (q >= e || b[q] != ':') {
                return false;
            }
            q = skipSpace(b, q + 1, e);
            if (q >= e) {
                return false;
            }
            int valueStart;
            int valueEnd;
            boolean hasEscape = false;
            if (b[q] == '"') {
                valueStart = q + 1;
                valueEnd = stringEnd(b, valueStart, e);
                if (valueEnd < 0) {
                    return false;
                }
                for (int i = valueStart; i < valueEnd; i++) {
                    if (b[i] == '\\') {
                        hasEscape = true;
                        break;
                    }
                }
                q = valueEnd + 1;
            } else {
                valueStart = q;
                while (q < e && b[q] != ',' && b[q] != '}' && b[q] != ' ') {
                    q++;
                }
                valueEnd = q;
                if (valueEnd == valueStart) {
                    return false;
                }
            }
            if (key >= 0) {
                start[key] = valueStart;
                end[key] = valueEnd;
                escaped[key] = hasEscape;
            }
            q = skipSpace(b, q, e);
            if (q < e && b[q] == ',') {
                q++;
            }
        }
    }

    private static int key(byte[] b, int s, int e) {
        for (int k = 0; k < KEYS.length; k++) {
            byte[] key = KEYS[k];
            if (key.length == e - s && LinePrefix.startsWith(b, s, e, key)) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the quote closing a string whose content starts at s, or -1. */
    private static int stringEnd(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] b, int q, int e) {
        while (q < e && (b[q] == ' ' || b[q] == '\t')) {
            q++;
        }
        return q;
    }

    /** Decodes JSON escapes of [s, e) into the scratch buffer as UTF-8, returning the length. */
    private int unescape(byte[] b, int s, int e) {
        if (scratch.length < (e - s) * 2) {
            scratch = new byte[Math.max((e - s) * 2, scratch.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c != '\\' || i + 1 >= e) {
                scratch[n++] = c;
                continue;
            }
            byte x = b[++i];
            switch (x) {
                case 'n' -> scratch[n++] = '\n';
                case 't' -> scratch[n++] = '\t';
                case 'r' -> scratch[n++] = '\r';
                case 'b' -> scratch[n++] = '\b';
                case 'f' -> scratch[n++] = '\f';
                case 'u' -> {
                    if (i + 4 >= e) {
                        scratch[n++] = '?';
                        break;
                    }
                    int cp = Integer.parseInt(new String(b, i + 1, 4, StandardCharsets.US_ASCII), 16);
                    i += 4;
                    if (Character.isHighSurrogate((char) cp) && i + 6 < e && b[i + 1] == '\\' && b[i + 2] == 'u') {
                        int low = Integer.parseInt(new String(b, i + 3, 4, StandardCharsets.US_ASCII), 16);
                        cp = Character.toCodePoint((char) cp, (char) low);
                        i += 6;
                    }
                    byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(utf8, 0, scratch, n, utf8.length);
                    n += utf8.length;
                }
                default -> scratch[n++] = x;
            }
        }
        return n;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
