package io.knobwright.app.ui.health;

import atlantafx.base.theme.PrimerLight;
import io.knobwright.app.monitor.InstancePoller;
import io.knobwright.app.monitor.MonitorService;
import io.knobwright.app.monitor.PollOutcome;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresWorkloadCollector;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.store.KnobwrightStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import io.knobwright.app.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection-use chart with real polled data: an embedded PostgreSQL with max_connections = 40 gets sessions of
 * three applications (a growing API pool, a report burst, a steady cron), polled by the monitor and stored; the chart
 * shows the stored use under the max_connections and usable lines. The polls' clock steps a minute per poll so the
 * series spans a readable quarter of an hour without the test waiting for it; the sessions are the server's own.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionUseChartFromARealServerUiTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static EmbeddedPostgres postgres;
    private Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "40")
                .setServerConfig("superuser_reserved_connections", "3").start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }


    private static Connection open(String url, String application) throws Exception {
        Properties p = new Properties();
        p.setProperty("ApplicationName", application);
        return DriverManager.getConnection(url, p);
    }

    @Test
    void connectionUseByApplicationUnderTheLimitLines(FxRobot robot) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        ManualClock clock = new ManualClock(T0);
        List<Connection> api = new ArrayList<>();
        Deque<Connection> reports = new java.util.ArrayDeque<>();
        List<Connection> cron = new ArrayList<>();
        List<ConnectionUse> use;
        Instance instance;
        long pollMillis = 0;
        long t0 = System.nanoTime();
        try (KnobwrightStore store = KnobwrightStore.inMemory("connection-chart-" + UUID.randomUUID(), false)) {
            PostgresWorkloadCollector collector = new PostgresWorkloadCollector(clock);
            InstancePoller poller = polled -> collector.collect(new ConnectionTarget(url, "postgres", null));
            instance = store.instances().saveAll(List.of(new Instance(0, "chart-pg", Engine.POSTGRESQL, "14", "14", null,
                    Map.of(), null, null, null, null, false))).getFirst();
            try (MonitorService monitor = new MonitorService(store.workloadSeries(), store.connectionUse(), poller, clock, 1)) {
                for (int i = 0; i < 3; i++) {
                    cron.add(open(url, "nightly-cron"));
                }
                for (int minute = 0; minute < 16; minute++) {
                    while (api.size() < 4 + minute) {
                        api.add(open(url, "billing-api"));
                    }
                    int wanted = minute >= 5 && minute <= 10 ? 3 + (minute - 5) * 2 : 0;
                    while (reports.size() < wanted) {
                        reports.push(open(url, "bi-reports"));
                    }
                    while (reports.size() > wanted) {
                        reports.pop().close();
                    }
                    PollOutcome outcome = monitor.pollNow(instance);
                    assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
                    pollMillis += outcome.took().toMillis();
                    clock.advance(Duration.ofMinutes(1));
                }
            }
            use = store.connectionUse().use(instance.id(), T0, T0.plus(Duration.ofHours(1)));
        } finally {
            for (Connection c : api) {
                c.close();
            }
            for (Connection c : reports) {
                c.close();
            }
            for (Connection c : cron) {
                c.close();
            }
        }
        System.out.println("16 polls took " + pollMillis + " ms; polls and sessions " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(use).hasSize(16);
        assertThat(use.getLast().byApplication()).containsEntry("billing-api", 19.0).containsEntry("nightly-cron", 3.0);
        assertThat(use.getLast().maxConnections()).isEqualTo(40);
        assertThat(use.getLast().usable()).isEqualTo(37);

        ConnectionUseChart chart = WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ConnectionUseChart c = new ConnectionUseChart(ZoneOffset.UTC);
            stage.setScene(new Scene(new StackPane(c), 1000, 560));
            stage.show();
            c.show(use);
            return c;
        }).get(20, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData()).extracting(XYChart.Series::getName).contains("billing-api", "bi-reports", "nightly-cron");
        Path png = Snapshots.write(stage.getScene(), "connection-use-by-application.png");
        assertThat(Files.size(png)).isPositive();
        Map<String, Double> last = use.getLast().byApplication();
        System.out.println("connection use at the last poll: " + last + " of " + use.getLast().usable() + " usable");
    }
}
