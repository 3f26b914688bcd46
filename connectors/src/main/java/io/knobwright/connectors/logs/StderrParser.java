package io.knobwright.connectors.logs;

import io.knobwright.model.workload.LoggedStatement;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * PostgreSQL's stderr log: a record is a line that starts with the log_line_prefix and the lines after it that
 * start with a tab (PostgreSQL writes every line break inside a message as a break and a tab). Only the prefix
 * fields a statement needs are decoded, and only for statements; other records are recognised from a few bytes.
 * A line that neither matches the prefix nor continues a record (output of an archive command, a truncated write)
 * is counted as malformed and skipped.
 */
final class StderrParser extends RecordParser {

    private final LinePrefix prefix;
    private final LinePrefix.Match match = new LinePrefix.Match();
    final PgStatements statements;
    private final PgTime time = new PgTime();
    private final StringCache strings = new StringCache();
    private final boolean hasApplication;

    StderrParser(ByteWindow window, long stopAt, LinePrefix prefix, Consumer<LoggedStatement> sink) {
        super(window, stopAt);
        this.prefix = prefix;
        this.statements = new PgStatements(sink, counts);
        this.hasApplication = prefix.has(LinePrefix.APPLICATION);
    }

    /** Where the first line of the record {@link #recordEnd} found ends (after its '\n'), or the record's end. */
    private int firstLineEnd;

    @Override
    int recordEnd(byte[] b, int p, int limit, boolean eof) {
        int q = p;
        firstLineEnd = -1;
        while (true) {
            int end = lineEnd(b, q, limit);
            if (end < 0) {
                if (firstLineEnd < 0) {
                    firstLineEnd = limit;
                }
                return eof ? limit : -1;
            }
            if (firstLineEnd < 0) {
                firstLineEnd = end;
            }
            if (end == limit) {
                return eof ? end : -1;
            }
            if (b[end] != '\t') {
                return end;
            }
            q = end;
        }
    }

    @Override
    void record(byte[] b, int p, int end, boolean truncated) {
        boolean multiline = firstLineEnd < end;
        int lineEnd = contentEnd(b, p, firstLineEnd);
        if (lineEnd == p) {
            counts.entries--;
            return;
        }
        int severity = prefix.match(b, p, lineEnd, match);
        if (severity < 0) {
            counts.malformed(offset(p), "the line does not start with the log_line_prefix '" + prefix.text()
                    + "' and a severity (LOG:, ERROR: ...)", b, p, end);
            return;
        }
        if (truncated) {
            counts.malformed(offset(p), "the log ends inside this entry", b, p, end);
            return;
        }
        int message = LinePrefix.severityEnd(b, severity, lineEnd);
        long process = process(b);
        if (b[severity] == 'L' && message - severity == 6) {
            int kind = statements.interpret(b, message, end);
            switch (kind) {
                case PgStatements.TIMED_STATEMENT, PgStatements.STATEMENT -> statements.statement(kind, process,
                        statement(b, kind == PgStatements.TIMED_STATEMENT ? statements.durationMs : 0,
                                statements.text(b, statements.textStart, end, multiline)));
                case PgStatements.DURATION -> statements.duration(process, at(b), statements.durationMs);
                case PgStatements.OTHER -> {
                    counts.skipped++;
                    if (statements.wantsConnection(b, message, lineEnd)) {
                        statements.connection(new String(b, message, lineEnd - message, java.nio.charset.StandardCharsets.UTF_8),
                                at(b), process, field(b, LinePrefix.USER), field(b, LinePrefix.DATABASE),
                                field(b, LinePrefix.APPLICATION), field(b, LinePrefix.HOST));
                    }
                }
                default -> counts.malformed(offset(p), "a duration that is no number of milliseconds", b, p, end);
            }
            return;
        }
        if (isFailure(b, severity)) {
            statements.failed(process);
        }
        counts.skipped++;
    }

    /** ERROR, FATAL or PANIC. */
    static boolean isFailure(byte[] b, int s) {
        return (b[s] == 'E' && b[s + 1] == 'R' && b[s + 2] == 'R')
                || (b[s] == 'F' && b[s + 1] == 'A' && b[s + 2] == 'T')
                || (b[s] == 'P' && b[s + 1] == 'A' && b[s + 2] == 'N');
    }

    private long process(byte[] b) {
        if (match.pid >= 0) {
            return match.pid;
        }
        int s = match.start[LinePrefix.SESSION];
        if (s >= 0) {
            long h = 0;
            for (int i = s; i < match.end[LinePrefix.SESSION]; i++) {
                h = 31 * h + b[i];
            }
            return h;
        }
        return 0;
    }

    private Instant at(byte[] b) {
        int s = match.start[LinePrefix.TIME];
        if (s < 0) {
            return Instant.EPOCH;
        }
        Instant at = prefix.epochTime ? PgTime.parseEpoch(b, s, match.end[LinePrefix.TIME])
                : time.parse(b, s, match.end[LinePrefix.TIME]);
        return at == null ? Instant.EPOCH : at;
    }

    /** A field of the line's prefix, "" when the prefix has none. */
    private String field(byte[] b, int field) {
        int s = match.start[field];
        return s < 0 ? "" : strings.get(b, s, match.end[field]);
    }

    private LoggedStatement statement(byte[] b, double durationMs, String text) {
        int[] s = match.start;
        int[] e = match.end;
        String session = s[LinePrefix.SESSION] >= 0
                ? strings.get(b, s[LinePrefix.SESSION], e[LinePrefix.SESSION])
                : strings.get(b, s[LinePrefix.PID], e[LinePrefix.PID]);
        int app = hasApplication ? LinePrefix.APPLICATION : LinePrefix.HOST;
        return new LoggedStatement(at(b), session, strings.get(b, s[LinePrefix.USER], e[LinePrefix.USER]),
                strings.get(b, s[LinePrefix.DATABASE], e[LinePrefix.DATABASE]), strings.get(b, s[app], e[app]),
                durationMs, -1, text);
    }
}
