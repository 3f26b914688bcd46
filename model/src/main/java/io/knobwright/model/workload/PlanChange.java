package io.knobwright.model.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query whose plan shape changed between two captures on the same instance: both plans, for the side-by-side view.
 */
public record PlanChange(CapturedPlan before, CapturedPlan after) {

    public PlanChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.queryKey().equals(after.queryKey()) || before.instanceId() != after.instanceId()) {
            throw new IllegalArgumentException("A plan change compares two captures of one query on one instance.");
        }
    }

    /**
     * Every change of shape in a history of captures (any order, any queries): for each query, each capture whose
     * shape differs from the one before it. Newest change first.
     */
    public static List<PlanChange> in(List<CapturedPlan> captures) {
        Map<String, List<CapturedPlan>> byQuery = new LinkedHashMap<>();
        for (CapturedPlan c : captures) {
            byQuery.computeIfAbsent(c.instanceId() + "/" + c.queryKey(), k -> new ArrayList<>()).add(c);
        }
        List<PlanChange> changes = new ArrayList<>();
        for (List<CapturedPlan> history : byQuery.values()) {
            history.sort(Comparator.comparing(CapturedPlan::capturedAt));
            for (int i = 1; i < history.size(); i++) {
                if (history.get(i).shape().differsFrom(history.get(i - 1).shape())) {
                    changes.add(new PlanChange(history.get(i - 1), history.get(i)));
                }
            }
        }
        changes.sort(Comparator.comparing((PlanChange c) -> c.after().capturedAt()).reversed());
        return changes;
    }
}
