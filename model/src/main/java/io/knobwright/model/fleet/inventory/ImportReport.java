package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Instance;

import java.util.List;

/** Outcome of an inventory import: what was stored, and each rejected row with its reason. */
public record ImportReport(List<Instance> imported, List<RejectedRow> rejected) {

    /** @param row 1-based row (CSV line or JSON array element) as the user sees it in their file */
    public record RejectedRow(int row, String reason) {
    }

    public ImportReport {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
    }
}
