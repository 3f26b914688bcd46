package io.knobwright.connectors.load;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a {@link LoadScript} the way pgbench does: N clients, one connection each, in autocommit (a script's BEGIN
 * and END are statements like any other), a warm-up that is not counted, then a measured window. Every connection
 * gets the session settings before the clock starts; one the server refuses stops the run before it begins.
 *
 * <p>Clients are platform threads: a client spends its time blocked on its socket, and a few hundred threads are
 * cheap, while their scheduling is the operating system's as in pgbench (virtual threads would add a carrier pool
 * between the measurement and the server). Latencies go into one log-bucket histogram per client (a few hundred
 * bytes whatever the run's length), merged at the end.
 */
public final class LoadDriver {

    /** Opens one connection to the server under test (a sandbox's, an instance's). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * @param clients  concurrent connections (pgbench -c)
     * @param warmUp   run but not counted, so that caches and plans settle (zero for none)
     * @param measured the measured window (pgbench -T)
     * @param scale    the value of {@code :scale} (pgbench's -s, see {@link PgbenchSchema#scaleOf})
     * @param settings session settings applied on every connection before the run (name -> value)
     * @param seed     the random seed; client i draws from its own generator split from it
     */
    public record Options(int clients, Duration warmUp, Duration measured, int scale, Map<String, String> settings,
                          long seed) {
        public Options {
            Objects.requireNonNull(warmUp, "warmUp");
            Objects.requireNonNull(measured, "measured");
            settings = Map.copyOf(settings);
            if (clients < 1 || clients > 10_000) {
                throw new IllegalArgumentException("A run has 1 to 10000 clients, not " + clients);
            }
            if (warmUp.isNegative() || measured.toMillis() < 100) {
                throw new IllegalArgumentException("A run measures for at least 100 ms after a warm-up that is not"
                        + " negative");
            }
            if (scale < 1) {
                throw new IllegalArgumentException("The scale is at least 1, not " + scale);
            }
        }

        /** No settings, scale 1, a seed from the clock. */
        public static Options of(int clients, Duration warmUp, Duration measured) {
            return new Options(clients, warmUp, measured, 1, Map.of(), System.nanoTime());
        }

        public Options withScale(int newScale) {
            return new Options(clients, warmUp, measured, newScale, settings, seed);
        }

        public Options withSettings(Map<String, String> newSettings) {
            return new Options(clients, warmUp, measured, scale, newSettings, seed);
        }
    }

    public enum Phase { WARM_UP, MEASURING }

    /**
     * About once a second while a run goes on.
     *
     * @param elapsed      since the warm-up started
     * @param total        warm-up plus measured window
     * @param transactions transactions completed so far in the measured window
     * @param failed       failed so far in the measured window
     * @param recentTps    transactions completed (either phase) over the last report's interval, per second
     */
    public record Progress(Phase phase, Duration elapsed, Duration total, long transactions, long failed,
                           double recentTps) {
        public double fraction() {
            return Math.min(1.0, (double) elapsed.toNanos() / total.toNanos());
        }
    }

    private static final long POLL_NANOS = 50_000_000L;
    private static final long END_GRACE_NANOS = 2_000_000_000L;

    private final Connections connections;

    public LoadDriver(Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Runs the script and returns what the measured window saw. Blocks for warm-up plus the window. When
     * {@code cancelled} turns true the clients stop (statements in flight are cancelled on the server) within about a
     * second, and a {@link CancellationException} is thrown: a partial run measures nothing.
     *
     * @throws UserError          a setting the server refused, or a script value that cannot be computed
     * @throws ConnectorException a connection that could not be opened
     */
    public LoadRun run(LoadScript script, Options options, Consumer<Progress> progress, BooleanSupplier cancelled) {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < options.clients(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("The load run was cancelled while connecting");
                }
                Connection c = connect(i);
                open.add(c);
                c.setAutoCommit(true);
                SessionSettings.apply(c, options.settings());
            }
            return measure(script, options, open, progress, cancelled);
        } catch (SQLException e) {
            throw new ConnectorException("Could not prepare a connection for the load run: " + e.getMessage(), e);
        } finally {
            for (Connection c : open) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the run's outcome is decided; a connection that will not close cleanly changes nothing
                }
            }
        }
    }

    private Connection connect(int client) {
        try {
            return connections.open();
        } catch (SQLException e) {
            throw new ConnectorException("Client " + (client + 1) + " of the load run could not connect: "
                    + e.getMessage() + ". Check that the server is up and accepts this many connections"
                    + " (max_connections).", e);
        }
    }

    private LoadRun measure(LoadScript script, Options options, List<Connection> open, Consumer<Progress> progress,
                            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long measureStart = start + options.warmUp().toNanos();
        long measureEnd = measureStart + options.measured().toNanos();
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<LoadClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            LoadClient client = new LoadClient(script, open.get(i),
                    new ClientVariables(script.name(), options.scale(), i, seeds.split()), measureStart, measureEnd,
                    fatal);
            clients.add(client);
            threads.add(Thread.ofPlatform().name("kw-load-client-" + (i + 1)).daemon().start(client));
        }
        Duration total = options.warmUp().plus(options.measured());
        long lastReport = start;
        long lastCompleted = 0;
        boolean wasCancelled = false;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            if (fatal.get() != null || cancelled.getAsBoolean()) {
                wasCancelled = fatal.get() == null;
                clients.forEach(LoadClient::stop);
                break;
            }
            long now = System.nanoTime();
            if (now - measureEnd > END_GRACE_NANOS) {
                // a transaction still running now ends after the window and would not count: do not wait for it
                clients.forEach(LoadClient::stop);
            }
            if (now - lastReport >= 1_000_000_000L && now < measureEnd) {
                long completed = clients.stream().mapToLong(LoadClient::completedAll).sum();
                progress.accept(new Progress(now < measureStart ? Phase.WARM_UP : Phase.MEASURING,
                        Duration.ofNanos(now - start), total,
                        clients.stream().mapToLong(LoadClient::measuredSoFar).sum(),
                        clients.stream().mapToLong(LoadClient::failedSoFar).sum(),
                        (completed - lastCompleted) * 1e9 / (now - lastReport)));
                lastReport = now;
                lastCompleted = completed;
            }
            join(threads.getFirst(), POLL_NANOS);
        }
        for (Thread t : threads) {
            join(t, 2_000_000_000L);
        }
        if (wasCancelled) {
            throw new CancellationException("The load run was cancelled");
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        // the sessions' counts reach pg_stat_* before the caller reads its "after" snapshot
        open.forEach(ServerCounters::flush);
        return result(script, options, clients);
    }

    private static void join(Thread thread, long nanos) {
        try {
            thread.join(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The load run was interrupted");
        }
    }

    private static LoadRun result(LoadScript script, Options options, List<LoadClient> clients) {
        io.knobwright.model.workload.LatencyHistogram latencies = new io.knobwright.model.workload.LatencyHistogram();
        double seconds = options.measured().toNanos() / 1e9;
        int buckets = (int) Math.ceil(seconds);
        long[] perSecond = new long[buckets];
        long transactions = 0;
        long failed = 0;
        double latencySum = 0;
        Map<String, Long> failures = new HashMap<>();
        String firstFailure = "";
        long firstFailureAt = Long.MAX_VALUE;
        for (LoadClient c : clients) {
            latencies.merge(c.latencies());
            transactions += c.measuredSoFar();
            failed += c.failedSoFar();
            latencySum += c.latencySumMs();
            for (int s = 0; s < buckets; s++) {
                perSecond[s] += c.perSecond()[s];
            }
            c.failuresBySqlState().forEach((state, n) -> failures.merge(state, n, Long::sum));
            if (c.firstFailureAt() < firstFailureAt) {
                firstFailureAt = c.firstFailureAt();
                firstFailure = c.firstFailure();
            }
        }
        List<Double> series = new ArrayList<>(buckets);
        for (int s = 0; s < buckets; s++) {
            double length = Math.min(1.0, seconds - s);
            series.add(perSecond[s] / length);
        }
        return new LoadRun(script.name(), clients.size(), transactions, failed, options.measured(),
                transactions / seconds, transactions == 0 ? 0 : latencySum / transactions, latencies.quantile(0.50),
                latencies.quantile(0.95), latencies.quantile(0.99), series, failures, firstFailure);
    }
}
