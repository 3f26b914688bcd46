package io.knobwright.app.health;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresSessionSampler;
import io.knobwright.model.health.ConnectionEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watching the machine's PostgreSQL 15: sessions that a client opens between two samples are arrivals at their
 * backend_start, with their application name; closed, they are departures with a session time.
 */
class ConnectionWatchAgainstPostgresTest {

    @Test
    void sessionsOpenedAndClosedBetweenSamplesAreArrivalsAndDepartures() throws Exception {
        String app = "kw-watch-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try (ConnectionWatch watch = new ConnectionWatch(PostgresSessionSampler.open(
                new ConnectionTarget("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null), Clock.systemUTC()))) {
            assertThat(watch.sampleNow()).isEmpty();
            List<Connection> opened = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Properties p = new Properties();
                    p.setProperty("user", "postgres");
                    p.setProperty("ApplicationName", app);
                    opened.add(DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", p));
                }
                List<ConnectionEvent> arrived = watch.sampleNow().stream().filter(e -> e.application().equals(app)).toList();
                assertThat(arrived).hasSize(5).allSatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.CONNECTED);
                    assertThat(e.user()).isEqualTo("postgres");
                });
            } finally {
                for (Connection c : opened) {
                    c.close();
                }
            }
            // a closed session's backend may take a moment to leave pg_stat_activity: sample until it has gone
            // (bounded by attempts, not by a deadline)
            List<ConnectionEvent> left = new ArrayList<>();
            for (int attempt = 0; attempt < 400 && left.size() < 5; attempt++) {
                watch.sampleNow().stream().filter(e -> e.application().equals(app)).forEach(left::add);
                if (left.size() < 5) {
                    Thread.sleep(25);
                }
            }
            assertThat(left).hasSize(5).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.DISCONNECTED);
                assertThat(e.sessionSeconds()).isGreaterThanOrEqualTo(0);
            });
            assertThat(watch.summary().byApplication()).containsEntry(app, 5);
        }
    }
}
