package io.knobwright.connectors.load;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.workload.LatencyHistogram;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One client of a {@link LoadDriver} run: runs transactions on its connection until the window ends or it is
 * stopped, and keeps its own counts (one writer; the driver reads the volatile counts for progress and the rest after
 * the thread ended). A failed statement ends its transaction: the client rolls back and goes on with the next, as
 * pgbench does. A lost connection or a script that cannot be computed ends the whole run through {@code fatal}.
 */
final class LoadClient implements Runnable {

    private final LoadScript script;
    private final Connection connection;
    private final ClientVariables variables;
    private final long measureStart;
    private final long measureEnd;
    private final AtomicReference<RuntimeException> fatal;

    private final LatencyHistogram latencies = new LatencyHistogram();
    private final long[] perSecond;
    private final Map<String, Long> failuresBySqlState = new HashMap<>();
    private double latencySumMs;
    private String firstFailure = "";
    private long firstFailureAt = Long.MAX_VALUE;
    private volatile long measured;
    private volatile long failed;
    private volatile long completedAll;
    private volatile boolean stopped;
    private volatile Statement inFlight;

    LoadClient(LoadScript script, Connection connection, ClientVariables variables, long measureStart,
               long measureEnd, AtomicReference<RuntimeException> fatal) {
        this.script = script;
        this.connection = connection;
        this.variables = variables;
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
        this.fatal = fatal;
        this.perSecond = new long[(int) Math.ceil((measureEnd - measureStart) / 1e9)];
    }

    @Override
    public void run() {
        try (Statement statement = connection.createStatement()) {
            // the text is the script's SQL, never JDBC escape syntax: skip the driver's scan for {fn ...}
            statement.setEscapeProcessing(false);
            while (!stopped && System.nanoTime() < measureEnd) {
                transaction(statement);
            }
            if (stopped) {
                // a cancelled statement may have left a transaction block open: end it before the session is reused
                rollback(statement);
            }
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        } catch (SQLException e) {
            fatal.compareAndSet(null, lost(e));
        }
    }

    /** Asks the client to stop after its current command; a statement running on the server is cancelled. */
    void stop() {
        stopped = true;
        Statement running = inFlight;
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // the statement ended meanwhile, or the connection is gone: either way the client stops
            }
        }
    }

    private void transaction(Statement statement) throws SQLException {
        LoadScript.Transaction transaction = script.pick(variables.random());
        long begin = System.nanoTime();
        SQLException failure = null;
        for (LoadScript.Command command : transaction.commands()) {
            if (stopped) {
                return;
            }
            switch (command) {
                case LoadScript.SetVariable set -> variables.set(set);
                case LoadScript.Sleep sleep -> sleep(variables.sleepMicros(sleep));
                case LoadScript.Sql sql -> failure = execute(statement, variables.render(sql));
            }
            if (failure != null) {
                break;
            }
        }
        long end = System.nanoTime();
        if (stopped) {
            return;
        }
        if (failure != null) {
            rollback(statement);
        }
        record(begin, end, failure);
    }

    private SQLException execute(Statement statement, String sql) throws SQLException {
        inFlight = statement;
        try {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            if (broken(e)) {
                throw e;
            }
            return e;
        } finally {
            inFlight = null;
        }
    }

    private void rollback(Statement statement) throws SQLException {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            if (broken(e)) {
                throw e;
            }
        }
    }

    private boolean broken(SQLException e) throws SQLException {
        String state = e.getSQLState();
        return state != null && state.startsWith("08") || connection.isClosed();
    }

    private void record(long begin, long end, SQLException failure) {
        if (failure == null) {
            completedAll++;
        }
        if (end < measureStart || end >= measureEnd) {
            return;
        }
        if (failure == null) {
            double ms = (end - begin) / 1e6;
            latencies.record(ms);
            latencySumMs += ms;
            perSecond[(int) ((end - measureStart) / 1_000_000_000L)]++;
            measured++;
        } else {
            failed++;
            String state = failure.getSQLState() == null ? "" : failure.getSQLState();
            failuresBySqlState.merge(state, 1L, Long::sum);
            if (end < firstFailureAt) {
                firstFailureAt = end;
                firstFailure = failure.getMessage() == null ? state : failure.getMessage();
            }
        }
    }

    private void sleep(long micros) {
        long deadline = System.nanoTime() + micros * 1_000;
        while (!stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
        }
    }

    private ConnectorException lost(SQLException e) {
        return new ConnectorException(Thread.currentThread().getName() + " lost its connection during the load run ("
                + e.getMessage() + "). Did the server restart or run out of memory? Look at its log, then run again.",
                e);
    }

    LatencyHistogram latencies() {
        return latencies;
    }

    long[] perSecond() {
        return perSecond;
    }

    Map<String, Long> failuresBySqlState() {
        return failuresBySqlState;
    }

    double latencySumMs() {
        return latencySumMs;
    }

    String firstFailure() {
        return firstFailure;
    }

    long firstFailureAt() {
        return firstFailureAt;
    }

    long measuredSoFar() {
        return measured;
    }

    long failedSoFar() {
        return failed;
    }

    long completedAll() {
        return completedAll;
    }
}
