package io.knobwright.app.ui.fleet;

import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the facets of a fleet from its rows: only values that occur, in an order a DBA expects. */
final class FleetFacets {

    /** Tag keys with more distinct values than this are searchable and groupable, but get no checkbox list. */
    static final int MAX_FILTER_VALUES = 40;

    private FleetFacets() {
    }

    static List<Facet> build(List<FleetRow> rows) {
        List<Facet> facets = new ArrayList<>();
        facets.add(enumFacet("engine", "Engine", rows, r -> r.instance().engine(), Comparator.naturalOrder(),
                Engine::displayName));
        facets.add(versionFacet(rows));
        facets.add(enumFacet("tier", "Tier", rows, r -> r.instance().tier(), Comparator.naturalOrder(), Labels::tier));
        facets.add(enumFacet("criticality", "Criticality", rows, r -> r.instance().criticality(),
                Comparator.<Criticality>naturalOrder().reversed(), Labels::criticality));
        facets.add(enumFacet("workload", "Workload", rows, r -> r.instance().workload(), Comparator.naturalOrder(),
                Labels::workload));
        templateFacet(rows).ifPresent(facets::add);
        facets.addAll(tagFacets(rows));
        return facets;
    }

    private static <E extends Enum<E>> Facet enumFacet(String id, String title, List<FleetRow> rows,
                                                       Function<FleetRow, E> valueOf, Comparator<E> order,
                                                       Function<E, String> label) {
        TreeSet<E> present = new TreeSet<>(order);
        rows.forEach(r -> present.add(valueOf.apply(r)));
        List<FacetValue> values = present.stream().map(e -> new FacetValue(e.name(), label.apply(e))).toList();
        return new Facet(id, title, "(none)", "", r -> valueOf.apply(r).name(), values, true);
    }

    private static Facet versionFacet(List<FleetRow> rows) {
        Map<String, FleetRow> firstByKey = new TreeMap<>();
        rows.forEach(r -> firstByKey.putIfAbsent(r.versionKey(), r));
        List<FleetRow> samples = new ArrayList<>(firstByKey.values());
        samples.sort(Comparator.comparing((FleetRow r) -> r.instance().engine())
                .thenComparing(r -> r.instance().version(), Labels.VERSION_ORDER));
        List<FacetValue> values = samples.stream().map(r -> new FacetValue(r.versionKey(), r.versionLabel())).toList();
        return new Facet("version", "Version", "(none)", "", FleetRow::versionKey, values, true);
    }

    /** The templates instances follow; absent while no instance follows one. */
    private static java.util.Optional<Facet> templateFacet(List<FleetRow> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> {
            if (r.hasTemplate()) {
                names.add(r.templateText());
            }
        });
        if (names.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<FacetValue> values = names.stream().map(n -> new FacetValue(n, n)).toList();
        return java.util.Optional.of(new Facet("template", "Template", "(no template)", "",
                r -> r.hasTemplate() ? r.templateText() : null, values, values.size() <= MAX_FILTER_VALUES));
    }

    private static List<Facet> tagFacets(List<FleetRow> rows) {
        Map<String, TreeSet<String>> valuesByKey = new TreeMap<>();
        for (FleetRow r : rows) {
            r.tags().forEach((k, v) -> valuesByKey.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        List<Facet> facets = new ArrayList<>();
        valuesByKey.forEach((key, vals) -> {
            // The value alone is key and label: matching a row costs one map lookup, and under the
            // heading "Tag region" the value "eu-west-1" says enough in a narrow panel.
            List<FacetValue> values = vals.stream().map(v -> new FacetValue(v, v)).toList();
            facets.add(new Facet("tag:" + key, "Tag " + key, "(no " + key + ")", key + "=", r -> r.tag(key), values,
                    values.size() <= MAX_FILTER_VALUES));
        });
        return facets;
    }

    /** Carries the user's ticks over to freshly built facets, by facet id and value key. */
    static void keepSelections(List<Facet> previous, List<Facet> fresh) {
        Map<String, Facet> byId = new LinkedHashMap<>();
        fresh.forEach(f -> byId.put(f.id(), f));
        for (Facet old : previous) {
            Facet now = byId.get(old.id());
            if (now == null) {
                continue;
            }
            for (FacetValue v : old.values()) {
                FacetValue match = now.value(v.key());
                if (v.isSelected() && match != null) {
                    match.setSelected(true);
                }
            }
        }
    }
}
