package io.knobwright.model.apply.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt to apply a plan to its instance: every step journaled before it reaches the server, so that a
 * workbench killed half-way finishes or compensates the run at its next start.
 *
 * @param message what a person should know at the end (what is where, what to do), empty while applying
 */
public record ApplyRun(long id, long planId, long instanceId, String instanceName, String actor, RunState state,
                       Instant startedAt, Instant finishedAt, List<JournalStep> steps, String message) {

    public ApplyRun {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        steps = List.copyOf(steps);
        message = message == null ? "" : message;
    }

    public ApplyRun withSteps(List<JournalStep> next) {
        return new ApplyRun(id, planId, instanceId, instanceName, actor, state, startedAt, finishedAt, next, message);
    }

    public ApplyRun finished(RunState end, Instant at, String why) {
        return new ApplyRun(id, planId, instanceId, instanceName, actor, end, at, at, steps, why);
    }

    /** Parameters whose new value only takes effect after a restart (or an option-file edit and one), once the run is applied. */
    public List<String> pendingRestarts() {
        return state == RunState.APPLIED ? steps.stream().filter(s -> s.restartNeeded() || s.phase() == StepPhase.HANDED_OVER)
                .map(JournalStep::parameter).toList() : List.of();
    }
}
