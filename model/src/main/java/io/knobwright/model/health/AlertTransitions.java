package io.knobwright.model.health;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where an alert's change of state is written together with its announcement. The work changes the state by
 * compare-and-set (so of two evaluators sharing a store only one sees the change) and returns the transition it made;
 * an implementation backed by the store runs it in one unit of work with the webhook deliveries of that transition,
 * so a state change and its notification are kept together or not at all.
 */
@FunctionalInterface
public interface AlertTransitions {

    /** Runs {@code work} as one unit and announces what it returns inside that unit; returns the same. */
    Optional<AlertTransition> write(Function<AlertStateRepository, Optional<AlertTransition>> work);

    /** Straight on {@code state}, announcing nothing beyond the evaluator's own notifiers (tests, no store). */
    static AlertTransitions direct(AlertStateRepository state) {
        return work -> work.apply(state);
    }
}
