package io.knobwright.app.ui.operations;

import java.util.List;

/**
 * Where the dashboard learns which instances wait for a restart (what applied plans set that the servers do not run
 * with yet, per instance). Read off the FX thread.
 */
@FunctionalInterface
public interface PendingRestarts {

    List<PendingRestartRow> current();

    /** False while nothing tracks pending restarts: an empty list then means "unknown", not "none". */
    default boolean known() {
        return true;
    }

    /** Nothing tracked (windows built without a store, in tests of other screens). */
    PendingRestarts NONE_KNOWN = new PendingRestarts() {
        @Override
        public List<PendingRestartRow> current() {
            return List.of();
        }

        @Override
        public boolean known() {
            return false;
        }
    };

    /** The store's record of pending restarts, one row per instance, the oldest wait first. */
    static PendingRestarts of(io.knobwright.app.apply.PendingRestarts service) {
        return () -> {
            java.util.Map<String, List<io.knobwright.model.apply.restart.PendingRestart>> byInstance = new java.util.TreeMap<>();
            for (var p : service.pending()) {
                byInstance.computeIfAbsent(p.instanceName(), k -> new java.util.ArrayList<>()).add(p);
            }
            return byInstance.entrySet().stream().map(e -> new PendingRestartRow(e.getKey(),
                            e.getValue().stream().map(p -> p.parameter() + " = " + p.value()).toList(),
                            e.getValue().stream().map(io.knobwright.model.apply.restart.PendingRestart::since)
                                    .min(java.util.Comparator.naturalOrder()).orElseThrow()))
                    .sorted(java.util.Comparator.comparing(PendingRestartRow::since)).toList();
        };
    }
}
