package io.knobwright.connectors.logs;

import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionLogLine;
import io.knobwright.model.workload.LoggedStatement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a PostgreSQL log message says about statements, the same for stderr, csvlog and jsonlog (only the framing
 * differs): "duration: X ms  statement: ..." and "duration: X ms  execute NAME: ..." are a statement with its time;
 * "statement: ..." and "execute NAME: ..." alone (log_statement = all) wait for the "duration: X ms" line that the
 * same process writes when it finishes (log_duration or log_min_duration_statement; PostgreSQL leaves the text out
 * of that line when log_statement already wrote it). A waiting statement that gets no duration (the process's next
 * statement comes first, or the log ends) counts with duration 0; one followed by an ERROR or FATAL of its process
 * failed and is dropped, as pg_stat_statements drops it. Parse and bind steps of the extended protocol, "execute
 * fetch from" (more rows of a portal already counted), parameters (DETAIL), checkpoints and errors are no
 * statements. One per parsing thread.
 */
final class PgStatements {

    static final int OTHER = 0;
    static final int TIMED_STATEMENT = 1;
    static final int STATEMENT = 2;
    static final int DURATION = 3;

    private static final byte[] DURATION_ = ascii("duration: ");
    private static final byte[] STATEMENT_ = ascii("statement: ");
    private static final byte[] EXECUTE_ = ascii("execute ");
    private static final byte[] FETCH_ = ascii("fetch from ");

    private final Consumer<LoggedStatement> sink;
    private final ImportCounts counts;
    /** Statements waiting for their duration, by process. */
    final Map<Long, LoggedStatement> waiting = new HashMap<>();
    /** Durations that came before any statement of their process in this byte range (its statement is in the range before). */
    final Map<Long, Double> orphanDurations = new HashMap<>();
    private final Set<Long> processesWithStatements = new HashSet<>();

    /**
     * Receives log_connections / log_disconnections lines as events when set (decision 0131); when null they are
     * skipped like any other message.
     */
    Consumer<ConnectionEvent> connections;

    /** Set by {@link #interpret}. */
    double durationMs;
    int textStart;
    private byte[] scratch = new byte[1024];

    PgStatements(Consumer<LoggedStatement> sink, ImportCounts counts) {
        this.sink = sink;
        this.counts = counts;
    }

    /** Reads a LOG message in [s, e): one of the kinds above, with {@link #durationMs} and {@link #textStart}. */
    int interpret(byte[] b, int s, int e) {
        if (LinePrefix.startsWith(b, s, e, DURATION_)) {
            int q = s + DURATION_.length;
            int numberEnd = q;
            while (numberEnd < e && b[numberEnd] != ' ') {
                numberEnd++;
            }
            durationMs = number(b, q, numberEnd);
            if (Double.isNaN(durationMs) || numberEnd + 3 > e || b[numberEnd + 1] != 'm' || b[numberEnd + 2] != 's') {
                return -1;
            }
            q = numberEnd + 3;
            while (q < e && (b[q] == '\n' || b[q] == '\r')) {
                q++;
            }
            if (q >= e) {
                return DURATION;
            }
            if (q + 2 > e || b[q] != ' ' || b[q + 1] != ' ') {
                return OTHER;
            }
            q += 2;
            return statementText(b, q, e) ? TIMED_STATEMENT : OTHER;
        }
        return statementText(b, s, e) ? STATEMENT : OTHER;
    }

    private boolean statementText(byte[] b, int q, int e) {
        if (LinePrefix.startsWith(b, q, e, STATEMENT_)) {
            textStart = q + STATEMENT_.length;
            return true;
        }
        if (LinePrefix.startsWith(b, q, e, EXECUTE_) && !LinePrefix.startsWith(b, q + EXECUTE_.length, e, FETCH_)) {
            for (int i = q + EXECUTE_.length; i + 1 < e; i++) {
                if (b[i] == ':' && b[i + 1] == ' ') {
                    textStart = i + 2;
                    return true;
                }
            }
        }
        return false;
    }

    /** A statement read by the caller after {@link #interpret} said {@link #TIMED_STATEMENT} or {@link #STATEMENT}. */
    void statement(int kind, long process, LoggedStatement statement) {
        if (kind == TIMED_STATEMENT) {
            emit(statement);
            return;
        }
        processesWithStatements.add(process);
        LoggedStatement before = waiting.put(process, statement);
        if (before != null) {
            emit(before);
        }
    }

    /** True when connection events are wanted and the message in [s, e) may be one: only then are strings made. */
    boolean wantsConnection(byte[] b, int s, int e) {
        return connections != null && ConnectionLogLine.mayBe(b, s, e);
    }

    /** A LOG message that {@link #wantsConnection} let through, with the prefix's fields for what it leaves out. */
    void connection(String message, Instant at, long process, String user, String database, String application,
                    String client) {
        ConnectionLogLine.parse(message.strip(), at, Long.toString(process), user, database, application, client)
                .ifPresent(connections);
    }

    /** A "duration: X ms" line alone: it ends the process's waiting statement. */
    void duration(long process, Instant at, double ms) {
        LoggedStatement started = waiting.remove(process);
        if (started != null) {
            emit(new LoggedStatement(at, started.session(), started.user(), started.database(), started.application(),
                    ms, started.rows(), started.text()));
        } else {
            if (!processesWithStatements.contains(process)) {
                orphanDurations.putIfAbsent(process, ms);
            }
            counts.skipped++;
        }
    }

    /** An ERROR, FATAL or PANIC of the process: its waiting statement failed. */
    void failed(long process) {
        if (!waiting.isEmpty() && waiting.remove(process) != null) {
            counts.skipped++;
        }
        processesWithStatements.add(process);
    }

    /** The end of the whole log: waiting statements count with duration 0. */
    void finish() {
        waiting.values().forEach(this::emit);
        waiting.clear();
    }

    void emit(LoggedStatement statement) {
        counts.statements++;
        sink.accept(statement);
    }

    /**
     * The statement text in [s, e), whole: without the tab PostgreSQL's stderr log puts before each continuation
     * line ({@code tabbed}), carriage returns of CRLF line ends, and trailing line breaks.
     */
    String text(byte[] b, int s, int e, boolean tabbed) {
        while (e > s && (b[e - 1] == '\n' || b[e - 1] == '\r')) {
            e--;
        }
        if (!tabbed) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        // copy line by line, leaving out each continuation line's tab and a CR before a line break
        int n = 0;
        int i = s;
        while (i < e) {
            int nl = ByteWindow.indexOfNewline(b, i, e);
            int lineEnd = nl < 0 ? e : nl;
            int copyEnd = lineEnd > i && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            System.arraycopy(b, i, scratch, n, copyEnd - i);
            n += copyEnd - i;
            if (nl < 0) {
                break;
            }
            scratch[n++] = '\n';
            i = nl + 1;
            if (i < e && b[i] == '\t') {
                i++;
            }
        }
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    /** A plain decimal such as "0.123" or "12", NaN when it is not one. */
    static double number(byte[] b, int s, int e) {
        long whole = 0;
        int q = s;
        while (q < e && b[q] >= '0' && b[q] <= '9') {
            whole = whole * 10 + (b[q++] - '0');
        }
        if (q == s) {
            return Double.NaN;
        }
        if (q == e) {
            return whole;
        }
        if (b[q] != '.') {
            return Double.NaN;
        }
        long fraction = 0;
        long scale = 1;
        for (q++; q < e && b[q] >= '0' && b[q] <= '9' && scale < 1_000_000_000_000L; q++) {
            fraction = fraction * 10 + (b[q] - '0');
            scale *= 10;
        }
        return q == e ? whole + (double) fraction / scale : Double.NaN;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
