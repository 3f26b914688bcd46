package io.knobwright.app.ui.operations;

import java.util.List;

/**
 * Where the dashboard learns which instances wait for a restart. Read off the FX thread.
 *
 * <p>MERGE POINT: the PendingRestarts service (another branch, "pending restarts per instance") plugs in here, in
 * {@link StoreOperationsDesk#of}; until then {@link #NONE_KNOWN} is wired and the tile says the data is not tracked
 * rather than showing a reassuring zero.
 */
@FunctionalInterface
public interface PendingRestarts {

    List<PendingRestartRow> current();

    /** False while nothing tracks pending restarts: an empty list then means "unknown", not "none". */
    default boolean known() {
        return true;
    }

    /** Placeholder until the PendingRestarts service is merged. */
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
}
