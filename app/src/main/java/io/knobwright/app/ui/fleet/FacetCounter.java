package io.knobwright.app.ui.fleet;

import java.util.List;

/**
 * Counts, for every facet value, how many instances the user would see after ticking it: rows that
 * pass the search and every active facet except the value's own. One pass over the fleet.
 */
final class FacetCounter {

    private FacetCounter() {
    }

    static void count(List<FleetRow> rows, List<Facet> facets, FleetFilter filter) {
        for (Facet f : facets) {
            for (FacetValue v : f.values()) {
                v.tally = 0;
            }
        }
        for (FleetRow row : rows) {
            if (!filter.matchesSearch(row)) {
                continue;
            }
            int failing = filter.failingFacet(row);
            if (failing == FleetFilter.NONE) {
                for (Facet f : facets) {
                    tally(f, row);
                }
            } else if (failing >= 0) {
                tally(filter.activeFacet(failing), row);
            }
        }
        for (Facet f : facets) {
            for (FacetValue v : f.values()) {
                v.publishTally();
            }
        }
    }

    private static void tally(Facet facet, FleetRow row) {
        FacetValue v = facet.value(facet.keyOf(row));
        if (v != null) {
            v.tally++;
        }
    }
}
