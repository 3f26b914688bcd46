package io.knobwright.model.workload;

import java.util.Map;
import java.util.Objects;

/**
 * The latest snapshot with its counters turned into rates since the one before. Rates are empty when the two cannot be
 * compared ({@code baseline} says why: first snapshot, restart, statistics reset); a table or index new since the
 * previous snapshot has no rate yet.
 */
public record RelationActivity(RelationSnapshot latest, PolledPoints.Baseline baseline, Map<TableRef, TableRates> tableRates,
                               Map<IndexRef, IndexRates> indexRates) {

    public RelationActivity {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(baseline, "baseline");
        tableRates = Map.copyOf(tableRates);
        indexRates = Map.copyOf(indexRates);
    }
}
