package io.knobwright.app.monitor;

import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.RelationActivity;
import io.knobwright.model.workload.RelationRates;
import io.knobwright.model.workload.RelationSeriesRepository;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.workload.TableRates;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The largest tables of an instance as its latest relation snapshot shows them (decision 0128), each with its growth
 * per day over the stored size series and its sequential scans and dead tuples: what `storage tables` prints.
 */
public final class TableSizes {

    /** How far back growth is measured: the first and last stored size of a table within this window. */
    public static final Duration GROWTH_WINDOW = Duration.ofDays(30);

    private TableSizes() {
    }

    /**
     * @param growthPerDay      bytes a day between the first and last stored size in the window; NaN with fewer than two
     * @param growthSince       the first of those sizes' time; null with fewer than two
     * @param seqScansPerSecond since the snapshot before; NaN when there is no comparable one
     */
    public record Row(TableStats stats, double growthPerDay, Instant growthSince, double seqScansPerSecond) {
    }

    public record Report(RelationSnapshot latest, PolledPoints.Baseline baseline, List<Row> rows) {
    }

    /** Empty when no snapshot of the instance was stored yet. */
    public static Optional<Report> of(RelationSeriesRepository relations, long instanceId, int limit) {
        Objects.requireNonNull(relations, "relations");
        Optional<RelationActivity> activity = relations.activity(instanceId);
        if (activity.isEmpty()) {
            return Optional.empty();
        }
        RelationSnapshot latest = activity.get().latest();
        Map<TableRef, List<SizePoint>> sizes = relations.tableSizes(instanceId, latest.at().minus(GROWTH_WINDOW),
                latest.at().plusMillis(1));
        List<TableStats> largest = new ArrayList<>(latest.tables());
        largest.sort(Comparator.comparingLong(TableStats::totalBytes).reversed().thenComparing(TableStats::ref));
        List<Row> rows = new ArrayList<>();
        for (TableStats t : largest.subList(0, Math.min(limit, largest.size()))) {
            List<SizePoint> series = sizes.getOrDefault(t.ref(), List.of());
            double growth = RelationRates.growthPerDay(series);
            TableRates rates = activity.get().tableRates().get(t.ref());
            rows.add(new Row(t, growth, Double.isNaN(growth) ? null : series.getFirst().at(),
                    rates == null ? Double.NaN : rates.seqScans()));
        }
        return Optional.of(new Report(latest, activity.get().baseline(), rows));
    }
}
