package io.knobwright.app.ui.fleet;

/**
 * A choice in the "Group by" box: nothing, or one facet (engine, version, tier, criticality,
 * workload, a tag key).
 *
 * @param facet null for no grouping
 */
public record GroupBy(String label, Facet facet) {

    public static final GroupBy NONE = new GroupBy("No grouping", null);

    static GroupBy of(Facet facet) {
        return new GroupBy(facet.title(), facet);
    }

    /** Identity across reloads, when facets are rebuilt. */
    public String id() {
        return facet == null ? "" : facet.id();
    }

    @Override
    public String toString() {
        return label;
    }
}
