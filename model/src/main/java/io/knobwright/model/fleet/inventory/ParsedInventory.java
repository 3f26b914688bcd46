package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;

import java.util.List;

/**
 * What a parsed inventory file holds: valid instances, each with the row it came from, and the rows that
 * were rejected with their reason. Nothing is stored yet.
 */
public record ParsedInventory(List<Row> rows, List<RejectedRow> rejected) {

    /** @param row 1-based row as the user sees it: CSV line where the record starts, or JSON array element */
    public record Row(int row, Instance instance) {
    }

    public ParsedInventory {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    public List<Instance> instances() {
        return rows.stream().map(Row::instance).toList();
    }
}
