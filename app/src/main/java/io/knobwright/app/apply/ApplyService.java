package io.knobwright.app.apply;

import io.knobwright.app.governance.GovernanceService;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.ApplyPlanner;
import io.knobwright.model.apply.PriorValue;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.apply.journal.TransactionalApply;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.UnitOfWork;
import io.knobwright.model.value.Values;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies an approved plan to its server, all or nothing (TransactionalApply over the store's journal): the gate of
 * governance first, every change checked against the server's catalog before anything is sent, the plan's baseline
 * compared with what the server holds now, then the run; the plan's state and the audit trail follow its outcome.
 * Every engine is applied live through its session (the connectors' ApplySessions); SQL Server and Oracle only where
 * their JDBC driver is on the class path. Parameters left waiting for a restart are recorded in {@link #restarts()}.
 */
public final class ApplyService {

    /** Opens an apply session on a server; the connectors give one per engine. */
    @FunctionalInterface
    public interface Sessions {
        ServerSession open(Instance instance, ConnectionTarget target, ParameterCatalog catalog);
    }

    private final UnitOfWork store;
    private final CredentialVault vault;
    private final GovernanceService governance;
    private final Function<Long, Optional<ParameterCatalog>> catalogs;
    private final Sessions sessions;
    private final Clock clock;
    private final TransactionalApply transactional;
    private final PendingRestarts restarts;
    /** Told of each run that reached APPLIED, after its plan and audit followed (the learning loop records it). */
    private volatile java.util.function.Consumer<ApplyRun> afterApplied = run -> { };

    public ApplyService(UnitOfWork store, CredentialVault vault, GovernanceService governance,
                        Function<Long, Optional<ParameterCatalog>> catalogs, Sessions sessions, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.governance = Objects.requireNonNull(governance, "governance");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactional = new TransactionalApply(store.applyJournal(), clock);
        this.restarts = new PendingRestarts(store, instance -> {
            if (!instance.connectable()) {
                throw UserError.input(instance.name() + " has no connection (inventory only): it cannot be asked.");
            }
            return open(instance, catalog(instance));
        });
    }

    public ApplyRun apply(String actor, long planId) {
        ChangePlan plan = governance.requireReadyToApply(actor, planId);
        Instance instance = store.instances().findById(plan.instanceId()).filter(i -> i.name().equals(plan.instanceName()))
                .orElseThrow(() -> UserError.input("Plan " + planId + " is for " + plan.instanceName()
                        + ", which is no longer in the fleet: nothing was applied."));
        if (!instance.connectable()) {
            throw UserError.input(instance.name() + " has no connection (inventory only): register it with `knobwright fleet add`"
                    + " to apply plans to it.");
        }
        ParameterCatalog catalog = catalog(instance);
        refuseInvalid(plan, catalog);
        refuseOverridden(plan);
        ServerSession server = open(instance, catalog);
        try {
            refuseDrifted(plan, server, catalog);
            store.inTransaction(repos -> {
                repos.plans().updateState(planId, PlanState.APPLYING);
                repos.audit().append(new AuditEntry(actor, "plan.apply.started", "plan:" + planId, plan.state().name(),
                        PlanState.APPLYING.name(), plan.changes().size() + " changes on " + instance.name()), clock.instant());
            });
            List<JournalStep> steps = new ArrayList<>();
            for (int i = 0; i < plan.changes().size(); i++) {
                PlannedChange c = plan.changes().get(i);
                steps.add(new JournalStep(i, c.parameter(), null, c.to(), c.restartNeeded(), StepPhase.PLANNED, ""));
            }
            ApplyRun run = transactional.apply(new ApplyRun(0, planId, instance.id(), instance.name(), actor, RunState.APPLYING,
                    clock.instant(), null, steps, ""), server);
            record(run, actor);
            restarts.recordAfter(run, server);
            if (run.state() == RunState.APPLIED) {
                try {
                    afterApplied.accept(run);
                } catch (RuntimeException notRecorded) {
                    // the apply is done and recorded; what it was predicted to do is an addition that must not undo it
                }
            }
            return run;
        } finally {
            if (server instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the run is recorded; a connection that will not close changes nothing
                }
            }
        }
    }

    private ParameterCatalog catalog(Instance instance) {
        return catalogs.apply(instance.id()).orElseThrow(() -> UserError.input("No catalog for "
                + instance.engine().displayName() + " " + instance.version() + ": nothing was applied."));
    }

    /** The engine's session on the instance, with its credential from the vault; nothing is contacted yet. */
    private ServerSession open(Instance instance, ParameterCatalog catalog) {
        ConnectionTarget target = new ConnectionTarget(instance.connection().jdbcUrl(), instance.connection().user(),
                vault.open(instance.connection().credential(), instance.name()).orElse(null));
        return sessions.open(instance, target, catalog);
    }

    /** Who is told of each run that reached APPLIED (decision 0152: what it was predicted to do is recorded). */
    public void afterApplied(java.util.function.Consumer<ApplyRun> listener) {
        this.afterApplied = Objects.requireNonNull(listener, "listener");
    }

    /** Parameters applied plans set that wait for their server's restart; checks open sessions like applying does. */
    public PendingRestarts restarts() {
        return restarts;
    }

    /** Every change checked against the server's catalog first: one bad value and nothing is sent. */
    private static void refuseInvalid(ChangePlan plan, ParameterCatalog catalog) {
        ApplyPlanner planner = new ApplyPlanner(catalog);
        List<String> problems = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            try {
                planner.plan(c, PriorValue.notPersisted(c.from()));
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw UserError.input("Plan " + plan.id() + " cannot be applied as it stands; nothing was sent: "
                    + String.join("; ", problems));
        }
    }

    /**
     * A parameter an emergency override holds would be changed under it, and then changed again when the override
     * restores itself: the plan waits until the override is restored or cancelled (kept).
     */
    private void refuseOverridden(ChangePlan plan) {
        List<String> held = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            for (var o : store.overrides().liveOn(plan.instanceId(), c.parameter())) {
                held.add(c.parameter() + " (override " + o.id() + " by " + o.actor() + ", until " + o.deadline() + ")");
            }
        }
        if (!held.isEmpty()) {
            throw new io.knobwright.model.approval.GovernanceRefusal(io.knobwright.model.approval.GovernanceRefusal.Reason.CONFLICT,
                    "Plan " + plan.id() + " changes parameters an emergency override holds on " + plan.instanceName() + ": "
                    + String.join("; ", held) + ". Nothing was applied: restore the override (`knobwright override restore ID`)"
                    + " or keep it (`knobwright override cancel ID`) first.");
        }
    }

    /** A plan made against values the server no longer holds is refused, with the differences. */
    private static void refuseDrifted(ChangePlan plan, ServerSession server, ParameterCatalog catalog) {
        if (!plan.hasBaseline()) {
            return;
        }
        List<String> differences = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            if (c.from() == null) {
                continue;
            }
            String now;
            try {
                now = server.read(c.parameter());
            } catch (ServerStepException e) {
                throw new UserError(e.unreachable() ? UserError.Kind.UNREACHABLE : UserError.Kind.INPUT,
                        "Could not read " + c.parameter() + " before applying; nothing was changed: " + e.getMessage());
            }
            boolean same = now != null && catalog.find(c.parameter()).map(spec -> Values.same(spec, c.from(), now))
                    .orElse(c.from().equals(now));
            if (!same) {
                differences.add(c.parameter() + " is " + now + " on the server, the plan expected " + c.from());
            }
        }
        if (!differences.isEmpty()) {
            throw UserError.input("The server changed since plan " + plan.id() + " was made (" + plan.baseline() + "); nothing"
                    + " was applied: " + String.join("; ", differences) + ". Create the plan again from the server's settings.");
        }
    }

    private void record(ApplyRun run, String actor) {
        PlanState state = switch (run.state()) {
            case APPLIED -> PlanState.APPLIED;
            case ROLLED_BACK -> PlanState.ROLLED_BACK;
            case NEEDS_ATTENTION -> PlanState.NEEDS_ATTENTION;
            case APPLYING -> PlanState.APPLYING;
        };
        // A run still APPLYING was cut off by a server that went away: it is put back at the next start (0119).
        String action = state == PlanState.APPLYING ? "plan.apply.interrupted"
                : "plan." + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        store.inTransaction(repos -> {
            repos.plans().updateState(run.planId(), state);
            repos.audit().append(new AuditEntry(actor, action,
                    "plan:" + run.planId(), PlanState.APPLYING.name(), state.name(),
                    (run.message().isEmpty() ? "" : run.message() + " ") + "(apply run " + run.id() + ")"
                            + (run.pendingRestarts().isEmpty() ? "" : "; restart pending for " + String.join(", ", run.pendingRestarts()))),
                    clock.instant());
        });
    }

    /**
     * At start: runs left APPLYING by a killed process, or by a server that went away while they were put back, are
     * compensated (or stay, when their server cannot be reached yet); their plans' states and the audit trail follow.
     * Runs another live process is applying are left to it.
     */
    public List<ApplyRun> recover() {
        List<ApplyRun> recovered = transactional.recover(run -> {
            Optional<Instance> instance = store.instances().findById(run.instanceId())
                    .filter(i -> i.name().equals(run.instanceName()) && i.connectable());
            if (instance.isEmpty()) {
                return Optional.empty();
            }
            Instance i = instance.get();
            ParameterCatalog catalog = catalogs.apply(i.id()).orElseThrow();
            try {
                return Optional.of(sessions.open(i, new ConnectionTarget(i.connection().jdbcUrl(), i.connection().user(),
                        vault.open(i.connection().credential(), i.name()).orElse(null)), catalog));
            } catch (UserError e) {
                throw new ServerStepException(e.getMessage(), true, e);
            }
        });
        List<ApplyRun> reported = new ArrayList<>(recovered);
        for (ApplyRun run : recovered) {
            if (run.state().finished()) {
                record(run, "knobwright");
            }
        }
        // A process killed after its run ended but before the plan followed leaves the plan APPLYING: the journal says.
        for (ChangePlan plan : store.plans().findByState(PlanState.APPLYING)) {
            List<ApplyRun> runs = store.applyJournal().ofPlan(plan.id());
            if (!runs.isEmpty() && runs.getFirst().state().finished()) {
                record(runs.getFirst(), "knobwright");
                reported.add(runs.getFirst());
            }
        }
        return reported;
    }

    public List<ApplyRun> runsOf(long planId) {
        return store.applyJournal().ofPlan(planId);
    }
}
