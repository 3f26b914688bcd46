package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Optional;

/**
 * One rule every recommended configuration obeys. A constraint is checked before the model is asked, so a refused
 * candidate costs no prediction; its message says why, in words a DBA can act on.
 */
public interface Constraint {

    /** A short name for the JSON and the tests ("memory budget", "locked parameters"). */
    String name();

    /** Why the candidate is refused; empty when it obeys this rule. */
    Optional<String> violation(Candidate candidate);

    /** The rules of decision 0149, in the order their messages are reported. */
    static List<Constraint> all() {
        return List.of(new CatalogValidity(), new LockedParameters(), new RestartRequirement(), new DurabilityGuard(),
                new ConnectionFloor(), new MemoryBudget());
    }
}
