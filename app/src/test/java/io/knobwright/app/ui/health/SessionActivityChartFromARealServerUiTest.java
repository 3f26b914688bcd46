package io.knobwright.app.ui.health;

import atlantafx.base.theme.PrimerLight;
import io.knobwright.app.health.ConnectionWatch;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresSessionSampler;
import io.knobwright.model.health.SessionSample;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live session chart over 24 real one-second samples (the watch's own timer) of the machine's PostgreSQL 15: an API pool of six idle
 * sessions, two idle in a transaction, a report running pg_sleep, and two storms of short connections (80, then 60, as fast as four client threads go).
 * Written to app/target/snapshots/session-activity-live.png.
 */
@ExtendWith(ApplicationExtension.class)
class SessionActivityChartFromARealServerUiTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static Connection open(String application) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("ApplicationName", application);
        return DriverManager.getConnection(URL, p);
    }

    @Test
    void aStormStandsOutAboveTheSessionsByState() throws Exception {
        List<Connection> held = new ArrayList<>();
        List<SessionSample> window;
        try (ConnectionWatch watch = new ConnectionWatch(PostgresSessionSampler.open(new ConnectionTarget(URL, "postgres", null),
                Clock.systemUTC())); ExecutorService reports = Executors.newVirtualThreadPerTaskExecutor()) {
            List<List<SessionSample>> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
            watch.startActivity(ConnectionWatch.DEFAULT_INTERVAL, windows::add, failure -> { });
            for (int second = 0; second < 24; second++) {
                // the sampler runs on its own one-second timer; the scenario moves on with its samples
                io.knobwright.app.health.SessionSamplerStormAgainstPostgresTest.waitForSamples(windows, second + 1);
                if (second == 2) {
                    for (int i = 0; i < 6; i++) {
                        held.add(open("promconn-api"));
                    }
                }
                if (second == 5) {
                    for (int i = 0; i < 2; i++) {
                        Connection c = open("promconn-batch");
                        c.setAutoCommit(false);
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        held.add(c);
                    }
                }
                if (second == 7) {
                    reports.submit(() -> {
                        try (Connection c = open("promconn-report"); Statement st = c.createStatement()) {
                            st.execute("SELECT pg_sleep(9)");
                        }
                        return null;
                    });
                }
                if (second == 10) {
                    io.knobwright.app.health.SessionSamplerStormAgainstPostgresTest.storm("promconn-cron", 80);
                }
                if (second == 17) {
                    io.knobwright.app.health.SessionSamplerStormAgainstPostgresTest.storm("promconn-cron", 60);
                }
                if (second == 20) {
                    held.removeFirst().close();
                    held.removeFirst().close();
                }
            }
            io.knobwright.app.health.SessionSamplerStormAgainstPostgresTest.waitForSamples(windows, 26);
            window = windows.get(25).subList(Math.max(0, windows.get(25).size() - 24), windows.get(25).size());
        } finally {
            for (Connection c : held) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.close();
            }
        }
        assertThat(window).hasSize(24);
        assertThat(window.stream().filter(SessionSample::storm).count()).isGreaterThanOrEqualTo(2);
        assertThat(window.stream().anyMatch(s -> s.byState().getOrDefault("idle in transaction", 0) >= 2)).isTrue();

        List<SessionSample> shown = window;
        SessionActivityChart chart = WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            SessionActivityChart c = new SessionActivityChart(ZoneOffset.UTC);
            stage.setScene(new Scene(new StackPane(c), 1000, 620));
            stage.show();
            c.show(shown);
            return c;
        }).get(20, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getChildren()).hasSize(2);
        Path png = Snapshots.write(stage.getScene(), "session-activity-live.png");
        assertThat(Files.size(png)).isPositive();
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark()
                .getUserAgentStylesheet())).get(20, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.size(Snapshots.write(stage.getScene(), "session-activity-live-dark.png"))).isPositive();
        System.out.println("opened per sample: " + window.stream().map(s -> Math.round(s.openedPerSecond())).toList()
                + "; states at the end: " + window.getLast().byState());
    }
}
