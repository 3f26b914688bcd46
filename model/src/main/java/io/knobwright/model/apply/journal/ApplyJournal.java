package io.knobwright.model.apply.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The apply journal in the store. Each call commits on its own (it is the record of what reached a server, so it
 * must survive the process that writes it); {@link TransactionalApply} writes a phase before it acts on it.
 */
public interface ApplyJournal {

    /** Records a new run in APPLYING with its steps PLANNED (prior values captured); returns it with its id. */
    ApplyRun start(ApplyRun run);

    void step(long runId, int ordinal, StepPhase phase, String error);

    void finish(long runId, RunState state, Instant at, String message);

    Optional<ApplyRun> find(long runId);

    /** Runs still APPLYING: interrupted ones, to finish or compensate at start. */
    List<ApplyRun> unfinished();

    /** A plan's runs, newest first. */
    List<ApplyRun> ofPlan(long planId);
}
