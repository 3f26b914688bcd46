package io.knobwright.model.apply.journal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * All or nothing on a server that has no multi-parameter transaction: prior values are captured first; each change
 * is journaled, then made, then read back; on any failure the changes that may have reached the server are put
 * back in reverse order and read back too. The end state is the old configuration or the new one; when putting
 * back is refused as well, the run says exactly which parameter holds what (NEEDS_ATTENTION). A run that could not be
 * put back because the server went away stays APPLYING, with nobody owning it, like a run a killed process left
 * behind: {@link #recover} compensates both at the next start once the server answers (0119). A run a live process
 * owns is never touched by another. A change the
 * server can only take from its option file is handed over ({@link ServerSession#handOver}): nothing is sent, and an
 * applied run's message says what to write before the restart.
 */
public final class TransactionalApply {

    private final ApplyJournal journal;
    private final Clock clock;
    private final String owner;

    public TransactionalApply(ApplyJournal journal, Clock clock) {
        this(journal, clock, RunOwner.current());
    }

    /** @param owner the process this instance runs in, recorded on the runs it works on */
    public TransactionalApply(ApplyJournal journal, Clock clock, RunOwner owner) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = owner.text();
    }

    /**
     * Applies a run's steps (their targets; priors are read here) to the server.
     *
     * @param planned the run to make, with steps in order and no id yet
     */
    public ApplyRun apply(ApplyRun planned, ServerSession server) {
        List<JournalStep> steps = new ArrayList<>();
        for (JournalStep s : planned.steps()) {
            String prior;
            try {
                prior = server.read(s.parameter());
            } catch (ServerStepException e) {
                // Nothing was changed yet: the run is refused before it starts, and recorded as rolled back.
                ApplyRun refused = journal.start(planned);
                journal.finish(refused.id(), RunState.ROLLED_BACK, clock.instant(), "Nothing was changed: reading "
                        + s.parameter() + " before applying failed: " + e.getMessage());
                return journal.find(refused.id()).orElseThrow();
            }
            steps.add(new JournalStep(s.ordinal(), s.parameter(), prior, s.target(), s.restartNeeded(), StepPhase.PLANNED, ""));
        }
        ApplyRun run = journal.start(planned.withSteps(steps), owner);
        List<String> handedOver = new ArrayList<>();
        for (JournalStep step : run.steps()) {
            try {
                Optional<String> byHand = server.handOver(step.parameter(), step.target());
                if (byHand.isPresent()) {
                    // Nothing reaches the server, so there is nothing to put back if a later step fails.
                    journal.step(run.id(), step.ordinal(), StepPhase.HANDED_OVER, byHand.get());
                    handedOver.add(byHand.get());
                    continue;
                }
                journal.step(run.id(), step.ordinal(), StepPhase.APPLYING, "");
                server.set(step.parameter(), step.target());
                String back = server.read(step.parameter());
                if (!server.same(step.parameter(), step.target(), back)
                        && !(step.restartNeeded() && server.pendingRestart(step.parameter()))) {
                    throw new ServerStepException(step.parameter() + " reads back " + back + " after setting " + step.target(), false);
                }
                journal.step(run.id(), step.ordinal(), StepPhase.VERIFIED, "");
            } catch (ServerStepException e) {
                // A refused step did not happen; a step cut off by a lost connection may have: compensation looks at it.
                journal.step(run.id(), step.ordinal(), e.unreachable() ? StepPhase.APPLYING : StepPhase.FAILED, e.getMessage());
                return compensate(journal.find(run.id()).orElseThrow(), server,
                        "step " + (step.ordinal() + 1) + " (" + step.parameter() + ") failed: " + e.getMessage());
            }
        }
        journal.finish(run.id(), RunState.APPLIED, clock.instant(), handedOver.isEmpty() ? ""
                : "Not sent, the server cannot take it while running; to finish: " + String.join("; ", handedOver) + ".");
        return journal.find(run.id()).orElseThrow();
    }

    /**
     * Finishes runs left APPLYING that no live process owns (a killed process's, or one whose server went away
     * while it was put back): each is taken over and compensated (it was never confirmed whole). A run whose server
     * cannot be reached now stays APPLYING, to be tried at the next start, and is returned as it is. A run a live
     * process is applying, or another process took over first, is neither touched nor returned.
     *
     * @param sessions opens a session on a run's instance; empty when the instance is gone from the fleet
     */
    public List<ApplyRun> recover(Function<ApplyRun, Optional<ServerSession>> sessions) {
        List<ApplyRun> done = new ArrayList<>();
        for (ApplyRun unfinished : journal.unfinished()) {
            Optional<String> holder = journal.owner(unfinished.id());
            if (holder.flatMap(RunOwner::parse).filter(RunOwner::alive).isPresent()
                    || !journal.claim(unfinished.id(), holder.orElse(null), owner)) {
                continue;
            }
            // Read again once owned: the previous owner may have journaled more before it let go.
            ApplyRun run = journal.find(unfinished.id()).orElseThrow();
            Optional<ServerSession> server;
            try {
                server = sessions.apply(run);
            } catch (ServerStepException e) {
                journal.release(run.id(), run.message());
                done.add(journal.find(run.id()).orElseThrow());
                continue;
            }
            if (server.isEmpty()) {
                journal.finish(run.id(), RunState.NEEDS_ATTENTION, clock.instant(), "Interrupted while applying, and instance "
                        + run.instanceName() + " is no longer in the fleet: " + whatIsWhere(run));
                done.add(journal.find(run.id()).orElseThrow());
                continue;
            }
            // A released run carries the message of its own ending; an orphan's process died without a word.
            done.add(compensate(run, server.get(), run.message().isEmpty()
                    ? "Knobwright stopped while applying (the run was never confirmed whole)"
                    : "The server went away while applying, before the changes could be put back; put back now that it answers"));
        }
        return done;
    }

    private ApplyRun compensate(ApplyRun run, ServerSession server, String why) {
        List<String> problems = new ArrayList<>();
        boolean refused = false;
        for (JournalStep step : run.steps().reversed()) {
            if (step.phase() == StepPhase.HANDED_OVER) {
                // Never sent, so the server holds the prior value; the note must no longer ask for the edit.
                journal.step(run.id(), step.ordinal(), StepPhase.COMPENSATED,
                        "Nothing was sent; the run was rolled back, so do not make this edit.");
                continue;
            }
            if (!step.phase().mayHaveReachedServer()) {
                continue;
            }
            journal.step(run.id(), step.ordinal(), StepPhase.COMPENSATING, step.error());
            try {
                server.restore(step.parameter(), step.prior());
                String back = server.read(step.parameter());
                if (step.prior() != null && !server.same(step.parameter(), step.prior(), back)
                        && !(step.restartNeeded() && server.pendingRestart(step.parameter()))) {
                    throw new ServerStepException(step.parameter() + " reads back " + back + " after putting back " + step.prior(), false);
                }
                journal.step(run.id(), step.ordinal(), StepPhase.COMPENSATED, step.error());
            } catch (ServerStepException e) {
                journal.step(run.id(), step.ordinal(), StepPhase.COMPENSATING, e.getMessage());
                refused |= !e.unreachable();
                problems.add(step.parameter() + " (wanted back: " + (step.prior() == null ? "the default" : step.prior())
                        + "; " + e.getMessage() + ")");
            }
        }
        ApplyRun now = journal.find(run.id()).orElseThrow();
        if (problems.isEmpty()) {
            journal.finish(run.id(), RunState.ROLLED_BACK, clock.instant(), why + ". Every change was put back and read back:"
                    + " the server holds its configuration from before the run.");
        } else if (!refused) {
            // The server went away: nothing a person must decide yet. The run stays owed to the server, for the next
            // start to put back once it answers, as a killed process's would (0119).
            journal.release(run.id(), why + ". The server could not be reached to put back " + String.join("; ", problems)
                    + ". " + whatIsWhere(now) + " Knobwright puts these back the next time it starts (any command) and"
                    + " the server answers; until then the plan stays applying.");
        } else {
            journal.finish(run.id(), RunState.NEEDS_ATTENTION, clock.instant(), why + ". Putting back failed for "
                    + String.join("; ", problems) + ". " + whatIsWhere(now) + " Set those parameters by hand, or apply the"
                    + " plan again once the server answers.");
        }
        return journal.find(run.id()).orElseThrow();
    }

    /** "work_mem: new value 64MB may be in place (was 4MB); ..." for every step that may have reached the server. */
    static String whatIsWhere(ApplyRun run) {
        List<String> where = new ArrayList<>();
        for (JournalStep s : run.steps()) {
            switch (s.phase()) {
                case VERIFIED -> where.add(s.parameter() + " holds the new value " + s.target() + " (was " + s.prior() + ")");
                case APPLYING, COMPENSATING -> where.add(s.parameter() + " may hold " + s.target() + " or " + s.prior());
                case COMPENSATED -> where.add(s.parameter() + " is back at " + s.prior());
                default -> {
                }
            }
        }
        return where.isEmpty() ? "No change reached the server." : "Where things are: " + String.join("; ", where) + ".";
    }
}
