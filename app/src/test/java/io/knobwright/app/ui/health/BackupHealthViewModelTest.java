package io.knobwright.app.ui.health;

import io.knobwright.app.backup.BackupService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupSchedule;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.ProblemKind;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Backups section's states without a toolkit: never verified, within the RPO, overdue, no good backup, a failure. */
class BackupHealthViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instance SHOP = new Instance(7, "shop", Engine.POSTGRESQL, "15", null,
            new ConnectionSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres", null), Map.of(), null, null, null, null, false);

    private static BackupVerification backup(Instant taken, ProblemKind... problems) {
        List<BackupProblem> named = new ArrayList<>();
        for (ProblemKind kind : problems) {
            named.add(new BackupProblem("shop-" + taken.toString().substring(0, 10) + ".dump", kind, "pg_restore said so"));
        }
        return BackupVerification.of("/backups/shop-" + taken.toString().substring(0, 10) + ".dump", BackupKind.PG_DUMP_CUSTOM,
                taken, 3L << 20, null, taken.plus(Duration.ofMinutes(5)), named, Map.of(), List.of());
    }

    /** Nightly backups at 02:00 on the given days before NOW's day (1 = yesterday). */
    private static List<BackupVerification> nightly(int... daysAgo) {
        List<BackupVerification> list = new ArrayList<>();
        for (int ago : daysAgo) {
            list.add(backup(Instant.parse("2026-12-06T02:00:00Z").minus(Duration.ofDays(ago))));
        }
        return list;
    }

    private static BackupService.Overview overview(List<BackupVerification> backups, Optional<BackupWatch> watch) {
        Duration rpo = watch.map(BackupWatch::rpo).orElse(BackupService.DEFAULT_RPO);
        return new BackupService.Overview(backups, watch, RpoCompliance.of(backups, rpo, NOW),
                BackupSchedule.of(backups.stream().map(BackupVerification::takenAt).toList(), null, NOW));
    }

    private static BackupHealthViewModel vm(Function<Instance, BackupService.Overview> read) {
        BackupHealthViewModel vm = new BackupHealthViewModel(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }),
                read, ZoneId.of("UTC"));
        vm.show(SHOP);
        return vm;
    }

    @Test
    void withoutAVerifiedBackupItSaysSoAndNamesTheCommandsThatChangeIt() {
        BackupHealthViewModel vm = vm(i -> overview(List.of(), Optional.empty()));
        assertThat(vm.messageProperty().get()).isEqualTo("No backup of shop was ever verified, so nothing says it can be"
                + " restored. Verify one with `knobwright backup verify --path P --instance shop`, or watch its backup"
                + " directory with `knobwright backup watch --instance shop --path DIR --rpo 24h` so each new backup is"
                + " verified within 5 minutes.");
        assertThat(vm.overviewProperty().get()).isNull();
        assertThat(vm.recent()).isEmpty();
    }

    @Test
    void aWatchedDirectoryWithoutAVerifiedBackupYetSaysWhenOneWillBe() {
        BackupWatch watch = new BackupWatch(7, "shop", "/backups", Duration.ofHours(12), null);
        BackupHealthViewModel vm = vm(i -> overview(List.of(), Optional.of(watch)));
        assertThat(vm.messageProperty().get()).startsWith("No backup of shop was verified yet, though /backups is watched")
                .contains("knobwright backup verify --path P --instance shop");
    }

    @Test
    void aRecentGoodBackupMeetsTheRpo() {
        BackupHealthViewModel vm = vm(i -> overview(nightly(4, 3, 2, 1, 0), Optional.empty()));
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.rpoTextProperty().get()).isEqualTo("Last good backup 10 h ago (RPO 24 h) — OK");
        assertThat(vm.rpoMetProperty().get()).isTrue();
        assertThat(vm.scheduleTextProperty().get()).startsWith("Every 24 h (inferred from the backup times) · no missed run")
                .contains("not watched: `knobwright backup watch --instance shop --path DIR`");
        assertThat(vm.latestTextProperty().get()).isEqualTo("Newest backup Sun 6 Dec 02:00 (pg_dump archive (custom), 3.0 MB): good");
        assertThat(vm.latestProblems()).isEmpty();
        assertThat(vm.recent()).hasSize(5).first().satisfies(row -> {
            assertThat(row.taken()).isEqualTo("Sun 6 Dec 02:00");
            assertThat(row.verdict()).isEqualTo("good");
            assertThat(row.problems()).isEmpty();
        });
    }

    @Test
    void aDamagedNewestBackupLeavesTheInstanceOverdueWithItsProblemsNamed() {
        List<BackupVerification> backups = new ArrayList<>(nightly(6, 5, 2));
        backups.add(backup(Instant.parse("2026-12-05T02:00:00Z"), ProblemKind.TRUNCATED, ProblemKind.OTHER));
        BackupWatch watch = new BackupWatch(7, "shop", "/backups", Duration.ofHours(24), null);
        BackupHealthViewModel vm = vm(i -> overview(backups, Optional.of(watch)));
        assertThat(vm.rpoTextProperty().get()).isEqualTo("Last good backup 2 days 10 h ago (RPO 24 h) — overdue by 34 h");
        assertThat(vm.rpoMetProperty().get()).isFalse();
        assertThat(vm.scheduleTextProperty().get()).contains("2 missed runs, the last expected Thu 3 Dec 02:00")
                .endsWith("watched: /backups");
        assertThat(vm.latestTextProperty().get()).endsWith(": damaged — 2 problems");
        assertThat(vm.latestProblems()).containsExactly("shop-2026-12-05.dump: truncated (pg_restore said so)",
                "shop-2026-12-05.dump: problem (pg_restore said so)");
        assertThat(vm.recent().getFirst().verdict()).isEqualTo("damaged");
        assertThat(vm.recent().getFirst().problems()).isEqualTo("2: truncated (pg_restore said so)");
    }

    @Test
    void onlyDamagedBackupsAreNoGoodBackup() {
        List<BackupVerification> backups = List.of(backup(NOW.minus(Duration.ofHours(3)), ProblemKind.CORRUPT_GZIP));
        BackupHealthViewModel vm = vm(i -> overview(backups, Optional.empty()));
        assertThat(vm.rpoTextProperty().get()).isEqualTo("No good backup: the only verified backup is not good (RPO 24 h)");
        assertThat(vm.rpoMetProperty().get()).isFalse();
        assertThat(vm.scheduleTextProperty().get()).startsWith("Schedule unknown: 3 backups are needed to infer it");
    }

    @Test
    void manyProblemsAreCutWithTheCommandThatListsThemAll() {
        ProblemKind[] kinds = IntStream.range(0, 8).mapToObj(i -> ProblemKind.CHECKSUM_MISMATCH).toArray(ProblemKind[]::new);
        List<BackupVerification> backups = List.of(backup(NOW.minus(Duration.ofHours(3)), kinds));
        BackupHealthViewModel vm = vm(i -> overview(backups, Optional.empty()));
        assertThat(vm.latestProblems()).hasSize(BackupHealthViewModel.PROBLEMS_SHOWN + 1)
                .last().isEqualTo("3 more: knobwright backup verify --path /backups/shop-2026-12-06.dump");
    }

    @Test
    void aFailedReadEndsInItsMessageAndNoStaleData() {
        List<Function<Instance, BackupService.Overview>> reads = new ArrayList<>();
        reads.add(i -> overview(nightly(2, 1, 0), Optional.empty()));
        BackupHealthViewModel vm = vm(i -> reads.getLast().apply(i));
        assertThat(vm.recent()).hasSize(3);
        reads.add(i -> {
            throw UserError.input("The store is locked by another workbench: close it and try again.");
        });
        vm.show(SHOP);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("The store is locked by another workbench");
        assertThat(vm.recent()).isEmpty();
        assertThat(vm.overviewProperty().get()).isNull();
    }

    @Test
    void anEarlierReadFinishingLateIsDropped() {
        List<Runnable> pending = new ArrayList<>();
        BackupHealthViewModel vm = new BackupHealthViewModel(new BackgroundWork(TaskRunner.inline(), pending::add, (a, d) -> { }),
                i -> overview(i == SHOP ? nightly(0) : List.of(), Optional.empty()), ZoneId.of("UTC"));
        vm.show(SHOP);
        vm.show(null);
        assertThat(vm.loadingProperty().get()).isFalse();
        pending.forEach(Runnable::run);
        assertThat(vm.overviewProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
