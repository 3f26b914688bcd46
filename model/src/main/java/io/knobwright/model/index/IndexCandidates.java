package io.knobwright.model.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate indexes from the needs of many plans: one candidate per table and column list, with every query that asked
 * for it, and none that an existing index already covers.
 */
public final class IndexCandidates {

    private IndexCandidates() {
    }

    /** One plan's need and the fingerprint of the query it came from. */
    public record Sourced(ScanNeed need, String queryKey) {
    }

    public static List<CandidateIndex> of(List<Sourced> needs, List<ExistingIndex> existing) {
        Map<String, List<Sourced>> byIndex = new LinkedHashMap<>();
        for (Sourced s : needs) {
            List<String> columns = s.need().indexColumns();
            if (columns.isEmpty() || covered(s.need(), existing)) {
                continue;
            }
            byIndex.computeIfAbsent(s.need().schema() + "." + s.need().table() + columns, k -> new ArrayList<>()).add(s);
        }
        List<CandidateIndex> out = new ArrayList<>();
        for (List<Sourced> group : byIndex.values()) {
            ScanNeed first = group.getFirst().need();
            Set<String> reasons = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            for (Sourced s : group) {
                reasons.add(s.need().reason());
                keys.add(s.queryKey());
            }
            out.add(new CandidateIndex(first.schema(), first.table(), first.indexColumns(), String.join("; ", reasons),
                    List.copyOf(keys)));
        }
        return out;
    }

    /**
     * An existing valid, full btree on the table whose leading columns are the need's equality columns (in any order)
     * followed by its range or sort columns in order: it serves the scan already (the prefix rule).
     */
    public static boolean covered(ScanNeed need, List<ExistingIndex> existing) {
        List<String> wanted = need.indexColumns();
        int equalities = need.equality().size();
        for (ExistingIndex index : existing) {
            if (!index.valid() || !index.predicate().isEmpty() || !index.method().equals("btree")
                    || !index.schema().equals(need.schema()) || !index.table().equals(need.table())
                    || index.columns().size() < wanted.size()) {
                continue;
            }
            List<String> leading = index.columns().subList(0, wanted.size());
            if (new HashSet<>(leading.subList(0, equalities)).equals(new HashSet<>(wanted.subList(0, equalities)))
                    && leading.subList(equalities, wanted.size()).equals(wanted.subList(equalities, wanted.size()))) {
                return true;
            }
        }
        return false;
    }
}
