package io.knobwright.model.workload;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns two relation snapshots into rates per table and index, by the rules of {@link CounterRates}: only within one
 * {@link ServerEpoch} (a restart or pg_stat_reset starts a new baseline), forward in time, and a counter that went down
 * on its own (a single table's counters reset, a table dropped and created again under its name) yields no rate for
 * that counter rather than a negative one.
 */
public final class RelationRates {

    private RelationRates() {
    }

    /** {@code previous} may be null (the first snapshot). */
    public static RelationActivity between(RelationSnapshot previous, RelationSnapshot current) {
        Objects.requireNonNull(current, "current");
        PolledPoints.Baseline baseline = baseline(previous, current);
        if (baseline != PolledPoints.Baseline.CONTINUED) {
            return new RelationActivity(current, baseline, Map.of(), Map.of());
        }
        double seconds = Duration.between(previous.at(), current.at()).toNanos() / 1e9;
        Map<TableRef, TableStats> before = new HashMap<>();
        previous.tables().forEach(t -> before.put(t.ref(), t));
        Map<TableRef, TableRates> tables = new HashMap<>();
        for (TableStats now : current.tables()) {
            TableStats then = before.get(now.ref());
            if (then != null) {
                long[] a = then.counters();
                long[] b = now.counters();
                double[] r = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    r[i] = rate(a[i], b[i], seconds);
                }
                tables.put(now.ref(), TableRates.of(r));
            }
        }
        Map<IndexRef, IndexStats> indexBefore = new HashMap<>();
        previous.indexes().forEach(i -> indexBefore.put(i.ref(), i));
        Map<IndexRef, IndexRates> indexes = new HashMap<>();
        for (IndexStats now : current.indexes()) {
            IndexStats then = indexBefore.get(now.ref());
            if (then != null) {
                indexes.put(now.ref(), new IndexRates(rate(then.scans(), now.scans(), seconds),
                        rate(then.rowsRead(), now.rowsRead(), seconds)));
            }
        }
        return new RelationActivity(current, baseline, tables, indexes);
    }

    private static PolledPoints.Baseline baseline(RelationSnapshot previous, RelationSnapshot current) {
        if (previous == null) {
            return PolledPoints.Baseline.FIRST;
        }
        return switch (previous.epoch().breakTo(current.epoch())) {
            case SERVER_RESTARTED -> PolledPoints.Baseline.SERVER_RESTARTED;
            case STATISTICS_RESET -> PolledPoints.Baseline.STATISTICS_RESET;
            case NONE -> current.at().isAfter(previous.at()) ? PolledPoints.Baseline.CONTINUED : PolledPoints.Baseline.NO_INTERVAL;
        };
    }

    private static double rate(long before, long now, double seconds) {
        if (before == TableStats.UNKNOWN || now == TableStats.UNKNOWN || now < before) {
            return Double.NaN;
        }
        return (now - before) / seconds;
    }

    /**
     * Growth in bytes per day between the first and last of {@code points} (oldest first); NaN with fewer than two
     * points or no time between them.
     */
    public static double growthPerDay(java.util.List<SizePoint> points) {
        if (points.size() < 2) {
            return Double.NaN;
        }
        SizePoint first = points.getFirst();
        SizePoint last = points.getLast();
        double days = Duration.between(first.at(), last.at()).toMillis() / 86_400_000.0;
        return days <= 0 ? Double.NaN : (last.bytes() - first.bytes()) / days;
    }
}
