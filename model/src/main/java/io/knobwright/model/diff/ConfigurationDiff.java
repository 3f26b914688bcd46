package io.knobwright.model.diff;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares two configurations (name -> value text) parameter by parameter, using the catalog to decide
 * when two spellings mean the same value. Rows come sorted by category, then name, so a diff of 400+
 * parameters groups the way the catalog does.
 */
public final class ConfigurationDiff {

    private final ValueEquivalence equivalence;

    public ConfigurationDiff(ValueEquivalence equivalence) {
        this.equivalence = equivalence;
    }

    public List<DiffRow> compare(Map<String, String> left, Map<String, String> right, ParameterCatalog catalog) {
        Map<String, Sides> sides = new TreeMap<>();
        left.forEach((name, value) -> sides.computeIfAbsent(key(name), k -> new Sides(name)).left = value);
        right.forEach((name, value) -> sides.computeIfAbsent(key(name), k -> new Sides(name)).right = value);

        List<DiffRow> rows = new ArrayList<>(sides.size());
        sides.forEach((key, s) -> {
            Optional<ParameterSpec> spec = catalog.find(key);
            ChangeKind change = s.left == null ? ChangeKind.ADDED
                    : s.right == null ? ChangeKind.REMOVED
                    : equivalence.same(spec.orElse(null), s.left, s.right) ? ChangeKind.SAME : ChangeKind.CHANGED;
            rows.add(new DiffRow(spec.map(ParameterSpec::name).orElse(s.spelling),
                    readable(spec.orElse(null), s.left), readable(spec.orElse(null), s.right), change,
                    spec.map(ParameterSpec::category).orElse("Unknown to the catalog"),
                    spec.map(ParameterSpec::applyMode).orElse(null)));
        });
        rows.sort(Comparator.comparing(DiffRow::category).thenComparing(DiffRow::name));
        return rows;
    }

    /**
     * Shows a value in its engine's most readable unit ("65536" kB becomes "64MB"), so both sides of a row
     * read alike; a value the model cannot read is shown as it is.
     */
    private static String readable(ParameterSpec spec, String value) {
        return spec == null ? value : Values.readable(spec, value);
    }

    /** Both sides of one parameter while the rows are collected; spelling is the first name seen. */
    private static final class Sides {
        final String spelling;
        String left;
        String right;

        Sides(String spelling) {
            this.spelling = spelling;
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
