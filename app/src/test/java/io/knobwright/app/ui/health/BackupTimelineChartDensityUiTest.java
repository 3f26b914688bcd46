package io.knobwright.app.ui.health;

import io.knobwright.app.backup.BackupService;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupSchedule;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.ProblemKind;
import io.knobwright.model.backup.RpoCompliance;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline at the density of a long history: 200 nightly base backups (constructed values: making and verifying
 * 200 real backups would take minutes of the shared machine; {@link BackupTimelineFromRealBackupsUiTest} has the real
 * ones) with their durations, a few damaged, one unchecked, a week of missed runs. Bars must stay apart, each one
 * visible, and the missed runs stand out.
 */
@ExtendWith(ApplicationExtension.class)
class BackupTimelineChartDensityUiTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private Stage stage;
    private Theme theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = new Theme(); // Primer's tokens before the first CSS pass
        stage.setScene(new Scene(new StackPane(), 960, 400));
        stage.show();
    }

    @Test
    void twoHundredBackupsStayApartAndTheMissedWeekStandsOut() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<BackupVerification> backups = new ArrayList<>();
        Instant first = NOW.minus(Duration.ofDays(206)).minus(Duration.ofHours(7));
        double gib = 40;
        for (int night = 0; night < 207; night++) {
            gib += 0.08 + 0.05 * random.nextDouble();
            if (night >= 120 && night < 127) {
                continue; // the backup host was down for a week
            }
            Instant taken = first.plus(Duration.ofDays(night)).plusSeconds(random.nextInt(600));
            List<BackupProblem> problems = switch (night % 67) {
                case 31 -> List.of(new BackupProblem("base/16384/2619", ProblemKind.CHECKSUM_MISMATCH, "pg_verifybackup"),
                        new BackupProblem("pg_wal", ProblemKind.WAL_MISSING, ""));
                default -> List.of();
            };
            BackupKind kind = night == 150 ? BackupKind.PG_BASE_BACKUP_TAR : BackupKind.PG_BASE_BACKUP;
            if (night == 150) {
                problems = List.of(new BackupProblem("base.tar", ProblemKind.TOOL_MISSING, "tar format not verified"));
            }
            backups.add(BackupVerification.of("/backups/orders/" + taken.toString().substring(0, 10), kind, taken,
                    Math.round(gib * (1L << 30)), Duration.ofMinutes(38 + random.nextInt(20)), taken.plus(Duration.ofHours(1)),
                    problems, Map.of(), List.of()));
        }
        assertThat(backups).hasSize(200);
        BackupSchedule schedule = BackupSchedule.of(backups.stream().map(BackupVerification::takenAt).toList(), null, NOW);
        RpoCompliance rpo = RpoCompliance.of(backups, Duration.ofHours(24), NOW);
        BackupService.Overview overview = new BackupService.Overview(backups, Optional.empty(), rpo, schedule);

        BackupTimelineChart chart = WaitForAsyncUtils.asyncFx(() -> {
            BackupTimelineChart c = new BackupTimelineChart(ZoneOffset.UTC);
            theme.style(stage.getScene().getRoot(), BackupTimelineChart.STYLESHEET);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(c);
            c.show(BackupSection.CHART_HEADING, overview);
            return c;
        }).get(10, TimeUnit.SECONDS);
        assertThat(Snapshots.writeAt(stage.getScene(), 1200, 360, "backup-timeline-200-backups.png")).exists();

        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(chart.lookupAll(".backup-bar")).hasSize(200);
            assertThat(chart.lookupAll(".backup-bar.backup-damaged")).hasSize(3);
            assertThat(chart.lookupAll(".backup-bar.backup-unchecked")).hasSize(1);
            assertThat(chart.lookupAll(".missed-run")).hasSize(7);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertThat(rpo.compliant()).isTrue();
    }
}
