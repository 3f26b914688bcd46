package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RelationRatesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final ServerEpoch EPOCH = new ServerEpoch(Instant.parse("2026-12-01T00:00:00Z"), null);
    private static final TableRef A = new TableRef("db", "public", "a");
    private static final TableRef B = new TableRef("db", "public", "b");

    private static TableStats table(TableRef ref, long seqScans, long inserts) {
        return new TableStats(ref, 1000, 800, 200, seqScans, seqScans * 10, 0, inserts, 0, 0, 0, 5, 0, 0, 0, null, null, null, null);
    }

    private static RelationSnapshot at(long seconds, ServerEpoch epoch, List<TableStats> tables, List<IndexStats> indexes) {
        return new RelationSnapshot(T0.plusSeconds(seconds), epoch, "db", List.of(), tables, indexes, OtherRelations.NONE);
    }

    @Test
    void countersBecomeRatesPerSecondAndANewTableWaitsForItsSecondSnapshot() {
        RelationActivity activity = RelationRates.between(at(0, EPOCH, List.of(table(A, 10, 100)), List.of()),
                at(100, EPOCH, List.of(table(A, 60, 300), table(B, 5, 5)), List.of()));

        assertThat(activity.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        assertThat(activity.tableRates().get(A).seqScans()).isCloseTo(0.5, within(1e-12));
        assertThat(activity.tableRates().get(A).inserts()).isCloseTo(2.0, within(1e-12));
        assertThat(activity.tableRates()).doesNotContainKey(B);
    }

    @Test
    void aCounterThatWentDownOnItsOwnGivesNoRateForItselfOnly() {
        RelationActivity activity = RelationRates.between(at(0, EPOCH, List.of(table(A, 10, 100)), List.of()),
                at(100, EPOCH, List.of(table(A, 3, 300)), List.of()));

        assertThat(activity.tableRates().get(A).seqScans()).isNaN();
        assertThat(activity.tableRates().get(A).inserts()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void aRestartAResetOrNoTimeBetweenGiveNoRates() {
        RelationSnapshot first = at(0, EPOCH, List.of(table(A, 10, 100)), List.of());

        assertThat(RelationRates.between(null, first).baseline()).isEqualTo(PolledPoints.Baseline.FIRST);
        assertThat(RelationRates.between(first, at(100, new ServerEpoch(T0.plusSeconds(50), null), List.of(table(A, 1, 1)),
                List.of())).baseline()).isEqualTo(PolledPoints.Baseline.SERVER_RESTARTED);
        RelationActivity reset = RelationRates.between(first, at(100, new ServerEpoch(EPOCH.started(), T0.plusSeconds(50)),
                List.of(table(A, 1, 1)), List.of()));
        assertThat(reset.baseline()).isEqualTo(PolledPoints.Baseline.STATISTICS_RESET);
        assertThat(reset.tableRates()).isEmpty();
        assertThat(RelationRates.between(first, at(0, EPOCH, List.of(table(A, 11, 100)), List.of())).baseline())
                .isEqualTo(PolledPoints.Baseline.NO_INTERVAL);
    }

    @Test
    void figuresAnEngineDoesNotKeepStayUnknownAndAnIndexWithoutCountsIsNotCalledUnused() {
        IndexRef k = new IndexRef(A, "a_k");
        RelationActivity activity = RelationRates.between(
                at(0, EPOCH, List.of(table(A, 10, 100)), List.of(new IndexStats(k, 8192, TableStats.UNKNOWN, TableStats.UNKNOWN, false))),
                at(10, EPOCH, List.of(table(A, 10, 100)), List.of(new IndexStats(k, 8192, TableStats.UNKNOWN, TableStats.UNKNOWN, false))));

        assertThat(activity.indexRates().get(k).scans()).isNaN();
        assertThat(activity.latest().indexes().getFirst().unused()).isFalse();
        assertThat(new IndexStats(k, 8192, TableStats.UNKNOWN, 0, false).unused()).as("MySQL: no rows read").isTrue();
        assertThat(new IndexStats(k, 8192, 0, 0, true).unused()).isTrue();
    }

    @Test
    void growthPerDayNeedsTwoPointsApart() {
        assertThat(RelationRates.growthPerDay(List.of(new SizePoint(T0, 100)))).isNaN();
        assertThat(RelationRates.growthPerDay(List.of(new SizePoint(T0, 100), new SizePoint(T0.plusSeconds(43_200), 600))))
                .isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void aSnapshotRefusesATableTwiceAndNegativeFigures() {
        assertThatThrownBy(() -> at(0, EPOCH, List.of(table(A, 1, 1), table(A, 2, 2)), List.of()))
                .hasMessageContaining("public.a is in the snapshot twice");
        assertThatThrownBy(() -> table(A, -5, 1)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new RelationPolling(-1, java.time.Duration.ZERO)).hasMessageContaining("0 (off) to 100000");
    }
}
