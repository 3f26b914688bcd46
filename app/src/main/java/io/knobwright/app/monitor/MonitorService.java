package io.knobwright.app.monitor;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.CounterRates;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.RelationSeriesRepository;
import io.knobwright.model.workload.SeriesMaintenance;
import io.knobwright.model.workload.SeriesRetention;
import io.knobwright.model.workload.WorkloadSeriesRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Polls instances: now ({@link #pollNow}), or on a schedule, each instance at its own interval ({@link #schedule}).
 * One timer thread says when a poll is due; one bounded pool runs the polls, so a thousand instances share a few
 * threads. A poll still running when the next one is due is not doubled up (the late one is counted as skipped). An
 * unreachable instance costs its poll the connect timeout, is recorded with its error and tried again at its next
 * interval; the others go on. Each poll turns the server's counters into rates against the stored baseline and
 * stores points, statement deltas and the new baseline in one unit of the store.
 */
public final class MonitorService implements AutoCloseable {

    private final WorkloadSeriesRepository series;
    private final RelationSeriesRepository relations;
    private final ConnectionUseRepository connectionUse;
    private final InstancePoller poller;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Map<Long, Scheduled> scheduled = new ConcurrentHashMap<>();
    private final Map<Long, PollOutcome> latest = new ConcurrentHashMap<>();
    /** Each instance's last raw poll, as stored: saves reading it back from the store at every poll. */
    private final Map<Long, CounterPoll> baselines = new ConcurrentHashMap<>();
    private final PollStats stats = new PollStats();
    /** For a monitor without a connection-use store (benches, tests of the series alone). */
    private static final ConnectionUseRepository NO_CONNECTION_USE = new ConnectionUseRepository() {
        @Override
        public void record(long instanceId, io.knobwright.model.health.ConnectionSnapshot snapshot) {
        }

        @Override
        public List<io.knobwright.model.health.ConnectionUse> use(long instanceId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public void forget(long instanceId) {
        }

        @Override
        public Map<Long, io.knobwright.model.health.ConnectionUse> newest(Instant since) {
            return Map.of();
        }
    };
    private volatile Consumer<PollOutcome> listener = outcome -> { };

    /** @param threads the most polls that run at once */
    public MonitorService(WorkloadSeriesRepository series, InstancePoller poller, Clock clock, int threads) {
        this(series, null, NO_CONNECTION_USE, poller, clock, threads);
    }

    /** Also stores per-table and per-index snapshots in {@code relations} (decision 0128). */
    public MonitorService(WorkloadSeriesRepository series, RelationSeriesRepository relations, InstancePoller poller, Clock clock,
                          int threads) {
        this(series, relations, NO_CONNECTION_USE, poller, clock, threads);
    }

    /** Also stores each poll's connections by application, user and client in {@code connectionUse} (decision 0131). */
    public MonitorService(WorkloadSeriesRepository series, ConnectionUseRepository connectionUse, InstancePoller poller,
                          Clock clock, int threads) {
        this(series, null, connectionUse, poller, clock, threads);
    }

    /**
     * @param relations     where per-table and per-index snapshots go (decision 0128); null to drop them
     * @param connectionUse where each poll's connections go (decision 0131)
     * @param threads       the most polls that run at once
     */
    public MonitorService(WorkloadSeriesRepository series, RelationSeriesRepository relations,
                          ConnectionUseRepository connectionUse, InstancePoller poller, Clock clock, int threads) {
        this.connectionUse = Objects.requireNonNull(connectionUse, "connectionUse");
        this.series = Objects.requireNonNull(series, "series");
        this.relations = relations;
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException("A monitor needs at least one thread, got " + threads);
        }
        AtomicLong n = new AtomicLong();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("knobwright-monitor-" + n.incrementAndGet()).unstarted(r));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("knobwright-monitor-timer").unstarted(r));
    }

    /** Called after every poll, on the polling thread. */
    public void onPoll(Consumer<PollOutcome> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Polls one instance now, on the calling thread; never throws for a server's failure, it is in the outcome. */
    public PollOutcome pollNow(Instance instance) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        PollOutcome outcome;
        try {
            CollectedWorkload collected = poller.poll(instance);
            CounterPoll previous = baselines.get(instance.id());
            if (previous == null) {
                previous = series.baseline(instance.id()).orElse(null);
            }
            PolledPoints points = CounterRates.between(previous, collected.poll());
            baselines.remove(instance.id());
            series.record(instance.id(), collected.poll(), points);
            baselines.put(instance.id(), collected.poll());
            if (relations != null && collected.relations().isPresent()) {
                relations.record(instance.id(), collected.relations().get());
            }
            if (collected.connections() != null) {
                connectionUse.record(instance.id(), collected.connections());
            }
            outcome = PollOutcome.collected(instance.id(), instance.name(), started, collected, points, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException failure) {
            // A bug in one poll (a server answering something unforeseen) must not stop the others: it is recorded
            // with its kind left empty, and the CLI reports it as a bug
            Optional<UserError> known = UserError.of(failure);
            outcome = PollOutcome.failed(instance.id(), instance.name(), started,
                    known.map(Throwable::getMessage).orElse("Knobwright hit a bug: " + failure),
                    known.map(UserError::kind).orElse(null), Duration.ofNanos(System.nanoTime() - t0));
        }
        latest.put(instance.id(), outcome);
        listener.accept(outcome);
        return outcome;
    }

    /** Polls the instances now, several at once on the pool; outcomes in the order given. */
    public List<PollOutcome> pollNow(List<Instance> instances) {
        List<CompletableFuture<PollOutcome>> running = new ArrayList<>();
        for (Instance instance : instances) {
            running.add(CompletableFuture.supplyAsync(() -> pollNow(instance), pool));
        }
        List<PollOutcome> outcomes = new ArrayList<>(running.size());
        for (CompletableFuture<PollOutcome> f : running) {
            outcomes.add(f.join());
        }
        return outcomes;
    }

    /**
     * Polls {@code instance} every {@code interval} from now on (replacing an earlier schedule of it), the first poll
     * after {@code firstAfter} (spread instances' first polls over the interval to keep the load even).
     */
    public void schedule(Instance instance, Duration interval, Duration firstAfter) {
        if (interval.toMillis() < 100) {
            throw UserError.input("A polling interval must be at least 100 ms, got " + interval + ".");
        }
        Scheduled entry = new Scheduled(instance, interval.toMillis(), System.nanoTime() / 1_000_000 + firstAfter.toMillis());
        Scheduled old = scheduled.put(instance.id(), entry);
        if (old != null) {
            old.cancel();
        }
        entry.timer = timer.scheduleAtFixedRate(entry::due, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void unschedule(long instanceId) {
        Scheduled old = scheduled.remove(instanceId);
        if (old != null) {
            old.cancel();
        }
    }

    /** Downsamples and prunes the stored series every {@code every} (the first pass after one interval). */
    public void maintainEvery(Duration every, SeriesRetention retention, Consumer<SeriesMaintenance> done) {
        timer.scheduleWithFixedDelay(() -> pool.execute(() -> done.accept(series.maintain(retention, clock.instant()))),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where this monitor stores connection use (decision 0131). */
    public ConnectionUseRepository connectionUse() {
        return connectionUse;
    }

    /** The stored series this monitor writes. */
    public io.knobwright.model.workload.MetricHistory series() {
        return series;
    }

    /** The last outcome of each instance polled by this service. */
    public Map<Long, PollOutcome> latest() {
        return Map.copyOf(latest);
    }

    public PollStats stats() {
        return stats;
    }

    /**
     * Stops the schedule, drops polls not yet started and waits for running ones. Running polls are not interrupted:
     * an interrupt inside the store's file write would close its file channel under every other user of the store.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        ((ThreadPoolExecutor) pool).getQueue().clear();
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One instance's schedule: when its next poll is due, and whether one is running. */
    private final class Scheduled {
        private final Instance instance;
        private final long intervalMs;
        private long dueMs;
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;

        Scheduled(Instance instance, long intervalMs, long firstDueMs) {
            this.instance = instance;
            this.intervalMs = intervalMs;
            this.dueMs = firstDueMs;
        }

        /** On the timer thread: hands the poll to the pool unless the previous one still runs. */
        void due() {
            long due = dueMs;
            dueMs += intervalMs;
            if (!running.compareAndSet(false, true)) {
                stats.skipped();
                return;
            }
            pool.execute(() -> {
                try {
                    stats.started(System.nanoTime() / 1_000_000 - due);
                    PollOutcome outcome = pollNow(instance);
                    stats.finished(outcome.succeeded());
                } catch (RuntimeException bug) {
                    stats.finished(false);
                } finally {
                    running.set(false);
                }
            });
        }

        void cancel() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
