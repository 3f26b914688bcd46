package io.knobwright.model.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Unused, duplicate and redundant indexes among a database's indexes. An index that backs a constraint (primary key,
 * unique, exclusion) or is unique enforces something and is never proposed for removal; an invalid one is left to the
 * DBA (it is being built, or a build failed). Each list is ordered by size, the largest first: that is what is won.
 */
public final class IndexHygiene {

    private IndexHygiene() {
    }

    /** Indexes never scanned since the statistics were reset. */
    public static List<HygieneFinding> unused(List<ExistingIndex> indexes) {
        List<HygieneFinding> out = new ArrayList<>();
        for (ExistingIndex i : indexes) {
            if (i.scans() == 0 && removable(i)) {
                out.add(new HygieneFinding(HygieneFinding.Kind.UNUSED, i, "", "Not scanned once since the statistics were"
                        + " reset; it still costs every write on " + i.table() + "."));
            }
        }
        return bySize(out);
    }

    /**
     * Pairs with the same table, method, columns and predicate: the one that can go is the one not backing a
     * constraint, else the later name.
     */
    public static List<HygieneFinding> duplicates(List<ExistingIndex> indexes) {
        List<HygieneFinding> out = new ArrayList<>();
        List<ExistingIndex> sorted = indexes.stream().filter(ExistingIndex::valid)
                .sorted(Comparator.comparing(ExistingIndex::qualifiedName)).toList();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (int a = 0; a < sorted.size(); a++) {
            for (int b = a + 1; b < sorted.size(); b++) {
                ExistingIndex x = sorted.get(a);
                ExistingIndex y = sorted.get(b);
                if (!x.comparableWith(y) || !x.columns().equals(y.columns())) {
                    continue;
                }
                ExistingIndex keep = removable(y) || !removable(x) ? x : y;
                ExistingIndex drop = keep == x ? y : x;
                if (removable(drop) && reported.add(drop.qualifiedName())) {
                    out.add(new HygieneFinding(HygieneFinding.Kind.DUPLICATE, drop, keep.name(), "Same columns ("
                            + String.join(", ", drop.columns()) + ")" + (drop.predicate().isEmpty() ? "" : ", same predicate")
                            + " as " + keep.name() + "."));
                }
            }
        }
        return bySize(out);
    }

    /**
     * Indexes whose columns are the leading columns of a longer index on the same table (a btree on (a) next to one
     * on (a, b)): the longer one serves every query the shorter one does, a little larger per entry.
     */
    public static List<HygieneFinding> redundant(List<ExistingIndex> indexes) {
        List<HygieneFinding> out = new ArrayList<>();
        for (ExistingIndex shorter : indexes) {
            if (!removable(shorter) || !shorter.method().equals("btree")) {
                continue;
            }
            indexes.stream()
                    .filter(longer -> longer != shorter && longer.valid() && longer.comparableWith(shorter)
                            && longer.columns().size() > shorter.columns().size()
                            && longer.columns().subList(0, shorter.columns().size()).equals(shorter.columns()))
                    .min(Comparator.comparingInt((ExistingIndex l) -> l.columns().size()).thenComparing(ExistingIndex::name))
                    .ifPresent(longer -> out.add(new HygieneFinding(HygieneFinding.Kind.REDUNDANT, shorter, longer.name(),
                            "(" + String.join(", ", shorter.columns()) + ") is the leading part of " + longer.name()
                                    + " (" + String.join(", ", longer.columns()) + "), which serves the same lookups.")));
        }
        return bySize(out);
    }

    /** An index whose removal changes no rule the data must keep. */
    static boolean removable(ExistingIndex i) {
        return i.valid() && !i.unique() && !i.constraint();
    }

    private static List<HygieneFinding> bySize(List<HygieneFinding> findings) {
        return findings.stream().sorted(Comparator.comparingLong(HygieneFinding::sizeBytes).reversed()
                .thenComparing(f -> f.index().qualifiedName())).toList();
    }
}
