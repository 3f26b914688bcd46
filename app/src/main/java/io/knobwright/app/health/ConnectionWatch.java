package io.knobwright.app.health;

import io.knobwright.connectors.postgres.PostgresSessionSampler;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionStorm;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches one instance's connections arrive and leave while a screen shows it (decision 0131): samples
 * pg_stat_activity every {@code interval} (one second by default) on a daemon thread, adds the arrivals and
 * departures to a {@link ConnectionStorm} and hands each sample's events to the listener (on the sampling thread:
 * a view-model hops to the FX thread). The screen starts it when it comes to the front and closes it when it goes;
 * nothing is stored. A sample that fails stops the watch and tells the listener of failures why.
 */
public final class ConnectionWatch implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final PostgresSessionSampler sampler;
    private final ConnectionStorm storm = new ConnectionStorm();
    private final io.knobwright.model.health.SessionActivity activity =
            new io.knobwright.model.health.SessionActivity(io.knobwright.model.health.SessionActivity.DEFAULT_WINDOW);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("knobwright-connection-watch").unstarted(r));

    public ConnectionWatch(PostgresSessionSampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
    }

    /** Samples every {@code interval} until {@link #close}. */
    public void start(Duration interval, Consumer<List<ConnectionEvent>> events, Consumer<String> failed) {
        timer.scheduleAtFixedRate(() -> {
            try {
                events.accept(sampleNow());
            } catch (SQLException | RuntimeException e) {
                failed.accept("Watching connections stopped: " + e.getMessage());
                timer.shutdown();
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Samples every {@code interval} until {@link #close}, handing the last minutes' samples (oldest first) to
     * {@code window} after each: what the Health screen's live chart draws.
     */
    public void startActivity(Duration interval, Consumer<List<io.knobwright.model.health.SessionSample>> window,
                              Consumer<String> failed) {
        timer.scheduleAtFixedRate(() -> {
            try {
                List<io.knobwright.model.health.SessionSample> samples;
                synchronized (this) {
                    sampleActivity();
                    samples = activity.samples();
                }
                window.accept(samples);
            } catch (SQLException | RuntimeException e) {
                failed.accept("Watching connections stopped: " + e.getMessage());
                timer.shutdown();
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One sample now, on the calling thread (what the timer runs; tests call it between steps). */
    public synchronized List<ConnectionEvent> sampleNow() throws SQLException {
        return sampleActivity().events();
    }

    /** One sample now with the sessions by state and those opened since the previous one; kept in the window. */
    public synchronized io.knobwright.model.health.SessionSample sampleActivity() throws SQLException {
        io.knobwright.model.health.SessionSample sample = sampler.next();
        sample.events().forEach(storm::add);
        activity.add(sample);
        return sample;
    }

    /** The last minutes' samples, oldest first. */
    public synchronized List<io.knobwright.model.health.SessionSample> window() {
        return activity.samples();
    }

    /** What the watch has seen so far: peak arrivals per second, median session time, storm seconds. */
    public synchronized ConnectionStorm.Summary summary() {
        return storm.summary();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            sampler.close();
        }
    }
}
