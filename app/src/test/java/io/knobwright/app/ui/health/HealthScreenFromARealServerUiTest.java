package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.monitor.InstancePoller;
import io.knobwright.app.monitor.MonitorService;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.WorkloadCollectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import java.sql.Statement;
import io.knobwright.app.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Health screen with real data: an instance on the local PostgreSQL 15 service, in a database of this test's own
 * (created and dropped here), polled a dozen times by the monitor while sessions of two applications come and one
 * sits idle in a transaction; the polls' clock steps a minute each so the test need not wait. 150 days of size
 * history are imported before the measured sizes. Photographed light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class HealthScreenFromARealServerUiTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "kw_health_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Stage stage;
    private KnobwrightStore store;
    private final List<Connection> sessions = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        for (Connection c : sessions) {
            c.close();
        }
        if (store != null) {
            store.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }


    private Connection open(String application) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("ApplicationName", application);
        Connection c = DriverManager.getConnection(SERVER + database, p);
        sessions.add(c);
        return c;
    }

    @Test
    void theHealthScreenShowsConnectionsStorageAndIndexesOfARealServer(FxRobot robot) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        store = KnobwrightStore.inMemory("health-real-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        Instance registered = context.fleet().register(new Registration("orders-pg15", SERVER + database, "postgres", null,
                null, Tier.PRODUCTION, null, null, Map.of()));
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20)));
        MonitorService monitor = new MonitorService(store.workloadSeries(), store.relationSeries(), store.connectionUse(),
                InstancePoller.connecting(store.vault(), WorkloadCollectors.defaults(clock)), clock, 1);

        Connection writer = open("order-loader");
        try (Statement st = writer.createStatement()) {
            st.execute("CREATE TABLE orders (id bigint, customer_id bigint, note text)");
            st.execute("CREATE TABLE events (id bigint, payload text)");
        }
        Connection leak = open("billing-api");
        leak.setAutoCommit(false);
        try (Statement st = leak.createStatement()) {
            st.execute("UPDATE orders SET note = 'x' WHERE id = 1");
        }
        for (int minute = 0; minute < 12; minute++) {
            while (sessions.size() < 3 + minute / 2) {
                open("billing-api");
            }
            if (minute == 4) {
                open("bi-reports");
                open("bi-reports");
            }
            try (Statement st = writer.createStatement()) {
                st.execute("INSERT INTO events SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 5000) g");
                st.execute("INSERT INTO orders SELECT g, g % 100, 'n' FROM generate_series(1, 2000) g");
            }
            assertThat(monitor.pollNow(registered).succeeded()).isTrue();
            clock.advance(Duration.ofMinutes(1));
        }

        // 150 days of imported history before the measured sizes: steady weekday growth.
        SizeSeries measured = context.storageForecasts().history(registered, "total");
        long now = measured.points().getFirst().bytes();
        Instant first = measured.points().getFirst().at();
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        double size = now;
        for (int back = 1; back <= 150; back++) {
            Instant at = first.minus(Duration.ofDays(back)).truncatedTo(ChronoUnit.HOURS);
            int weekday = at.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue();
            size -= (weekday >= 6 ? 0.15 : 1.0) * now * 0.003 * (1 + 0.6 * (random.nextDouble() - 0.5));
            lines.addFirst(at + "," + Math.round(size * (1 + 0.008 * (random.nextDouble() - 0.5))));
        }
        lines.addFirst("timestamp,bytes");
        Path csv = Files.createTempFile("sizes", ".csv");
        Files.write(csv, lines);
        assertThat(context.storageForecasts().importSeries(registered, "total", csv)).isEqualTo(150);
        // a disk that the trend fills in about five weeks
        Instance instance = registered.withHardware(new HardwareFacts(4, 16L << 30, DiskType.SSD,
                measured.points().getLast().bytes() + Math.round(now * 0.09)));

        TaskRunner tasks = TaskRunner.inline();
        HealthViewModel vm = new HealthViewModel(new BackgroundWork(tasks, Platform::runLater, (a, d) -> { }),
                HealthDesk.of(context, monitor, clock), ZoneOffset.UTC);
        Theme theme = new Theme();
        robot.interact(() -> {
            HealthView view = new HealthView(vm, ZoneOffset.UTC);
            StackPane root = new StackPane(view);
            theme.style(root, HealthView.STYLESHEETS.toArray(String[]::new));
            stage.setScene(new Scene(root, 1000, 700));
            stage.show();
            vm.show(instance);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.connectionsLoadingProperty().get()
                && !vm.storageLoadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.connectionsMessageProperty().get()).isEmpty();
        assertThat(vm.connectionsProperty().get().history()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(vm.leaks()).anySatisfy(row -> assertThat(row.application()).isEqualTo("billing-api"));
        assertThat(vm.utilisationTextProperty().get()).contains("usable connections in use");
        assertThat(vm.storageMessageProperty().get()).isEmpty();
        assertThat(vm.thresholdTextProperty().get()).contains("reached on");
        assertThat(vm.backtestTextProperty().get()).startsWith("Backtest");
        assertThat(vm.largestTables()).extracting(HealthViewModel.TableRow::table)
                .contains(database + ".public.events", database + ".public.orders");
        assertThat(vm.indexesUnsupportedProperty().get()).isEmpty();

        Path png = Snapshots.writeAt(stage.getScene(), 1400, 2000, "health-screen.png");
        robot.interact(() -> theme.darkProperty().set(true));
        Path dark = Snapshots.writeAt(stage.getScene(), 1400, 2000, "health-screen-dark.png");
        assertThat(Files.size(png)).isPositive();
        assertThat(Files.size(dark)).isPositive();
        monitor.close();
    }
}
