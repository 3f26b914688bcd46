package io.knobwright.model.apply.journal;

import java.util.Objects;

/**
 * One parameter change of an apply run, as journaled.
 *
 * @param prior   the value the server held before the run (captured first); null when the server did not report it
 * @param target  the value the plan sets
 * @param error   why the step failed or could not be compensated; for a {@link StepPhase#HANDED_OVER} step what a
 *                person must do to make it; empty otherwise
 */
public record JournalStep(int ordinal, String parameter, String prior, String target, boolean restartNeeded,
                          StepPhase phase, String error) {

    public JournalStep {
        if (ordinal < 0) {
            throw new IllegalArgumentException("Steps are numbered from 0");
        }
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("A step needs a parameter");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(phase, "phase");
        error = error == null ? "" : error;
    }

    public JournalStep in(StepPhase next, String why) {
        return new JournalStep(ordinal, parameter, prior, target, restartNeeded, next, why);
    }
}
