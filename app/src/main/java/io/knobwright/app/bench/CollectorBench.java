package io.knobwright.app.bench;

import io.knobwright.app.monitor.InstancePoller;
import io.knobwright.app.monitor.MonitorService;
import io.knobwright.app.monitor.PollStats;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresWorkloadCollector;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.BlockingChains;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.StatementCounters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collectors' benches (issue #11): (a) scale, a thousand simulated instances polled every 60 s into a real store
 * under a sped-up clock; (b) overhead, pgbench's tps against a real PostgreSQL with 10 s polling against without.
 */
public final class CollectorBench {

    static final double OVERHEAD_TARGET = 0.99;
    static final long HEAP_TARGET_BYTES = 2L << 30;

    private CollectorBench() {
    }

    public record ScaleResult(long polls, double pollsPerSecond, double neededPerSecond, long latenessP99Ms, long peakHeapBytes,
                              double storeBytesPerDay, long failed) {
        /** Every due poll ran and started within a tenth of its interval, under the heap limit. */
        public boolean meetsTarget(Duration interval) {
            return pollsPerSecond >= neededPerSecond * 0.97 && latenessP99Ms < interval.toMillis() / 10 && peakHeapBytes < HEAP_TARGET_BYTES
                    && failed == 0;
        }
    }

    /**
     * @param speed how much faster than real time the simulated clock runs: polls every 60 s of simulated time are
     *              polls every 60/speed s of real time, so the store and the pool carry {@code speed} times the load
     */
    public static ScaleResult scale(int instances, Duration interval, int speed, Duration simulated, int threads, Duration delay,
                                    PrintStream out) {
        Path dir = tempDirectory("knobwright-collector-bench");
        Duration realInterval = interval.dividedBy(speed);
        out.printf(Locale.ROOT, "Collector scale bench: %d simulated instances polled every %d s of simulated time (clock x%d:"
                        + " every %d ms real), %s simulated, %d polling threads, %d ms simulated server latency; store in %s%n",
                instances, interval.toSeconds(), speed, realInterval.toMillis(), simulated, threads, delay.toMillis(), dir);
        out.println(Targets.machine());
        out.printf(Locale.ROOT, "  max heap %d MB (run with -Xmx2g to hold the target)%n", Runtime.getRuntime().maxMemory() >> 20);
        resetPeaks();
        SpedUpClock clock = new SpedUpClock(speed);
        long polls;
        PollStats stats;
        double seconds;
        List<Instance> fleet = new ArrayList<>();
        try (KnobwrightStore store = KnobwrightStore.open(dir)) {
            store.instances().deleteDemoInstances();
            for (int i = 0; i < instances; i++) {
                fleet.add(new Instance(0, String.format(Locale.ROOT, "sim-%04d", i), Engine.POSTGRESQL, "16", "16.4", null,
                        Map.of(), null, null, null, null, false));
            }
            fleet = store.instances().saveAll(fleet);
        }
        long emptyStore = compactedSize(dir);
        Map<String, Long> errors = new ConcurrentHashMap<>();
        try (KnobwrightStore store = KnobwrightStore.open(dir)) {
            SimulatedServers servers = new SimulatedServers(clock, delay);
            try (MonitorService monitor = new MonitorService(store.workloadSeries(), servers, clock, threads)) {
                monitor.onPoll(o -> {
                    if (!o.succeeded()) {
                        errors.merge(o.error(), 1L, Long::sum);
                    }
                });
                for (int i = 0; i < fleet.size(); i++) {
                    monitor.schedule(fleet.get(i), realInterval, realInterval.multipliedBy(i).dividedBy(fleet.size()));
                }
                long t0 = System.nanoTime();
                sleep(simulated.dividedBy(speed));
                stats = monitor.stats();
                seconds = (System.nanoTime() - t0) / 1e9;
                polls = stats.succeeded() + stats.failed();
            }
            for (Instance instance : fleet.subList(0, 1)) {
                int points = store.workloadSeries().points(instance.id(), Metric.COMMITS, Instant.EPOCH, Instant.now().plus(Duration.ofDays(400))).size();
                out.printf(Locale.ROOT, "  %s: %d commit-rate points stored%n", instance.name(), points);
            }
        }
        long peakHeap = peakHeap();
        long storeBytes = compactedSize(dir) - emptyStore;
        errors.forEach((error, count) -> out.printf(Locale.ROOT, "  failed %d times: %s%n", count, error));
        delete(dir);
        double pollsPerSecond = polls / seconds;
        double needed = instances * (double) speed / interval.toSeconds();
        // a day holds (86,400 / interval) polls of each instance; bytes per poll from the store file after closing
        double perDay = polls == 0 ? 0 : storeBytes / (double) polls * instances * (86_400.0 / interval.toSeconds());
        ScaleResult r = new ScaleResult(polls, pollsPerSecond, needed, stats.latenessPercentileMs(0.99), peakHeap, perDay, stats.failed());
        out.printf(Locale.ROOT, "  polls: %d in %.0f s real = %.1f polls/s (the schedule needs %.1f/s; %.1f/s at real speed);"
                        + " failed %d, skipped as still running %d%n", polls, seconds, pollsPerSecond, needed,
                needed / speed, stats.failed(), stats.skippedPolls());
        out.printf(Locale.ROOT, "  lateness after due: p50 %d ms, p99 %d ms, max bucket %d ms (target p99 < %d ms, a tenth of"
                        + " the real interval): %s%n", stats.latenessPercentileMs(0.5), r.latenessP99Ms(),
                stats.latenessPercentileMs(1.0), realInterval.toMillis() / 10, Targets.verdict(r.latenessP99Ms() < realInterval.toMillis() / 10));
        out.printf(Locale.ROOT, "  heap: peak %d MB after GC pools (target < %d MB): %s%n", peakHeap >> 20, HEAP_TARGET_BYTES >> 20,
                Targets.verdict(peakHeap < HEAP_TARGET_BYTES));
        out.printf(Locale.ROOT, "  store (compacted): grew %.1f MB in %d polls = %.0f bytes a poll; %d instances every %d s = %.0f MB"
                        + " a day of raw points and statement deltas (kept 7 days, then 5-minute averages)%n", storeBytes / 1e6, polls,
                polls == 0 ? 0 : storeBytes / (double) polls, instances, interval.toSeconds(), perDay / 1e6);
        out.printf(Locale.ROOT, "  target (all polls on time, p99 lateness < interval/10, heap < 2 GB): %s%n",
                Targets.verdict(r.meetsTarget(realInterval)));
        return r;
    }

    public record OverheadResult(double tpsWithout, double tpsWith, double ratio) {
        public boolean meetsTarget() {
            return ratio >= OVERHEAD_TARGET;
        }
    }

    /**
     * pgbench (TPC-B-like) on a scratch database created and dropped here, alternating runs without and with a monitor
     * polling the server every {@code every}; the ratio of the medians.
     */
    public static OverheadResult overhead(String host, int port, String user, String pgbench, int pairs, Duration run, int clients,
                                          Duration every, PrintStream out) {
        String db = "kw_collector_bench";
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        out.printf(Locale.ROOT, "Collector overhead bench: pgbench -c %d -T %d on %s:%d/%s, %d runs without and %d with polling every"
                + " %d s, alternating%n", clients, run.toSeconds(), host, port, db, pairs, pairs, every.toSeconds());
        out.println(Targets.machine());
        out.println("  the polls' points go to an in-memory store: Knobwright's store lives on the DBA's machine, and here it"
                + " would share the server's disk and its fsyncs; what is measured is what the server pays for being polled");
        execute(admin, user, "DROP DATABASE IF EXISTS " + db);
        execute(admin, user, "CREATE DATABASE " + db);
        try (KnobwrightStore store = KnobwrightStore.inMemory("knobwright-overhead-bench-" + System.nanoTime(), false)) {
            run(List.of(pgbench, "-i", "-q", "-s", "10", "-h", host, "-p", String.valueOf(port), "-U", user, db));
            Instance target = store.instances().saveAll(List.of(new Instance(0, "overhead-target", Engine.POSTGRESQL, "15", "15",
                    null, Map.of(), null, null, null, null, false))).getFirst();
            PostgresWorkloadCollector collector = new PostgresWorkloadCollector(Clock.systemUTC());
            ConnectionTarget connection = new ConnectionTarget("jdbc:postgresql://" + host + ":" + port + "/" + db, user, null);
            InstancePoller poller = instance -> collector.collect(connection);
            List<String> command = List.of(pgbench, "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                    "-T", String.valueOf(run.toSeconds()), "-h", host, "-p", String.valueOf(port), "-U", user, db);
            run(List.of(pgbench, "-c", String.valueOf(clients), "-T", "5", "-h", host, "-p", String.valueOf(port), "-U", user, db));
            double[] without = new double[pairs];
            double[] with = new double[pairs];
            long polls = 0;
            for (int i = 0; i < pairs; i++) {
                boolean withFirst = i % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    boolean polling = (k == 0) == withFirst;
                    // every run starts after a checkpoint: one falling inside some runs only would move tps by more than 1 %
                    execute("jdbc:postgresql://" + host + ":" + port + "/" + db, user, "CHECKPOINT");
                    if (polling) {
                        try (MonitorService monitor = new MonitorService(store.workloadSeries(), poller, Clock.systemUTC(), 1)) {
                            monitor.schedule(target, every, Duration.ofMillis(500));
                            with[i] = tps(run(command));
                            polls += monitor.stats().succeeded();
                            if (monitor.stats().failed() > 0) {
                                throw new IllegalStateException("Polling failed during the bench: "
                                        + monitor.latest().values().iterator().next().error());
                            }
                        }
                    } else {
                        without[i] = tps(run(command));
                    }
                }
                out.printf(Locale.ROOT, "  pair %d: without %.0f tps, with polling %.0f tps%n", i + 1, without[i], with[i]);
            }
            double a = median(without);
            double b = median(with);
            OverheadResult r = new OverheadResult(a, b, b / a);
            out.printf(Locale.ROOT, "  median tps: without %.0f, with polling every %d s %.0f (%d polls); ratio %.3f (target >= %.2f): %s%n",
                    a, every.toSeconds(), b, polls, r.ratio(), OVERHEAD_TARGET, Targets.verdict(r.meetsTarget()));
            return r;
        } finally {
            execute(admin, user, "DROP DATABASE IF EXISTS " + db);
        }
    }

    /** Simulated servers: counters growing at each instance's own rates, levels wandering, 30 digests; a small delay. */
    static final class SimulatedServers implements InstancePoller {
        private final Clock clock;
        private final long delayMs;
        private final Instant started;
        private final Map<Long, double[]> rates = new ConcurrentHashMap<>();

        SimulatedServers(Clock clock, Duration delay) {
            this.clock = clock;
            this.delayMs = delay.toMillis();
            this.started = clock.instant().minus(Duration.ofDays(3));
        }

        @Override
        public CollectedWorkload poll(Instance instance) {
            sleep(Duration.ofMillis(delayMs));
            Instant at = clock.instant();
            double seconds = Duration.between(started, at).toMillis() / 1000.0;
            double[] r = rates.computeIfAbsent(instance.id(), id -> {
                SplittableRandom random = new SplittableRandom(id);
                double[] x = new double[Metric.values().length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = 1 + random.nextDouble(1000);
                }
                return x;
            });
            SplittableRandom now = new SplittableRandom(instance.id() * 31 + at.toEpochMilli());
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                values.put(m, m.kind() == Metric.Kind.COUNTER ? Math.floor(r[m.ordinal()] * seconds)
                        : Math.floor(r[m.ordinal()] * (0.5 + now.nextDouble())));
            }
            List<StatementCounters> statements = new ArrayList<>(30);
            for (int d = 0; d < 30; d++) {
                long calls = (long) (seconds * (d + 1) * (d % 3 == 0 ? 1 : 0.01));
                statements.add(new StatementCounters(Long.toHexString(instance.id() * 1000 + d), "SELECT * FROM t" + d + " WHERE id = $1",
                        calls, calls * 0.4, calls));
            }
            return new CollectedWorkload(new CounterPoll(at, new ServerEpoch(started, null), values, statements), BlockingChains.NONE,
                    List.of());
        }
    }

    /** A clock that runs {@code speed} times faster than real time from its creation. */
    static final class SpedUpClock extends Clock {
        private final Instant origin = Instant.now();
        private final long originNanos = System.nanoTime();
        private final int speed;

        SpedUpClock(int speed) {
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((System.nanoTime() - originNanos) * speed);
        }
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private static double tps(String output) {
        Matcher m = TPS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store file's size once H2 has compacted it fully (the store itself compacts briefly on close, if at all). */
    private static long compactedSize(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("knobwright"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compact the bench store: " + e.getMessage(), e);
        }
        return size(dir);
    }

    private static long size(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
