package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `recommend` for the machine's PostgreSQL 15, registered as staging: the settings, version and catalog are the real
 * server's; the workload is the demo workload's series stored as `monitor collect` stores them (two weeks of a real
 * application cannot be collected in a test).
 */
class RecommendAgainstPostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private CliHarness cli;
    private AppContext context;

    @BeforeEach
    void registered() {
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "alice");
        context.fleet().register(new Registration("staging", URL, "postgres", null, null, Tier.TEST, null, null, Map.of()));
    }

    @AfterEach
    void close() {
        context.close();
        cli.close();
    }

    private void collected(Instance instance) {
        InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        for (Metric metric : Metric.values()) {
            var all = demo.points(instance.id(), metric, to.minus(Duration.ofDays(15)), to);
            var hourly = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!hourly.isEmpty()) {
                cli.store().workloadSeries().importPoints(instance.id(), metric, hourly);
            }
        }
    }

    @Test
    void recommendsFromTheServersOwnSettingsInItsOwnSpelling() throws Exception {
        assertThat(cli.run("fleet", "edit", "staging", "--ram", "32GB", "--cpus", "8").exitCode()).isZero();
        collected(cli.instances().findByName("staging").orElseThrow());

        CliHarness.Result r = cli.run("recommend", "--instance", "staging", "--allow-restart", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("engine").asText()).isEqualTo("PostgreSQL 15");
        JsonNode changes = json.get("recommendations");
        assertThat(changes.size()).as(json.toString()).isPositive();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             PreparedStatement setting = c.prepareStatement("SELECT setting, unit FROM pg_settings WHERE name = ?")) {
            for (JsonNode change : changes) {
                setting.setString(1, change.get("parameter").asText());
                try (ResultSet rs = setting.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(change.get("from").asText()).as(change.get("parameter").asText())
                            .isEqualTo(rs.getString(1));
                }
            }
        }
        CliHarness.Result sql = cli.run("recommend", "--instance", "staging", "--allow-restart", "--format", "sql");
        assertThat(sql.out()).contains("ALTER SYSTEM SET " + changes.get(0).get("parameter").asText() + " = '"
                + changes.get(0).get("to").asText() + "';");
    }
}
