package io.knobwright.app.ui.fleet;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One dimension the fleet can be filtered and grouped by: engine, version, tier, criticality,
 * workload, or the values of one tag key. Each instance has at most one value per facet.
 */
public final class Facet {

    private final String id;
    private final String title;
    private final String missingLabel;
    private final String groupPrefix;
    private final Function<FleetRow, String> keyOf;
    private final ObservableList<FacetValue> values;
    private final Map<String, FacetValue> byKey;
    private final Map<String, Integer> positions;
    private final boolean filterable;

    /**
     * @param values       in display order
     * @param missingLabel group label for instances without a value ("(no team)")
     * @param groupPrefix  put before a value in group headers ("team=" makes "team=payments")
     * @param filterable   false for facets with so many values that a list of checkboxes would not help
     */
    Facet(String id, String title, String missingLabel, String groupPrefix, Function<FleetRow, String> keyOf,
          List<FacetValue> values, boolean filterable) {
        this.id = id;
        this.title = title;
        this.missingLabel = missingLabel;
        this.groupPrefix = groupPrefix;
        this.keyOf = keyOf;
        this.values = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(values));
        Map<String, FacetValue> index = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (FacetValue v : values) {
            index.put(v.key(), v);
            order.put(v.key(), order.size());
        }
        this.byKey = Collections.unmodifiableMap(index);
        this.positions = order;
        this.filterable = filterable;
    }

    /** Stable across reloads ("engine", "tag:team"), so selections survive a refresh of the fleet. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public ObservableList<FacetValue> values() {
        return values;
    }

    public boolean filterable() {
        return filterable;
    }

    /** The row's value key, or null when the row has none (an instance without that tag). */
    public String keyOf(FleetRow row) {
        return keyOf.apply(row);
    }

    FacetValue value(String key) {
        return key == null ? null : byKey.get(key);
    }

    /** Position of a value in display order; rows without a value sort last. */
    int order(String key) {
        Integer position = key == null ? null : positions.get(key);
        return position == null ? Integer.MAX_VALUE : position;
    }

    /** The label of a group header: "PostgreSQL", "team=payments", "(no team)". */
    String groupLabel(String key) {
        FacetValue v = value(key);
        return v == null ? missingLabel : groupPrefix + v.label();
    }

    boolean hasSelection() {
        for (FacetValue v : values) {
            if (v.isSelected()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return title;
    }
}
