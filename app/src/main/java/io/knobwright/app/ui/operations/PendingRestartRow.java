package io.knobwright.app.ui.operations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One instance whose configuration holds values that take effect only after its next restart.
 *
 * @param since when the oldest of them was applied, or null when not known
 */
public record PendingRestartRow(String instance, List<String> parameters, Instant since) {

    public PendingRestartRow {
        Objects.requireNonNull(instance, "instance");
        parameters = List.copyOf(parameters);
    }
}
