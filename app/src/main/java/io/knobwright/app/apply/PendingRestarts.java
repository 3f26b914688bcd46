package io.knobwright.app.apply;

import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parameters applied plans set that the server does not run with yet (PostgreSQL pending_restart, MySQL SET
 * PERSIST_ONLY, MariaDB option-file lines a person writes), listed per instance until a check finds the server
 * running with the value: then it is cleared. Nothing here restarts a server.
 */
public final class PendingRestarts {

    /** What a check found on one instance. */
    public record Check(Instance instance, List<PendingRestart> cleared, List<PendingRestart> waiting, Optional<String> unreachable) {
        public Check {
            cleared = List.copyOf(cleared);
            waiting = List.copyOf(waiting);
        }
    }

    private final UnitOfWork store;
    private final Function<Instance, ServerSession> sessions;

    /** @param sessions opens an apply session on an instance (its engine's, with its credential and catalog) */
    PendingRestarts(UnitOfWork store, Function<Instance, ServerSession> sessions) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** Everything waiting, by instance and parameter: the dashboard's tile and {@code fleet restarts}. */
    public List<PendingRestart> pending() {
        return store.pendingRestarts().all();
    }

    public List<PendingRestart> pending(Instance instance) {
        return store.pendingRestarts().ofInstance(instance.id());
    }

    /**
     * After an applied run, while its session is still open: every step that waits for a restart (or was handed over
     * as option-file lines) and that the server does not already run with is recorded as waiting.
     */
    void recordAfter(ApplyRun run, ServerSession server) {
        if (run.state() != RunState.APPLIED) {
            return;
        }
        for (JournalStep step : run.steps()) {
            boolean handedOver = step.phase() == StepPhase.HANDED_OVER;
            if (!step.restartNeeded() && !handedOver || alreadyInEffect(server, step)) {
                continue;
            }
            store.pendingRestarts().put(new PendingRestart(run.instanceId(), run.instanceName(), step.parameter(), step.target(),
                    run.finishedAt() == null ? run.startedAt() : run.finishedAt(), run.planId(), run.id(),
                    handedOver ? step.error() : ""));
        }
    }

    /**
     * Asks the instance's server about each parameter waiting on it and clears those it runs with now. An instance
     * that cannot be reached keeps its list, and the check says why.
     */
    public Check check(Instance instance) {
        List<PendingRestart> waiting = pending(instance);
        if (waiting.isEmpty()) {
            return new Check(instance, List.of(), List.of(), Optional.empty());
        }
        ServerSession server;
        try {
            server = sessions.apply(instance);
        } catch (UserError | ServerStepException e) {
            return new Check(instance, List.of(), waiting, Optional.of(e.getMessage()));
        }
        List<PendingRestart> cleared = new ArrayList<>();
        List<PendingRestart> still = new ArrayList<>();
        try {
            for (PendingRestart p : waiting) {
                try {
                    if (inEffect(server, p.parameter(), p.value())) {
                        store.pendingRestarts().clear(instance.id(), p.parameter());
                        cleared.add(p);
                    } else {
                        still.add(p);
                    }
                } catch (ServerStepException e) {
                    if (e.unreachable()) {
                        still.addAll(waiting.subList(waiting.indexOf(p), waiting.size()));
                        return new Check(instance, cleared, still, Optional.of(e.getMessage()));
                    }
                    still.add(p); // a parameter the server will not report stays listed for a person to look at
                }
            }
        } finally {
            if (server instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the check's outcome is stored; a connection that will not close changes nothing
                }
            }
        }
        return new Check(instance, cleared, still, Optional.empty());
    }

    /** A restart-only value the server runs with already (set before, or equal to what it had): nothing to wait for. */
    private static boolean alreadyInEffect(ServerSession server, JournalStep step) {
        try {
            return inEffect(server, step.parameter(), step.target());
        } catch (ServerStepException e) {
            return false; // not known: listed, and the next check asks again
        }
    }

    /** The server runs with the value: it reads back equal and waits for no restart of it. */
    private static boolean inEffect(ServerSession server, String parameter, String target) {
        String now = server.read(parameter);
        return server.same(parameter, target, now) && !server.pendingRestart(parameter);
    }
}
