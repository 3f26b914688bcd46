package io.knobwright.connectors.postgres;

import io.knobwright.model.health.ConnectionEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The once-a-second session sampler on the local PostgreSQL 15 (127.0.0.1:5432, trust; .ci/run starts it): sessions
 * that arrive are seen at their backend_start with their application, and sessions that leave are seen with their
 * session time. Other tests' sessions come and go on the same server, so only this test's application is counted.
 */
class PostgresSessionSamplerLocalServiceTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void arrivalsAndDeparturesOfSessionsAreSeenWithTheirApplication() throws Exception {
        String application = "kw-sampler-" + UUID.randomUUID().toString().substring(0, 8);
        try (PostgresSessionSampler sampler = PostgresSessionSampler.open(
                new io.knobwright.connectors.ConnectionTarget(URL, "postgres", null), Clock.systemUTC())) {
            assertThat(sampler.sample()).as("the first sample only sets what is there").isEmpty();

            List<Connection> sessions = new ArrayList<>();
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("ApplicationName", application);
            props.setProperty("assumeMinServerVersion", "10");
            for (int i = 0; i < 3; i++) {
                sessions.add(DriverManager.getConnection(URL, props));
            }
            List<ConnectionEvent> arrived = ours(sampler.sample(), application);
            assertThat(arrived).hasSize(3).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.CONNECTED);
                assertThat(e.user()).isEqualTo("postgres");
                assertThat(e.database()).isEqualTo("postgres");
                assertThat(Double.isNaN(e.sessionSeconds())).isTrue();
            });

            for (Connection c : sessions) {
                c.close();
            }
            // a backend leaves pg_stat_activity shortly after its client closed: sample until all three are gone
            List<ConnectionEvent> departed = new ArrayList<>();
            for (int attempt = 0; attempt < 400 && departed.size() < 3; attempt++) {
                departed.addAll(ours(sampler.sample(), application));
                if (departed.size() < 3) {
                    Thread.sleep(25);
                }
            }
            assertThat(departed).hasSize(3).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.DISCONNECTED);
                assertThat(e.sessionSeconds()).isGreaterThanOrEqualTo(0);
            });
        }
    }

    @Test
    void onlyPostgresqlIsSampled() {
        assertThatThrownBy(() -> PostgresSessionSampler.open(
                new io.knobwright.connectors.ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/test", "root", null), Clock.systemUTC()))
                .hasMessageContaining("PostgreSQL only");
    }

    private static List<ConnectionEvent> ours(List<ConnectionEvent> events, String application) {
        return events.stream().filter(e -> application.equals(e.application())).toList();
    }
}
