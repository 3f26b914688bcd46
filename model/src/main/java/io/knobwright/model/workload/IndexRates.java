package io.knobwright.model.workload;

/** An index's use as rates per second between two snapshots; NaN where not counted or not comparable. */
public record IndexRates(double scans, double rowsRead) {
}
