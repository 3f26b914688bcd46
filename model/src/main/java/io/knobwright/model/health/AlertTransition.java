package io.knobwright.model.health;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert that became active (raised: not silenced, not announced before) or stopped holding after it had been raised
 * (cleared). Each is announced once, whichever evaluator (CLI, daemon, workbench) saw it first.
 *
 * @param alert for a cleared alert, the alert as it was last seen
 * @param at    when the evaluation that saw the change ran
 */
public record AlertTransition(Change change, Alert alert, Instant at) {

    public enum Change {
        RAISED,
        CLEARED
    }

    public AlertTransition {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(at, "at");
    }
}
