package io.knobwright.model.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupScheduleTest {

    private static final Instant DAY0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aNightlyScheduleIsInferredAndTheSkippedNightsAreNamed() {
        List<Instant> taken = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            if (d != 4 && d != 5) {
                taken.add(DAY0.plus(DAY.multipliedBy(d)).plusSeconds(d * 60L)); // a few minutes of jitter
            }
        }
        BackupSchedule schedule = BackupSchedule.of(taken, null, DAY0.plus(DAY.multipliedBy(9)).plusSeconds(3600));

        assertThat(schedule.inferred()).isTrue();
        assertThat(schedule.interval()).isBetween(DAY, DAY.plusMinutes(2));
        assertThat(schedule.missed()).hasSize(2);
        assertThat(schedule.missed().get(0)).isBetween(DAY0.plus(DAY.multipliedBy(4)), DAY0.plus(DAY.multipliedBy(4)).plusSeconds(600));
    }

    @Test
    void aBackupThatStoppedComingIsMissedUpToNow() {
        List<Instant> taken = List.of(DAY0, DAY0.plus(DAY), DAY0.plus(DAY.multipliedBy(2)));
        BackupSchedule schedule = BackupSchedule.of(taken, DAY, DAY0.plus(DAY.multipliedBy(5)).plusSeconds(60));
        assertThat(schedule.inferred()).isFalse();
        assertThat(schedule.missed()).containsExactly(DAY0.plus(DAY.multipliedBy(3)), DAY0.plus(DAY.multipliedBy(4)));
    }

    @Test
    void twoBackupsAreTooFewToInferASchedule() {
        BackupSchedule schedule = BackupSchedule.of(List.of(DAY0, DAY0.plus(DAY)), null, DAY0.plus(DAY.multipliedBy(9)));
        assertThat(schedule.interval()).isNull();
        assertThat(schedule.missed()).isEmpty();
    }

    @Test
    void onlyAGoodBackupKeepsTheRpo() {
        Instant now = DAY0.plus(DAY.multipliedBy(3));
        BackupVerification good = verification(DAY0, List.of());
        BackupVerification damaged = verification(DAY0.plus(DAY.multipliedBy(2)),
                List.of(new BackupProblem("base.tar", ProblemKind.TRUNCATED, "")));

        RpoCompliance rpo = RpoCompliance.of(List.of(good, damaged), Duration.ofHours(24), now);
        assertThat(rpo.lastGood()).isEqualTo(DAY0);
        assertThat(rpo.sinceLastGood()).contains(Duration.ofDays(3));
        assertThat(rpo.compliant()).isFalse();
        assertThat(rpo.overdueBy()).contains(Duration.ofDays(2));

        assertThat(RpoCompliance.of(List.of(), Duration.ofHours(24), now).compliant()).isFalse();
        assertThat(RpoCompliance.of(List.of(good), Duration.ofDays(4), now).compliant()).isTrue();
    }

    @Test
    void aResultCannotSayGoodWithAProblemInIt() {
        assertThatThrownBy(() -> new BackupVerification("/b", BackupKind.PG_DUMP_CUSTOM, BackupStatus.GOOD, DAY0, 1, null, DAY0,
                List.of(new BackupProblem("b", ProblemKind.TRUNCATED, "")), Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BackupVerification.verdict(List.of(new BackupProblem("pg_verifybackup", ProblemKind.TOOL_MISSING, ""))))
                .isEqualTo(BackupStatus.UNCHECKED);
        assertThat(BackupVerification.verdict(List.of(new BackupProblem("a", ProblemKind.TOOL_MISSING, ""),
                new BackupProblem("b", ProblemKind.ARCHIVE_UNREADABLE, "")))).isEqualTo(BackupStatus.UNREADABLE);
    }

    private static BackupVerification verification(Instant taken, List<BackupProblem> problems) {
        return BackupVerification.of("/b/" + taken, BackupKind.PG_DUMP_CUSTOM, taken, 1, null, taken, problems, Map.of(), List.of());
    }
}
