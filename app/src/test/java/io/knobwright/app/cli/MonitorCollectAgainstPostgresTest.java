package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.Metric;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `monitor collect` against real servers: an embedded PostgreSQL that the test restarts on its data directory, and the
 * machine's PostgreSQL 15 service. Rates come from the second poll; a restart starts a new baseline; a server that is
 * down is reported with exit code 3 while the others are still polled and stored.
 */
class MonitorCollectAgainstPostgresTest {

    @TempDir
    Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private CliHarness cli;
    private AppContext context;

    @BeforeEach
    void serverAndFleet() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = start();
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        context.fleet().register(new Registration("restartable-pg", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                null, null, Tier.TEST, null, null, Map.of()));
        context.fleet().register(new Registration("local-pg15", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null, null, Tier.TEST, null, null, Map.of()));
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pgdata")).setCleanDataDirectory(false).setPort(port).start();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        cli.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private void work() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")); Statement st = c.createStatement()) {
            for (int i = 0; i < 50; i++) {
                st.execute("SELECT " + i);
            }
        }
    }

    @Test
    void secondCollectGivesRatesAndARestartStartsANewBaseline() throws Exception {
        CliHarness.Result first = cli.run("monitor", "collect", "--instance", "restartable-pg");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("restartable-pg: polled at").contains("first poll: counters stored as the baseline;"
                + " the next poll yields rates").contains("note: pg_stat_statements is not installed");
        work();
        Thread.sleep(1100);

        CliHarness.Result second = cli.run("monitor", "collect", "--instance", "restartable-pg");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("rates since the previous poll").containsPattern("commits +[0-9.]+ /s");
        long id = context.fleet().require("restartable-pg").id();
        assertThat(cli.store().workloadSeries().points(id, Metric.COMMITS, Instant.EPOCH, Instant.now().plusSeconds(60)))
                .singleElement().satisfies(p -> assertThat(p.value()).isPositive());

        postgres.close();
        postgres = start();
        CliHarness.Result afterRestart = cli.run("monitor", "collect", "--instance", "restartable-pg", "--json");
        assertThat(afterRestart.exitCode()).isZero();
        assertThat(afterRestart.out()).contains("\"baseline\" : \"SERVER_RESTARTED\"").doesNotContain("\"COMMITS\"");
    }

    @Test
    void aServerThatIsDownIsReportedAndTheOthersAreStillPolled() throws Exception {
        postgres.close();
        postgres = null;

        CliHarness.Result all = cli.run("monitor", "collect", "--all");

        assertThat(all.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(all.err()).contains("knobwright: 'restartable-pg' not polled:").contains("Nothing is listening at localhost:" + port);
        assertThat(all.out()).contains("local-pg15: polled at").doesNotContain("restartable-pg");
        long local = context.fleet().require("local-pg15").id();
        assertThat(cli.store().workloadSeries().baseline(local)).isPresent();
    }

    @Test
    void namingNoInstanceIsAUsageError() {
        CliHarness.Result none = cli.run("monitor", "collect");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--instance").contains("--all");
    }
}
