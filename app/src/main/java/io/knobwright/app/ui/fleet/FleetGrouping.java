package io.knobwright.app.ui.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lays out the filtered rows as a flat list with a header line before each group. */
final class FleetGrouping {

    private FleetGrouping() {
    }

    /**
     * @param rows      filtered rows, already in table order; that order is kept inside each group
     * @param collapsed group keys whose rows are hidden (the header stays, with its count)
     */
    static List<FleetEntry> layout(List<FleetRow> rows, GroupBy groupBy, Set<String> collapsed) {
        if (groupBy.facet() == null) {
            return new ArrayList<>(rows);
        }
        Facet facet = groupBy.facet();
        Map<String, List<FleetRow>> groups = new LinkedHashMap<>();
        for (FleetRow row : rows) {
            String key = facet.keyOf(row);
            groups.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(row);
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((a, b) -> Integer.compare(facet.order(a.isEmpty() ? null : a), facet.order(b.isEmpty() ? null : b)));
        List<FleetEntry> entries = new ArrayList<>(rows.size() + keys.size());
        for (String key : keys) {
            List<FleetRow> members = groups.get(key);
            boolean isCollapsed = collapsed.contains(key);
            entries.add(new FleetGroupHeader(key, facet.groupLabel(key.isEmpty() ? null : key), members.size(), isCollapsed));
            if (!isCollapsed) {
                entries.addAll(members);
            }
        }
        return entries;
    }
}
