package io.knobwright.app.ui.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters in force at one moment, frozen so a pass over 5,000 rows does no lookups beyond a
 * {@code contains} per search word and a set probe per active facet. Search words must all occur
 * (in any order); within a facet any ticked value matches; across facets all must match.
 */
final class FleetFilter implements Predicate<FleetRow> {

    /** {@link #failingFacet} result when the row fails more than one facet. */
    static final int SEVERAL = -2;
    /** {@link #failingFacet} result when the row passes every facet. */
    static final int NONE = -1;

    private final String[] words;
    private final boolean driftingOnly;
    private final boolean withAlertsOnly;
    private final Facet[] active;
    private final Set<String>[] selected;

    FleetFilter(String search, List<Facet> facets) {
        this(search, facets, false);
    }

    /** @param driftingOnly keep only instances whose newest snapshot differs from their template */
    FleetFilter(String search, List<Facet> facets, boolean driftingOnly) {
        this(search, facets, driftingOnly, false);
    }

    /** @param withAlertsOnly keep only instances with at least one active (not silenced) alert */
    @SuppressWarnings("unchecked")
    FleetFilter(String search, List<Facet> facets, boolean driftingOnly, boolean withAlertsOnly) {
        this.driftingOnly = driftingOnly;
        this.withAlertsOnly = withAlertsOnly;
        String text = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        this.words = text.isEmpty() ? new String[0] : text.split("\\s+");
        List<Facet> act = new ArrayList<>();
        List<Set<String>> sel = new ArrayList<>();
        for (Facet f : facets) {
            Set<String> keys = new HashSet<>();
            f.values().stream().filter(FacetValue::isSelected).forEach(v -> keys.add(v.key()));
            if (!keys.isEmpty()) {
                act.add(f);
                sel.add(keys);
            }
        }
        this.active = act.toArray(Facet[]::new);
        this.selected = sel.toArray(Set[]::new);
    }

    boolean isEmpty() {
        return words.length == 0 && active.length == 0 && !driftingOnly && !withAlertsOnly;
    }

    Facet activeFacet(int index) {
        return active[index];
    }

    /** The search words and the "drifting only" and "with alerts" switches: everything but the facets. */
    boolean matchesSearch(FleetRow row) {
        if (driftingOnly && !row.drifting()) {
            return false;
        }
        if (withAlertsOnly && !row.health().hasActiveAlerts()) {
            return false;
        }
        String key = row.searchKey();
        for (String w : words) {
            if (!key.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #NONE}, the index of the one active facet the row fails, or {@link #SEVERAL}. */
    int failingFacet(FleetRow row) {
        int failing = NONE;
        for (int i = 0; i < active.length; i++) {
            if (!selected[i].contains(active[i].keyOf(row))) {
                if (failing != NONE) {
                    return SEVERAL;
                }
                failing = i;
            }
        }
        return failing;
    }

    @Override
    public boolean test(FleetRow row) {
        return matchesSearch(row) && failingFacet(row) == NONE;
    }
}
