package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.backup.BackupService;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.testing.ManualClock;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backups section of the Health tab with real backups: pg_dump -Fc of a database of this test's own on the local
 * PostgreSQL 15 service (created and dropped here), one a day at 01:30 for two weeks with two days skipped, the newest
 * corrupted by flipping 16 bytes in its middle. Each dump's modification time is set to its day (the verifier reads
 * the time a custom dump was taken from it), each is verified by the real {@link BackupService} into a real store, and
 * the Health tab is opened 9 hours after the newest: its last good backup is 33 h old against an RPO of 24 h.
 * Then one more good dump is verified and the section says the RPO is met. Photographed light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class BackupTimelineFromRealBackupsUiTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PG_DUMP = "/usr/lib/postgresql/15/bin/pg_dump";
    private final String database = "bktimeline_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Stage stage;
    private KnobwrightStore store;

    @TempDir
    Path backups;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (store != null) {
            store.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void theTimelineShowsTheDamagedBackupTheMissedRunsAndTheRpoOfRealDumps(FxRobot robot) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text)");
        }
        store = KnobwrightStore.inMemory("backup-timeline-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        Instance instance = context.fleet().register(new Registration("orders-pg15", SERVER + database, "postgres", null,
                null, Tier.PRODUCTION, null, null, Map.of()));
        BackupService service = context.backups();
        service.watch(instance, backups, Duration.ofHours(24), null);

        // Nightly at 01:30 UTC; slot 0 is yesterday's run, slots -8 and -7 never ran, slot 0 is corrupted.
        Instant newest = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofMinutes(90));
        ManualClock clock = new ManualClock(newest.minus(Duration.ofDays(13)).plus(Duration.ofHours(5)));
        HealthViewModel vm = new HealthViewModel(new BackgroundWork(TaskRunner.inline(), Platform::runLater, (a, d) -> { }),
                HealthDesk.of(context, context.monitor(), clock), ZoneOffset.UTC);
        BackupHealthViewModel backupsVm = vm.backups();
        Theme theme = new Theme();
        HealthView view = fx(() -> {
            HealthView v = new HealthView(vm, ZoneOffset.UTC);
            StackPane root = new StackPane(v);
            theme.style(root, HealthView.STYLESHEETS.toArray(String[]::new));
            stage.setScene(new Scene(root, 1000, 700));
            stage.show();
            vm.show(instance);
            return v;
        });
        waitUntilRead(vm);
        assertThat(backupsVm.messageProperty().get()).startsWith("No backup of orders-pg15 was verified yet, though "
                + backups + " is watched").contains("knobwright backup verify --path P --instance orders-pg15");
        BackupTimelineChart chart = (BackupTimelineChart) view.lookup("#health-backup-chart");
        assertThat(fx(() -> chart.getParent().isVisible())).as("the section's content waits for a backup").isFalse();

        // The first night: one good backup, 5 h old.
        long rows = grow(0, 6_000);
        assertThat(service.verify(dump(newest.minus(Duration.ofDays(13)), false), Optional.of(instance)).verification()
                .status()).isEqualTo(BackupStatus.GOOD);
        fx(vm::refresh);
        waitUntilRead(vm);
        assertThat(backupsVm.rpoTextProperty().get()).isEqualTo("Last good backup 5 h ago (RPO 24 h) — OK");
        assertThat(backupsVm.scheduleTextProperty().get()).startsWith("Schedule unknown: 3 backups are needed");
        assertThat(fx(() -> chart.lookupAll(".backup-bar"))).hasSize(1);
        assertThat(Snapshots.writeNode(chart, 1200, 340, "backup-timeline-one-backup.png")).exists();

        for (int slot = -12; slot <= 0; slot++) {
            rows = grow(rows, 400);
            if (slot == -8 || slot == -7) {
                continue;
            }
            Instant taken = newest.plus(Duration.ofDays(slot));
            Path dump = dump(taken, slot == 0);
            assertThat(service.verify(dump, Optional.of(instance)).verification().status())
                    .as("dump of slot %d", slot).isEqualTo(slot == 0 ? BackupStatus.DAMAGED : BackupStatus.GOOD);
        }
        clock.advance(Duration.ofDays(13).plusHours(4));
        fx(vm::refresh);
        waitUntilRead(vm);

        assertThat(backupsVm.messageProperty().get()).isEmpty();
        assertThat(backupsVm.rpoTextProperty().get()).isEqualTo("Last good backup 33 h ago (RPO 24 h) — overdue by 9 h");
        assertThat(backupsVm.rpoMetProperty().get()).isFalse();
        assertThat(backupsVm.scheduleTextProperty().get())
                .startsWith("Every 24 h (inferred from the backup times) · 2 missed runs, the last expected")
                .contains("watched: " + backups);
        assertThat(backupsVm.latestTextProperty().get()).contains("damaged").contains("pg_dump archive (custom)");
        assertThat(backupsVm.latestProblems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith(fileName(newest)));
        assertThat(backupsVm.recent()).hasSize(BackupHealthViewModel.RECENT);
        assertThat(backupsVm.recent().getFirst().verdict()).isEqualTo("damaged");
        assertThat(backupsVm.recent().get(1).verdict()).isEqualTo("good");

        fx(() -> {
            assertThat(chart.lookupAll(".backup-bar")).hasSize(12);
            assertThat(chart.lookupAll(".backup-bar.backup-damaged")).singleElement().satisfies(bar ->
                    assertThat(tooltipOf(bar)).contains("DAMAGED").contains(fileName(newest)).contains("problem"));
            assertThat(chart.lookupAll(".backup-bar.backup-good")).hasSize(11);
            assertThat(chart.lookupAll(".missed-run")).hasSize(2)
                    .allSatisfy(m -> assertThat(tooltipOf(m)).startsWith("Missed run"));
            assertThat(chart.lookup(".rpo-span.rpo-span-overdue")).isNotNull();
            Label rpo = (Label) view.lookup("#health-backup-rpo");
            assertThat(rpo.getStyleClass()).contains("backup-rpo-overdue");
            return null;
        });
        Node section = chart.getParent().getParent();
        Path sectionPng = Snapshots.writeNode(section, 1300, 980, "health-backups-section.png");
        Path screen = Snapshots.writeAt(stage.getScene(), 1400, 2300, "health-screen-backups.png");
        robot.interact(() -> theme.darkProperty().set(true));
        Path dark = Snapshots.writeNode(section, 1300, 980, "health-backups-section-dark.png");
        robot.interact(() -> theme.darkProperty().set(false));
        assertThat(sectionPng).exists();
        assertThat(screen).exists();
        assertThat(dark).exists();

        // Tonight's run came on time and is good: within the RPO again.
        grow(rows, 400);
        Path tonight = dump(newest.plus(Duration.ofDays(1)), false);
        assertThat(service.verify(tonight, Optional.of(instance)).verification().status()).isEqualTo(BackupStatus.GOOD);
        clock.advance(Duration.ofHours(17));
        fx(vm::refresh);
        waitUntilRead(vm);
        assertThat(backupsVm.rpoTextProperty().get()).isEqualTo("Last good backup 2 h ago (RPO 24 h) — OK");
        assertThat(backupsVm.rpoMetProperty().get()).isTrue();
        assertThat(fx(() -> chart.lookup(".rpo-span.rpo-span-met"))).isNotNull();
        assertThat(Snapshots.writeNode(section, 1300, 980, "health-backups-section-ok.png")).exists();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntilRead(HealthViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.backups().loadingProperty().get()
                && !vm.connectionsLoadingProperty().get() && !vm.storageLoadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tooltipOf(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t.getText() : "";
    }

    private long grow(long rows, int more) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO orders SELECT g, g % 997, repeat(md5(g::text), 3) FROM generate_series(" + (rows + 1)
                    + ", " + (rows + more) + ") g");
        }
        return rows + more;
    }

    private static String fileName(Instant taken) {
        return "orders-" + taken.atOffset(ZoneOffset.UTC).toLocalDate() + ".dump";
    }

    /** pg_dump -Fc into the backup directory, dated {@code taken}; {@code corrupt} flips 16 bytes in its middle. */
    private Path dump(Instant taken, boolean corrupt) throws Exception {
        Path file = backups.resolve(fileName(taken));
        Process p = new ProcessBuilder(PG_DUMP, "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", file.toString(), database)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        if (corrupt) {
            flip(file, Files.size(file) / 2);
        }
        Files.setLastModifiedTime(file, FileTime.from(taken));
        return file;
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (long i = at; i < at + 16; i++) {
                f.seek(i);
                int b = f.read();
                f.seek(i);
                f.write(b ^ 0xff);
            }
        }
    }
}
