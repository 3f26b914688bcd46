package io.knobwright.app.ui.fleet;

/**
 * The header line of one group in the fleet table.
 *
 * @param key       the grouping value ("POSTGRESQL", "team=payments"; empty for rows without it)
 * @param label     what the user reads ("PostgreSQL", "team=payments", "(no team)")
 * @param count     instances in the group that pass the current filters
 * @param collapsed true when the group's rows are hidden
 */
public record FleetGroupHeader(String key, String label, int count, boolean collapsed) implements FleetEntry {
}
