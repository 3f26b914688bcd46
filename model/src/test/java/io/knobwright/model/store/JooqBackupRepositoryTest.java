package io.knobwright.model.store;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupRecord;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.FileChecksum;
import io.knobwright.model.backup.LastGoodBackup;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JooqBackupRepositoryTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("backups-" + System.nanoTime(), false);
    private final Instant t = Instant.parse("2026-12-01T02:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aVerificationReadsBackWithItsProblemsFactsAndChecksums() {
        BackupVerification damaged = BackupVerification.of("/backups/base-1", BackupKind.PG_BASE_BACKUP, t, 4_200_000,
                Duration.ofSeconds(42), t.plusSeconds(300),
                List.of(new BackupProblem("base/5/2619", ProblemKind.CHECKSUM_MISMATCH, "checksum mismatch for file"),
                        new BackupProblem("odd\tname\nwith break", ProblemKind.MISSING_FILE, "")),
                Map.of("tool", "/usr/lib/postgresql/15/bin/pg_verifybackup", "server", "15.2"),
                List.of(new FileChecksum("base/5/2619", 8192, "a".repeat(64))));
        long id = store.backups().record(7, damaged);

        List<BackupRecord> history = store.backups().history(7);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.verification()).isEqualTo(damaged);
            assertThat(r.verification().status()).isEqualTo(BackupStatus.DAMAGED);
        });
        assertThat(store.backups().history(8)).isEmpty();
        assertThat(store.backups().latestOf("/backups/base-1")).get().extracting(BackupRecord::verification).isEqualTo(damaged);
    }

    @Test
    void theNewestVerificationOfAPathIsTheReferenceAndHistoryIsInBackupOrder() {
        BackupVerification older = BackupVerification.of("/b/x.dump", BackupKind.PG_DUMP_CUSTOM, t, 10, null, t.plusSeconds(5),
                List.of(), Map.of(), List.of());
        BackupVerification newer = BackupVerification.of("/b/x.dump", BackupKind.PG_DUMP_CUSTOM, t, 10, null, t.plusSeconds(50),
                List.of(new BackupProblem("x.dump", ProblemKind.CHANGED_SINCE_LAST_CHECK, "")), Map.of(), List.of());
        BackupVerification earlierBackup = BackupVerification.of("/b/w.dump", BackupKind.PG_DUMP_CUSTOM, t.minusSeconds(86_400),
                10, null, t.plusSeconds(60), List.of(), Map.of(), List.of());
        store.backups().record(1, older);
        store.backups().record(1, newer);
        store.backups().record(1, earlierBackup);

        assertThat(store.backups().latestOf("/b/x.dump")).get().extracting(r -> r.verification().status())
                .isEqualTo(BackupStatus.DAMAGED);
        assertThat(store.backups().history(1)).extracting(r -> r.verification().path())
                .containsExactly("/b/w.dump", "/b/x.dump", "/b/x.dump");
    }

    @Test
    void aWatchIsReplacedNotDoubledAndCanBeRemoved() {
        store.backups().watch(new BackupWatch(3, "orders", "/backups/orders", Duration.ofHours(24), null));
        store.backups().watch(new BackupWatch(3, "orders", "/backups/orders", Duration.ofHours(12), Duration.ofHours(6)));
        assertThat(store.backups().watches()).containsExactly(
                new BackupWatch(3, "orders", "/backups/orders", Duration.ofHours(12), Duration.ofHours(6)));
        assertThat(store.backups().unwatch(3, "/backups/orders")).isTrue();
        assertThat(store.backups().unwatch(3, "/backups/orders")).isFalse();
        assertThat(store.backups().watches()).isEmpty();
    }

    @Test
    void theNewestGoodBackupOfEveryInstanceIsReadAtOnceAndAFailedOneDoesNotCount() {
        BackupVerification good = BackupVerification.of("/b/a1.dump", BackupKind.PG_DUMP_CUSTOM, t, 10, null, t.plusSeconds(5),
                List.of(), Map.of(), List.of());
        BackupVerification newerGood = BackupVerification.of("/b/a2.dump", BackupKind.PG_DUMP_CUSTOM, t.plusSeconds(3600), 10, null,
                t.plusSeconds(3605), List.of(), Map.of(), List.of());
        BackupVerification damaged = BackupVerification.of("/b/a3.dump", BackupKind.PG_DUMP_CUSTOM, t.plusSeconds(7200), 10, null,
                t.plusSeconds(7205), List.of(new BackupProblem("a3.dump", ProblemKind.TRUNCATED, "ends early")), Map.of(), List.of());
        BackupVerification onlyDamaged = BackupVerification.of("/b/b.dump", BackupKind.PG_DUMP_CUSTOM, t, 10, null, t.plusSeconds(5),
                List.of(new BackupProblem("b.dump", ProblemKind.TRUNCATED, "ends early")), Map.of(), List.of());
        store.backups().record(1, good);
        store.backups().record(1, newerGood);
        store.backups().record(1, damaged);
        store.backups().record(2, onlyDamaged);
        store.backups().record(0, good);

        assertThat(store.backups().lastGoodBackups(t.plusSeconds(86_400))).containsExactly(
                new LastGoodBackup(1, Optional.of(t.plusSeconds(3600))), new LastGoodBackup(2, Optional.empty()));
        // A backup "taken" after now (a clock that is off) is not counted yet.
        assertThat(store.backups().lastGoodBackups(t.plusSeconds(60))).first()
                .isEqualTo(new LastGoodBackup(1, Optional.of(t)));
    }
}
