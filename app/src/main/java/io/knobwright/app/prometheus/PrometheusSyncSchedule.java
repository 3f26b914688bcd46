package io.knobwright.app.prometheus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Syncs every saved Prometheus mapping every {@code interval} (decision 0133): the daemon's and the open workbench's
 * schedule. {@link #tick} does one round when due, by the clock it was given (tests step a ManualClock and call it);
 * {@link #start} calls it from a virtual thread that wakes at most every {@link #WAKE} so a stepped system clock or a
 * suspended laptop is noticed.
 */
public final class PrometheusSyncSchedule implements AutoCloseable {

    static final Duration WAKE = Duration.ofSeconds(15);

    private final PrometheusSync sync;
    private final Duration interval;
    private final Clock clock;
    private final Consumer<List<PrometheusSync.Outcome>> report;
    private Instant due;
    private volatile Thread thread;

    /** @param report told each round's outcomes (on the schedule's thread) */
    public PrometheusSyncSchedule(PrometheusSync sync, Duration interval, Clock clock, Consumer<List<PrometheusSync.Outcome>> report) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The Prometheus sync interval must be positive, not " + interval);
        }
        this.sync = Objects.requireNonNull(sync, "sync");
        this.interval = interval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.report = Objects.requireNonNull(report, "report");
        this.due = clock.instant();
    }

    /** One round when due (the first at once), else nothing; answers the round's outcomes. */
    public synchronized List<PrometheusSync.Outcome> tick() {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return List.of();
        }
        due = now.plus(interval);
        List<PrometheusSync.Outcome> outcomes = sync.sync(Optional.empty());
        if (!outcomes.isEmpty()) {
            report.accept(outcomes);
        }
        return outcomes;
    }

    /** Runs {@link #tick} on a virtual thread until {@link #close}. */
    public synchronized PrometheusSyncSchedule start() {
        if (thread == null) {
            Duration wake = interval.compareTo(WAKE) < 0 ? interval : WAKE;
            thread = Thread.ofVirtual().name("knobwright-prometheus-sync").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            tick();
                        } catch (RuntimeException e) { // e.g. the store closing under it: the next round tries again
                            report.accept(List.of());
                        }
                        Thread.sleep(wake);
                    }
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return this;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
