package io.knobwright.connectors.logs;

import io.knobwright.model.workload.LoggedStatement;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * PostgreSQL's csvlog: one CSV record per message (RFC 4180 quoting, so a multi-line statement is one quoted field
 * across lines). The columns Knobwright reads are the first 23, which every version since 9.0 writes in the same
 * order; PostgreSQL 13 added backend_type (24 columns) and 14 leader_pid and query_id (26, still so in 18). A record
 * of fewer than 23 columns is malformed; more are accepted, for versions to come. Only the fields a statement needs
 * are decoded, quotes undoubled only where a field has them.
 */
final class CsvLogParser extends RecordParser {

    static final int MIN_COLUMNS = 23;
    private static final int MAX_COLUMNS = 64;
    private static final int TIME = 0;
    private static final int USER = 1;
    private static final int DATABASE = 2;
    private static final int PID = 3;
    private static final int HOST = 4;
    private static final int SESSION = 5;
    private static final int SEVERITY = 11;
    private static final int MESSAGE = 13;
    private static final int APPLICATION = 22;

    private final int[] start = new int[MAX_COLUMNS];
    private final int[] end = new int[MAX_COLUMNS];
    private final boolean[] doubled = new boolean[MAX_COLUMNS];
    private int columns;
    final PgStatements statements;
    private final PgTime time = new PgTime();
    private final StringCache strings = new StringCache();
    private byte[] scratch = new byte[4096];

    CsvLogParser(ByteWindow window, long stopAt, Consumer<LoggedStatement> sink) {
        super(window, stopAt);
        this.statements = new PgStatements(sink, counts);
    }

    @Override
    int recordEnd(byte[] b, int p, int limit, boolean eof) {
        columns = 0;
        int q = p;
        while (true) {
            if (q >= limit) {
                return eof ? limit : -1;
            }
            int col = Math.min(columns, MAX_COLUMNS - 1);
            if (b[q] == '"') {
                start[col] = q + 1;
                doubled[col] = false;
                int r = q + 1;
                while (true) {
                    if (r >= limit) {
                        return eof ? limit : -1;
                    }
                    if (b[r] == '"') {
                        if (r + 1 < limit && b[r + 1] == '"') {
                            doubled[col] = true;
                            r += 2;
                            continue;
                        }
                        if (r + 1 >= limit && !eof) {
                            return -1;
                        }
                        break;
                    }
                    r++;
                }
                end[col] = r;
                q = r + 1;
            } else {
                start[col] = q;
                doubled[col] = false;
                while (q < limit && b[q] != ',' && b[q] != '\n') {
                    q++;
                }
                if (q >= limit && !eof) {
                    return -1;
                }
                end[col] = q > start[col] && b[q - 1] == '\r' ? q - 1 : q;
            }
            columns++;
            if (q >= limit) {
                return limit;
            }
            if (b[q] == ',') {
                q++;
                continue;
            }
            if (b[q] == '\r' && q + 1 < limit && b[q + 1] == '\n') {
                q++;
            }
            if (b[q] == '\n') {
                return q + 1;
            }
            // a quoted field followed by neither a comma nor a line end: skip to the line end
            while (q < limit && b[q] != '\n') {
                q++;
            }
            columns = -1;
            return q < limit ? q + 1 : (eof ? limit : -1);
        }
    }

    @Override
    void record(byte[] b, int p, int recordEnd, boolean truncated) {
        if (columns == 1 && end[0] == start[0]) {
            counts.entries--;
            return;
        }
        if (columns < MIN_COLUMNS || truncated) {
            counts.malformed(offset(p), truncated ? "the log ends inside this record"
                    : columns < 0 ? "a quoted field runs into other text" : "a record of " + columns
                    + " columns where csvlog has " + MIN_COLUMNS + " to 26", b, p, recordEnd);
            return;
        }
        long process = digits(b, start[PID], end[PID]);
        int s = start[SEVERITY];
        int severityLength = end[SEVERITY] - s;
        if (severityLength == 3 && b[s] == 'L' && b[s + 1] == 'O' && b[s + 2] == 'G') {
            byte[] m = b;
            int ms = start[MESSAGE];
            int me = end[MESSAGE];
            if (doubled[MESSAGE]) {
                me = undouble(b, ms, me);
                m = scratch;
                ms = 0;
            }
            int kind = statements.interpret(m, ms, me);
            switch (kind) {
                case PgStatements.TIMED_STATEMENT, PgStatements.STATEMENT -> statements.statement(kind, process,
                        new LoggedStatement(at(b), strings.get(b, start[SESSION], end[SESSION]),
                                strings.get(b, start[USER], end[USER]), strings.get(b, start[DATABASE], end[DATABASE]),
                                application(b), kind == PgStatements.TIMED_STATEMENT ? statements.durationMs : 0, -1,
                                statements.text(m, statements.textStart, me, false)));
                case PgStatements.DURATION -> statements.duration(process, at(b), statements.durationMs);
                case PgStatements.OTHER -> {
                    counts.skipped++;
                    if (statements.wantsConnection(m, ms, me)) {
                        statements.connection(new String(m, ms, me - ms, java.nio.charset.StandardCharsets.UTF_8), at(b), process,
                                strings.get(b, start[USER], end[USER]), strings.get(b, start[DATABASE], end[DATABASE]),
                                end[APPLICATION] > start[APPLICATION] ? strings.get(b, start[APPLICATION], end[APPLICATION]) : "",
                                strings.get(b, start[HOST], end[HOST]));
                    }
                }
                default -> counts.malformed(offset(p), "a duration that is no number of milliseconds", b, p, recordEnd);
            }
            return;
        }
        if (severityLength >= 3 && StderrParser.isFailure(b, s)) {
            statements.failed(process);
        }
        counts.skipped++;
    }

    private String application(byte[] b) {
        return end[APPLICATION] > start[APPLICATION] ? strings.get(b, start[APPLICATION], end[APPLICATION])
                : strings.get(b, start[HOST], end[HOST]);
    }

    private Instant at(byte[] b) {
        Instant at = time.parse(b, start[TIME], end[TIME]);
        return at == null ? Instant.EPOCH : at;
    }

    /** Copies [s, e) into the scratch buffer with "" made ", returning the copy's length. */
    private int undouble(byte[] b, int s, int e) {
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            scratch[n++] = b[i];
            if (b[i] == '"' && i + 1 < e && b[i + 1] == '"') {
                i++;
            }
        }
        return n;
    }

    static long digits(byte[] b, int s, int e) {
        long v = 0;
        for (int i = s; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
