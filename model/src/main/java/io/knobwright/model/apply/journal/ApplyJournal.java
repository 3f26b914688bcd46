package io.knobwright.model.apply.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The apply journal in the store. Each call commits on its own (it is the record of what reached a server, so it
 * must survive the process that writes it); {@link TransactionalApply} writes a phase before it acts on it.
 */
public interface ApplyJournal {

    /**
     * Records a new run in APPLYING with its steps PLANNED (prior values captured), owned by {@code owner} until it
     * is finished or released; returns it with its id.
     *
     * @param owner {@link RunOwner#text()} of the process applying it; null: nobody (recovery may take it at once)
     */
    ApplyRun start(ApplyRun run, String owner);

    /** A run nobody owns: what a process that was killed leaves behind. */
    default ApplyRun start(ApplyRun run) {
        return start(run, null);
    }

    void step(long runId, int ordinal, StepPhase phase, String error);

    /** Ends a run; it no longer has an owner. */
    void finish(long runId, RunState state, Instant at, String message);

    /**
     * Leaves a run unfinished (APPLYING) with nobody owning it, so that the next start finishes it; the message says
     * what is where meanwhile.
     */
    void release(long runId, String message);

    /** {@link RunOwner#text()} of the process working on an unfinished run; empty when nobody is. */
    Optional<String> owner(long runId);

    /**
     * Takes an unfinished run over, only if its owner is still {@code expected} (null: nobody): of two processes
     * that try at once, one gets it.
     *
     * @return whether this caller owns the run now
     */
    boolean claim(long runId, String expected, String owner);

    Optional<ApplyRun> find(long runId);

    /** Runs still APPLYING: interrupted ones, to finish or compensate at start. */
    List<ApplyRun> unfinished();

    /** A plan's runs, newest first. */
    List<ApplyRun> ofPlan(long planId);
}
