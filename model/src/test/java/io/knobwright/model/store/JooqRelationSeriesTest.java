package io.knobwright.model.store;

import io.knobwright.model.workload.DatabaseSize;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.RelationActivity;
import io.knobwright.model.workload.RelationRates;
import io.knobwright.model.workload.RelationSeriesRepository;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.SeriesMaintenance;
import io.knobwright.model.workload.SeriesRetention;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JooqRelationSeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final ServerEpoch EPOCH = new ServerEpoch(Instant.parse("2026-11-01T00:00:00Z"), null);
    private static final TableRef ORDERS = new TableRef("shop", "public", "orders");
    private static final TableRef LOG = new TableRef("shop", "audit", "log");
    private static final IndexRef ORDERS_PKEY = new IndexRef(ORDERS, "orders_pkey");
    private static final IndexRef ORDERS_UNUSED = new IndexRef(ORDERS, "orders_note_idx");

    /** One store for the class (each test has its own instance ids); maintenance, which thins every instance, has its own. */
    private static KnobwrightStore store;
    private static RelationSeriesRepository relations;

    @BeforeAll
    static void open() {
        store = KnobwrightStore.inMemory("relations-" + System.nanoTime(), false);
        relations = store.relationSeries();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The n-th snapshot, 15 minutes apart: orders grows 1 MB and is scanned 10 times per snapshot. */
    private static RelationSnapshot snapshot(int n, ServerEpoch epoch) {
        Instant at = T0.plus(Duration.ofMinutes(15L * n));
        long orders = 100_000_000L + 1_000_000L * n;
        TableStats o = new TableStats(ORDERS, orders, orders - 20_000_000, 20_000_000, 10L * n, 1000L * n, 50L * n, 7L * n, 3L * n,
                n, 2L * n, 1_000_000, 500, 9000L * n, 100L * n, null, T0.plusSeconds(n), null, T0);
        TableStats l = new TableStats(LOG, 5_000_000, 4_000_000, 1_000_000, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, null, null, null, null);
        return new RelationSnapshot(at, epoch, "shop", List.of(new DatabaseSize("shop", orders + 10_000_000),
                new DatabaseSize("postgres", 8_000_000)), List.of(o, l),
                List.of(new IndexStats(ORDERS_PKEY, 15_000_000, 50L * n, 50L * n, true),
                        new IndexStats(ORDERS_UNUSED, 5_000_000, 0, 0, false)), new OtherRelations(30, 1_200_000, 40, 300_000));
    }

    @Test
    void theLatestSnapshotReadsBackWithRatesSinceTheOneBefore() {
        relations.record(1, snapshot(1, EPOCH));
        relations.record(1, snapshot(2, EPOCH));

        RelationSnapshot latest = relations.latest(1).orElseThrow();
        assertThat(latest).isEqualTo(snapshot(2, EPOCH));
        RelationActivity activity = relations.activity(1).orElseThrow();
        assertThat(activity.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        assertThat(activity.tableRates().get(ORDERS).seqScans()).isCloseTo(10.0 / 900, within(1e-12));
        assertThat(activity.indexRates().get(ORDERS_UNUSED).scans()).isZero();
        assertThat(latest.indexes()).filteredOn(IndexStats::unused).extracting(IndexStats::ref).containsExactly(ORDERS_UNUSED);
        assertThat(relations.latest(2)).isEmpty();
        assertThat(relations.activity(2)).isEmpty();
    }

    @Test
    void aRestartBetweenSnapshotsGivesNoRates() {
        relations.record(11, snapshot(1, EPOCH));
        relations.record(11, snapshot(2, new ServerEpoch(T0.plusSeconds(1000), null)));

        RelationActivity activity = relations.activity(11).orElseThrow();
        assertThat(activity.baseline()).isEqualTo(PolledPoints.Baseline.SERVER_RESTARTED);
        assertThat(activity.tableRates()).isEmpty();
    }

    @Test
    void sizeSeriesPerDatabaseTableAndIndexAreOldestFirst() {
        for (int n = 0; n < 4; n++) {
            relations.record(7, snapshot(n, EPOCH));
        }
        Instant to = T0.plus(Duration.ofDays(1));

        List<SizePoint> orders = relations.tableSizes(7, ORDERS, T0, to);
        assertThat(orders).extracting(SizePoint::bytes).containsExactly(100_000_000L, 101_000_000L, 102_000_000L, 103_000_000L);
        assertThat(orders.getLast().at()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
        assertThat(RelationRates.growthPerDay(orders)).isCloseTo(96_000_000.0, within(1e-3));
        assertThat(relations.tableSizes(7, T0, to)).containsOnlyKeys(ORDERS, LOG);
        assertThat(relations.indexSizes(7, T0, to).get(ORDERS_UNUSED)).extracting(SizePoint::bytes).containsOnly(5_000_000L);
        assertThat(relations.databaseSizes(7, T0, to)).containsOnlyKeys("shop", "postgres");
        assertThat(relations.databaseSizes(7, T0, to).get("shop").getFirst().bytes()).isEqualTo(110_000_000L);
        assertThat(relations.instanceSizes(7, T0, to)).extracting(SizePoint::bytes)
                .containsExactly(118_000_000L, 119_000_000L, 120_000_000L, 121_000_000L);
        assertThat(relations.instanceSizes(7, T0.plusSeconds(900), T0.plusSeconds(1800))).hasSize(1);
        assertThat(relations.tableSizes(7, new TableRef("shop", "public", "missing"), T0, to)).isEmpty();
    }

    @Test
    void maintenanceKeepsOneSnapshotADayPastTheRawKeepThenNone() {
        try (KnobwrightStore own = KnobwrightStore.inMemory("relations-maintained-" + System.nanoTime(), false)) {
            maintained(own, own.relationSeries());
        }
    }

    private static void maintained(KnobwrightStore store, RelationSeriesRepository relations) {
        int snapshots = 4 * 96;
        for (int n = 0; n < snapshots; n++) {
            relations.record(3, snapshot(n, EPOCH));
        }
        Instant now = T0.plus(Duration.ofDays(4));
        SeriesRetention retention = new SeriesRetention(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3));

        SeriesMaintenance done = store.workloadSeries().maintain(retention, now);

        List<Instant> times = relations.instanceSizes(3, T0, now).stream().map(SizePoint::at).toList();
        assertThat(times).filteredOn(t -> t.isBefore(T0.plus(Duration.ofDays(1)))).as("older than the keep: gone").isEmpty();
        assertThat(times).filteredOn(t -> !t.isBefore(T0.plus(Duration.ofDays(1))) && t.isBefore(T0.plus(Duration.ofDays(3))))
                .as("one a day, the day's last").containsExactly(T0.plus(Duration.ofDays(2)).minus(Duration.ofMinutes(15)),
                        T0.plus(Duration.ofDays(3)).minus(Duration.ofMinutes(15)));
        assertThat(times).filteredOn(t -> !t.isBefore(T0.plus(Duration.ofDays(3)))).as("as polled").hasSize(96);
        assertThat(done.relationSnapshotsThinned()).isEqualTo(snapshots - 96 - 2);
        // counters are running totals: the rate between the two kept daily snapshots is the day's average
        List<SizePoint> orders = relations.tableSizes(3, ORDERS, T0, T0.plus(Duration.ofDays(3)));
        assertThat(RelationRates.growthPerDay(orders)).isCloseTo(96_000_000.0, within(1e-3));
    }

    @Test
    void forgettingAnInstanceDropsItsSnapshots() {
        relations.record(4, snapshot(1, EPOCH));
        relations.record(5, snapshot(1, EPOCH));

        store.workloadSeries().forget(4);

        assertThat(relations.latest(4)).isEmpty();
        assertThat(relations.latest(5)).isPresent();
    }
}
