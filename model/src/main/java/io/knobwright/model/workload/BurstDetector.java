package io.knobwright.model.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds N+1 patterns in a time-ordered stream of statements: one session (or, where the log names none, one
 * application) running the same fingerprint at least {@code minCalls} times in a row, each call within {@code maxGap}
 * of the one before, with literal values that change from call to call (at least every other call: a loop fetching
 * row after row, not a poll repeating one statement). A prepared statement's values are not in its text (PostgreSQL
 * logs {@code execute <unnamed>: ... $1} and the values on a DETAIL line): such a run counts whatever its values, since
 * the ORM loops that matter most send exactly these. Each burst names the likely driver: the statement of another
 * fingerprint the session ran just before the burst began (the query whose rows the loop walks).
 *
 * <p>Memory is bounded: state is kept for the {@code maxSessions} most recently active sessions; a session pushed
 * out has its open run closed (and reported, if it is a burst). {@link #finish} closes every open run. Not
 * thread-safe; bursts go to the consumer given, in the order they close.
 */
public final class BurstDetector {

    public static final int DEFAULT_MIN_CALLS = 20;
    public static final Duration DEFAULT_MAX_GAP = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_SESSIONS = 10_000;
    /** A driver's text is cut to this many characters. */
    public static final int TEXT_LIMIT = FingerprintDigest.EXAMPLE_LIMIT;

    /**
     * One burst.
     *
     * @param session           the session (or application, or user@database) that ran it
     * @param fingerprint       the fingerprint run in a loop
     * @param calls             how many times in a row
     * @param changedLiterals   how many calls had a text different from the call before (literal values changed)
     * @param start             the first call
     * @param end               the last call
     * @param driverFingerprint the fingerprint run just before, 0 when the session ran nothing before
     * @param driverText        that statement's text (first {@value #TEXT_LIMIT} characters), "" when none
     */
    public record Burst(String session, long fingerprint, int calls, int changedLiterals, Instant start, Instant end,
                        long driverFingerprint, String driverText) {

        public Burst {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(driverText, "driverText");
        }

        public boolean hasDriver() {
            return !driverText.isEmpty() || driverFingerprint != 0;
        }
    }

    private final int minCalls;
    private final long maxGapMs;
    private final Consumer<Burst> bursts;
    private final Map<String, Run> sessions;

    public BurstDetector(Consumer<Burst> bursts) {
        this(DEFAULT_MIN_CALLS, DEFAULT_MAX_GAP, DEFAULT_MAX_SESSIONS, bursts);
    }

    public BurstDetector(int minCalls, Duration maxGap, int maxSessions, Consumer<Burst> bursts) {
        if (minCalls < 2) {
            throw new IllegalArgumentException("A burst is at least 2 calls, not " + minCalls);
        }
        if (maxGap.isNegative()) {
            throw new IllegalArgumentException("The gap between calls of a burst cannot be negative: " + maxGap);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("At least one session is followed, not " + maxSessions);
        }
        this.minCalls = minCalls;
        this.maxGapMs = maxGap.toMillis();
        this.bursts = Objects.requireNonNull(bursts, "bursts");
        this.sessions = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
                if (size() > maxSessions) {
                    close(eldest.getKey(), eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** The session a statement belongs to: its session id, else its application, else its user and database. */
    public static String sessionOf(LoggedStatement statement) {
        if (!statement.session().isEmpty()) {
            return statement.session();
        }
        if (!statement.application().isEmpty()) {
            return statement.application();
        }
        return statement.user() + "@" + statement.database();
    }

    /** One logged statement, whose fingerprint the caller has computed. */
    public void accept(LoggedStatement statement, long fingerprint) {
        accept(sessionOf(statement), fingerprint, statement.at(), statement.text());
    }

    /**
     * One statement of a session; {@code text} is the statement as run (its literals tell one call of a loop from
     * the next).
     */
    public void accept(String session, long fingerprint, Instant at, String text) {
        long atMs = at.toEpochMilli();
        int textHash = text.hashCode();
        Run run = sessions.get(session);
        if (run == null) {
            run = new Run();
            run.start(fingerprint, atMs, 0, "");
            sessions.put(session, run);
        } else if (run.fingerprint == fingerprint && Math.abs(atMs - run.lastMs) <= maxGapMs) {
            run.calls++;
            if (textHash != run.lastTextHash) {
                run.changed++;
            }
            run.lastMs = atMs;
        } else {
            close(session, run);
            if (run.lastFingerprint != fingerprint) {
                run.start(fingerprint, atMs, run.lastFingerprint, run.lastText);
            } else { // a pause broke a loop: the statement before it still drives it
                run.start(fingerprint, atMs, run.driverFingerprint, run.driverText);
            }
        }
        if (run.calls == 1) {
            run.bound = text.contains("$1");
        }
        run.lastFingerprint = fingerprint;
        run.lastText = text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
        run.lastTextHash = textHash;
    }

    /** Closes every open run: call at the end of the stream. */
    public void finish() {
        sessions.forEach(this::close);
        sessions.clear();
    }

    /** Sessions followed now (at most maxSessions). */
    public int sessionsFollowed() {
        return sessions.size();
    }

    private void close(String session, Run run) {
        if (run.calls >= minCalls && (run.bound || run.changed * 2 >= run.calls - 1)) {
            bursts.accept(new Burst(session, run.fingerprint, run.calls, run.changed, Instant.ofEpochMilli(run.startMs),
                    Instant.ofEpochMilli(run.lastMs), run.driverFingerprint, run.driverText));
        }
        run.calls = 0;
    }

    /** A session's current run of one fingerprint, and the statement it ran last. */
    private static final class Run {
        long fingerprint;
        int calls;
        int changed;
        long startMs;
        long lastMs;
        long driverFingerprint;
        String driverText = "";
        long lastFingerprint;
        String lastText = "";
        int lastTextHash;
        /** The statement carries bind parameters ($1...): its values do not show in its text. */
        boolean bound;

        void start(long fp, long atMs, long driverFp, String driver) {
            fingerprint = fp;
            calls = 1;
            changed = 0;
            startMs = atMs;
            lastMs = atMs;
            driverFingerprint = driverFp;
            driverText = driver;
        }
    }
}
