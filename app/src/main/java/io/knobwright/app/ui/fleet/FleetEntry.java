package io.knobwright.app.ui.fleet;

/**
 * One line of the fleet table: an instance, or the header of a group when the user groups the fleet.
 * A flat list with header rows stays as fast as a plain TableView at 5,000 instances, which a
 * TreeTableView rebuilt on every keystroke would not (see docs/decisions/0060-fleet-table-grouping.md).
 */
public sealed interface FleetEntry permits FleetRow, FleetGroupHeader {
}
