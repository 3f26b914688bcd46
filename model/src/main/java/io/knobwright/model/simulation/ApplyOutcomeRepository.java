package io.knobwright.model.simulation;

import java.util.List;
import java.util.Optional;

/** What applied plans were predicted to do and measurably did (schema 27, decision 0152). */
public interface ApplyOutcomeRepository {

    /** Stores the record made at an apply; returns it with its id. One per apply run: a second is refused. */
    ApplyOutcome record(ApplyOutcome outcome);

    /** Writes the measured comparison of a stored record (replacing an earlier one). */
    void measured(long id, ApplyOutcome.Measured measured);

    Optional<ApplyOutcome> find(long id);

    /** The records of a plan, newest first (a plan rolled back and applied again has one per run). */
    List<ApplyOutcome> ofPlan(long planId);

    /** The records of an instance, newest first. */
    List<ApplyOutcome> ofInstance(long instanceId);

    /** The records not measured yet, oldest first, at most {@code limit}. */
    List<ApplyOutcome> unmeasured(int limit);

    /** The records measured with {@code verdict} at or after {@code since}, newest first (flagged regressions). */
    List<ApplyOutcome> withVerdict(ApplyOutcome.Verdict verdict, java.time.Instant since);
}
