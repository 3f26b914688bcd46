package io.knobwright.app.health;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresSessionSampler;
import io.knobwright.model.health.SessionSample;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine's PostgreSQL 15, sampled once a second while 50 connections are opened and closed as fast as a client
 * can (each lives a few milliseconds, far shorter than the interval, so pg_stat_activity alone would miss most): the
 * sampler counts them from pg_stat_database.sessions and finds the storm.
 */
public class SessionSamplerStormAgainstPostgresTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void fiftyShortConnectionsWithinASecondAreAStorm() throws Exception {
        List<List<SessionSample>> windows = new CopyOnWriteArrayList<>();
        try (ConnectionWatch watch = new ConnectionWatch(PostgresSessionSampler.open(new ConnectionTarget(URL, "postgres", null),
                Clock.systemUTC()))) {
            watch.startActivity(ConnectionWatch.DEFAULT_INTERVAL, windows::add, failure -> { });
            waitForSamples(windows, 2);

            storm("promconn-storm", 50);

            int seen = windows.size();
            waitForSamples(windows, seen + 2); // the sample after the storm, and one more for the exits' flushed counts
            List<SessionSample> window = watch.window();
            int opened = window.stream().mapToInt(SessionSample::opened).sum();
            SessionSample peak = window.stream().max(java.util.Comparator.comparingDouble(SessionSample::openedPerSecond))
                    .orElseThrow();
            assertThat(window.getLast().openedCounted()).as("PostgreSQL 15 counts sessions").isTrue();
            assertThat(opened).as("every short connection counted, not only those a sample saw").isGreaterThanOrEqualTo(50);
            assertThat(peak.storm()).as("peak %s/s", peak.openedPerSecond()).isTrue();
            assertThat(window.stream().filter(SessionSample::storm).count()).isBetween(1L, 4L);
        }
    }

    /** Opens and closes {@code n} connections on four threads, as fast as they go. */
    public static void storm(String application, int n) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> {
                    Properties p = new Properties();
                    p.setProperty("user", "postgres");
                    p.setProperty("ApplicationName", application);
                    try (Connection c = DriverManager.getConnection(URL, p)) {
                        c.isValid(1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** Waits (bounded by attempts) until the watch has handed on {@code n} windows: the sampler runs on its own clock. */
    public static void waitForSamples(List<?> windows, int n) throws InterruptedException {
        for (int attempt = 0; attempt < 200 && windows.size() < n; attempt++) {
            Thread.sleep(50);
        }
        assertThat(windows.size()).as("samples arrived").isGreaterThanOrEqualTo(n);
    }
}
