package io.knobwright.app.override;

import io.knobwright.app.apply.ApplyService;
import io.knobwright.app.governance.Actors;
import io.knobwright.app.governance.AuditedWork;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.ApplyPlanner;
import io.knobwright.model.apply.ApplyStep;
import io.knobwright.model.apply.PriorValue;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.override.OverrideStack;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.override.RestoreBackoff;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.Repositories;
import io.knobwright.model.store.UnitOfWork;
import io.knobwright.model.value.Values;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Emergency overrides: applied at once by an operator, restored by themselves at their deadline. Each override is
 * written (PENDING) before the server is touched and its deadline is in the store, so a restoration survives the
 * process that made it: the workbench's or the daemon's scheduler, or the start of any CLI command, restores what is
 * due. Overlapping overrides of one parameter are stacked explicitly and put back in the right order
 * ({@link OverrideStack}); a restoration that fails is tried again with backoff and shown as an alarm until it
 * succeeds or a person acts; a server found holding a value nobody here set is left alone and flagged. Every step
 * is in the audit trail.
 */
public final class OverrideService {

    /** A PENDING override older than this was left by a process that died while applying it. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    /** A RESTORING claim older than this was left by a process that died while restoring. */
    static final Duration STALE_CLAIM = Duration.ofSeconds(60);
    static final String SCHEDULER = "knobwright";

    private final UnitOfWork store;
    private final InstanceSessions sessions;
    private final GovernanceService governance;
    private final Clock clock;
    private final AuditedWork work;

    public OverrideService(UnitOfWork store, CredentialVault vault, GovernanceService governance,
                           Function<Long, Optional<ParameterCatalog>> catalogs, ApplyService.Sessions sessions, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = new InstanceSessions(vault, catalogs, sessions);
        this.governance = Objects.requireNonNull(governance, "governance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.work = new AuditedWork(store, clock);
    }

    private OverrideRepository overrides() {
        return store.overrides();
    }

    // ---- apply ----

    public OverrideResult apply(String actor, OverrideRequest request) {
        work.run(actor, "override.apply", "instances:" + String.join(",", request.instances()),
                repos -> Actors.require(repos, actor, Role.OPERATOR, "apply an emergency override"));
        String batch = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plus(request.duration());
        List<OverrideResult.OnInstance> outcomes = new ArrayList<>();
        for (String name : request.instances()) {
            try {
                outcomes.add(new OverrideResult.OnInstance(name, applyOn(actor, name, request, batch, deadline), null));
            } catch (UserError e) {
                outcomes.add(new OverrideResult.OnInstance(name, List.of(), e));
            }
        }
        return new OverrideResult(batch, deadline, outcomes);
    }

    /** One instance, all of its parameters or none. */
    private List<EmergencyOverride> applyOn(String actor, String instanceName, OverrideRequest request, String batch,
                                            Instant deadline) {
        Instance instance = store.instances().findByName(instanceName).orElseThrow(() -> UserError.input("No instance '"
                + instanceName + "' in the fleet (see `knobwright fleet list`); nothing was changed on it."));
        io.knobwright.model.diag.StartupTrace.mark("override: instance found");
        ParameterCatalog catalog = sessions.catalog(instance);
        io.knobwright.model.diag.StartupTrace.mark("override: catalog");
        Map<String, String> settings = checked(instance, catalog, request.settings());
        Map<String, EmergencyOverride> under = work.run(actor, "override.apply", "instance:" + instance.name(),
                repos -> conflicts(repos, actor, instance, settings.keySet(), request.stack()));
        List<LockRule> locks = locksOn(instance, settings.keySet());
        if (!locks.isEmpty() && request.reason().length() < 10) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "Overriding locked parameter(s) "
                    + lockedNames(locks, settings.keySet()) + " breaks the glass: give a reason of at least 10 characters"
                    + " (--reason TEXT), the incident and why approval cannot wait.");
        }
        io.knobwright.model.diag.StartupTrace.mark("override: conflicts and locks checked");
        ServerSession server = sessions.open(instance, catalog);
        io.knobwright.model.diag.StartupTrace.mark("override: session open");
        try {
            List<EmergencyOverride> pending = journal(actor, instance, catalog, settings, request, batch, deadline, under, server, locks);
            return applyAll(actor, server, pending);
        } finally {
            InstanceSessions.close(server);
        }
    }

    /** Names and values checked against the server's own catalog; nothing that needs a restart. Canonical names. */
    private static Map<String, String> checked(Instance instance, ParameterCatalog catalog, Map<String, String> settings) {
        ApplyPlanner planner = new ApplyPlanner(catalog);
        Map<String, String> canonical = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                // the prior is read later, on the server; the value itself stands in so every engine's writer can plan
                ApplyStep step = planner.plan(e.getKey(), e.getValue(), PriorValue.notPersisted(e.getValue()));
                if (step.restartNeeded() || step.spec().applyMode() == ApplyMode.RESTART) {
                    problems.add(step.spec().name() + " takes effect only after a restart, so an override cannot act now"
                            + " (create a plan for it)");
                } else if (canonical.putIfAbsent(step.spec().name(), e.getValue()) != null) {
                    problems.add(step.spec().name() + " is named twice");
                }
            } catch (UserError refused) {
                problems.add(refused.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw UserError.input("Nothing was changed on " + instance.name() + ": " + String.join("; ", problems) + ".");
        }
        return canonical;
    }

    /**
     * Refuses a parameter another override owns (unless stacked explicitly on it) or that a plan being applied is
     * changing. Returns, per parameter, the override the new one stacks on.
     */
    private Map<String, EmergencyOverride> conflicts(Repositories repos, String actor, Instance instance,
                                                     java.util.Set<String> parameters, boolean stack) {
        Map<String, EmergencyOverride> under = new LinkedHashMap<>();
        for (String parameter : parameters) {
            List<EmergencyOverride> live = repos.overrides().liveOn(instance.id(), parameter);
            if (live.isEmpty()) {
                continue;
            }
            EmergencyOverride top = live.getLast();
            if (!stack) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT, parameter + " on " + instance.name()
                        + " is already overridden by " + top.actor() + " to " + top.value() + " until " + top.deadline()
                        + " (override " + top.id() + "): nothing was changed. Add --stack to put yours on top of it (yours"
                        + " restores to " + top.value() + ", and theirs to the original value), or `knobwright override extend "
                        + top.id() + "` to keep theirs longer.");
            }
            if (top.state() != OverrideState.ACTIVE) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT, parameter + " on " + instance.name()
                        + " has override " + top.id() + " " + top.state().name().toLowerCase(java.util.Locale.ROOT)
                        + "; stack on it once it has settled (`knobwright override list`).");
            }
            under.put(parameter, top);
        }
        for (ChangePlan plan : repos.plans().findByInstance(instance.id())) {
            if (plan.state() != PlanState.APPLYING) {
                continue;
            }
            for (PlannedChange change : plan.changes()) {
                if (parameters.contains(change.parameter())) {
                    throw new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT, "Plan " + plan.id() + " is being applied to "
                            + instance.name() + " and changes " + change.parameter() + ": an override now would be undone by it"
                            + " or undo it. Nothing was changed; wait for the plan to finish (`knobwright plan show "
                            + plan.id() + "`).");
                }
            }
        }
        return under;
    }

    private List<LockRule> locksOn(Instance instance, java.util.Set<String> parameters) {
        Policy policy = store.governance().policy().policy();
        return policy.locks().stream().filter(l -> l.scope().covers(instance.name(), instance))
                .filter(l -> parameters.stream().anyMatch(p -> l.parameter().matches(p))).toList();
    }

    private static String lockedNames(List<LockRule> locks, java.util.Set<String> parameters) {
        return String.join(", ", parameters.stream().filter(p -> locks.stream().anyMatch(l -> l.parameter().matches(p))).toList());
    }

    /**
     * Reads what the server holds, then writes the overrides PENDING before anything changes: a process killed from
     * here on leaves rows that say what may have reached the server. A locked parameter breaks the glass first: a
     * plan of the override is bypassed (operator, reason, post-hoc review), as governance demands for any change.
     */
    private List<EmergencyOverride> journal(String actor, Instance instance, ParameterCatalog catalog, Map<String, String> settings,
                                            OverrideRequest request, String batch, Instant deadline,
                                            Map<String, EmergencyOverride> under, ServerSession server, List<LockRule> locks) {
        Instant now = clock.instant();
        List<EmergencyOverride> planned = new ArrayList<>();
        List<PlannedChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String prior;
            boolean persisted;
            try {
                prior = server.read(e.getKey());
                persisted = server.persisted(e.getKey());
            } catch (ServerStepException failed) {
                throw new UserError(failed.unreachable() ? UserError.Kind.UNREACHABLE : UserError.Kind.INPUT,
                        "Could not read " + e.getKey() + " on " + instance.name() + "; nothing was changed: " + failed.getMessage());
            }
            EmergencyOverride below = under.get(e.getKey());
            // kept as a DBA reads them ("64MB", not 65536 kB): shown in lists and the audit, and written back as such
            prior = Values.readable(catalog, e.getKey(), prior);
            planned.add(EmergencyOverride.pending(batch, instance.id(), instance.name(), e.getKey(),
                    Values.readable(catalog, e.getKey(), e.getValue()), prior,
                    persisted, below == null ? 0 : below.id(), actor, request.reason(), now, deadline, 0));
            changes.add(new PlannedChange(e.getKey(), prior, e.getValue(), null, ApplyMode.RELOAD, "emergency override",
                    "restores at " + deadline));
        }
        long planId = locks.isEmpty() ? 0 : breakGlass(actor, instance, changes, request.reason());
        io.knobwright.model.diag.StartupTrace.mark("override: server read");
        List<EmergencyOverride> journaled = store.transactionResult(repos -> planned.stream().map(o -> repos.overrides().insert(
                planId == 0 ? o : EmergencyOverride.pending(o.batch(), o.instanceId(), o.instanceName(), o.parameter(), o.value(),
                o.prior(), o.priorPersisted(), o.stackedOn(), o.actor(), o.reason(), o.createdAt(), o.deadline(), planId))).toList());
        io.knobwright.model.diag.StartupTrace.mark("override: journaled");
        overrides().onDisk();
        io.knobwright.model.diag.StartupTrace.mark("override: journal on disk");
        return journaled;
    }

    private long breakGlass(String actor, Instance instance, List<PlannedChange> changes, String reason) {
        ChangePlan plan = store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "emergency override", 0,
                clock.instant(), actor, PlanState.DRAFT, ChangePlan.NO_BASELINE, changes));
        governance.bypass(actor, plan.id(), reason);
        return plan.id();
    }

    /** Sets and reads back each parameter; on any failure the ones set are put back and all are FAILED. */
    private List<EmergencyOverride> applyAll(String actor, ServerSession server, List<EmergencyOverride> pending) {
        for (int i = 0; i < pending.size(); i++) {
            EmergencyOverride o = pending.get(i);
            boolean sent = false;
            try {
                server.set(o.parameter(), o.value());
                sent = true;
                String back = server.read(o.parameter());
                if (!server.same(o.parameter(), o.value(), back)) {
                    throw new ServerStepException(o.parameter() + " reads back " + back + " after setting " + o.value(), false);
                }
            } catch (ServerStepException e) {
                // a refused statement did nothing; one cut off, or set but reading back otherwise, is put back too
                String outcome = putBack(server, pending.subList(0, sent || e.unreachable() ? i + 1 : i));
                failed(actor, pending, o.parameter() + " on " + o.instanceName() + " failed: " + e.getMessage() + ". " + outcome);
                throw new UserError(e.unreachable() ? UserError.Kind.UNREACHABLE : UserError.Kind.INPUT,
                        "Override of " + o.parameter() + " on " + o.instanceName() + " failed: " + e.getMessage() + ". " + outcome);
            }
        }
        io.knobwright.model.diag.StartupTrace.mark("override: set, reloaded and read back");
        List<EmergencyOverride> active = store.transactionResult(repos -> {
            List<EmergencyOverride> made = new ArrayList<>();
            Instant now = clock.instant();
            for (int i = 0; i < pending.size(); i++) {
                EmergencyOverride o = pending.get(i);
                repos.overrides().transition(o.id(), OverrideState.PENDING, OverrideState.ACTIVE, now);
                repos.audit().append(new AuditEntry(actor, "override.applied", subject(o), shown(o.prior()), o.value(),
                        o.reason() + " (restores at " + o.deadline() + (o.stackedOn() == 0 ? "" : ", stacked on override "
                                + o.stackedOn()) + ")"), now);
                made.add(repos.overrides().find(o.id()).orElseThrow());
            }
            long planId = pending.getFirst().planId();
            if (planId != 0) {
                repos.plans().updateState(planId, PlanState.APPLIED);
                repos.audit().append(new AuditEntry(actor, "plan.applied", "plan:" + planId, PlanState.BYPASSED.name(),
                        PlanState.APPLIED.name(), "as emergency override(s) " + String.join(", ",
                        pending.stream().map(p -> Long.toString(p.id())).toList()) + ", restoring at " + pending.getFirst().deadline()),
                        now);
            }
            return made;
        });
        // not synced: the PENDING row on disk already covers a machine lost now (the next start puts the value back)
        overrides().inFile();
        return active;
    }

    /** Puts back, newest first, what a failed request set; says where things are. */
    private static String putBack(ServerSession server, List<EmergencyOverride> set) {
        List<String> problems = new ArrayList<>();
        for (EmergencyOverride o : set.reversed()) {
            try {
                restoreValue(server, o.parameter(), o.prior(), o.priorPersisted());
            } catch (ServerStepException e) {
                problems.add(o.parameter() + " (wanted back: " + shown(o.prior()) + "; " + e.getMessage() + ")");
            }
        }
        if (set.isEmpty()) {
            return "No change reached the server.";
        }
        return problems.isEmpty() ? "Every parameter set was put back: the server holds what it held before."
                : "Putting back failed for " + String.join("; ", problems) + ": set those by hand.";
    }

    private void failed(String actor, List<EmergencyOverride> pending, String why) {
        store.inTransaction(repos -> {
            Instant now = clock.instant();
            for (EmergencyOverride o : pending) {
                repos.overrides().end(o.id(), OverrideState.FAILED, now, actor, why);
                repos.audit().append(new AuditEntry(actor, "override.failed", subject(o), shown(o.prior()), o.value(), why), now);
            }
            long planId = pending.getFirst().planId();
            if (planId != 0) {
                repos.plans().updateState(planId, PlanState.ROLLED_BACK);
                repos.audit().append(new AuditEntry(actor, "plan.rolled-back", "plan:" + planId, PlanState.BYPASSED.name(),
                        PlanState.ROLLED_BACK.name(), why), now);
            }
        });
    }

    // ---- restore ----

    /**
     * Restores every override whose deadline (or retry) is due, and finishes overrides a killed process left
     * half-applied. Called by the scheduler every second and at the start of every CLI command.
     */
    public List<Restoration> restoreDue() {
        List<Restoration> done = new ArrayList<>(recoverAbandoned());
        Instant now = clock.instant();
        for (EmergencyOverride o : overrides().due(now, now.minus(STALE_CLAIM))) {
            claim(o).ifPresent(claimed -> done.add(restore(claimed, SCHEDULER, false, "deadline " + o.deadline() + " reached")));
        }
        return done;
    }

    /** A person restores an override now (also one flagged for attention: the person has decided). */
    public Restoration restoreNow(String actor, long id, String reason) {
        EmergencyOverride o = work.run(actor, "override.restore", "override:" + id, repos -> {
            Actors.require(repos, actor, Role.OPERATOR, "restore an emergency override");
            return liveOverride(repos, id, "restored");
        });
        EmergencyOverride claimed = claim(o).orElseThrow(() -> new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT,
                "Override " + id + " is being restored by another process right now; see `knobwright override list`."));
        return restore(claimed, actor, true, reason == null || reason.isBlank() ? "restored now" : reason.strip());
    }

    private Optional<EmergencyOverride> claim(EmergencyOverride o) {
        boolean won = overrides().transition(o.id(), o.state(), OverrideState.RESTORING, clock.instant());
        return won ? overrides().find(o.id()) : Optional.empty();
    }

    /**
     * Puts a claimed override back. Nothing changes on the server while an override stacked above it owns the value;
     * the scheduler leaves a server that holds neither the override's value nor the one to restore alone (someone
     * changed it: ATTENTION); a person's restore goes ahead.
     */
    private Restoration restore(EmergencyOverride o, String by, boolean person, String why) {
        OverrideStack.Restoration target = new OverrideStack(id -> overrides().find(id).orElse(null), overrides()::stackedOn)
                .restorationOf(o);
        if (!target.changesServer()) {
            return ended(o, OverrideState.RESTORED, by, why + "; the server keeps the value of the override stacked above"
                    + " it, which now restores to " + shown(target.value()), "override.restored");
        }
        Optional<Instance> instance = store.instances().findById(o.instanceId());
        if (instance.isEmpty()) {
            return ended(o, OverrideState.ATTENTION, by, "Instance " + o.instanceName() + " is no longer in the fleet: "
                    + o.parameter() + " may still hold " + o.value() + " there (was " + shown(target.value()) + ").", "override.attention");
        }
        ServerSession server = null;
        try {
            ParameterCatalog catalog = sessions.catalog(instance.get());
            server = sessions.open(instance.get(), catalog);
            String now = server.read(o.parameter());
            if (!person && !server.same(o.parameter(), o.value(), now)
                    && !(target.value() != null && server.same(o.parameter(), target.value(), now))) {
                return ended(o, OverrideState.ATTENTION, by, o.parameter() + " on " + o.instanceName() + " holds " + shown(now)
                        + ", which neither this override (" + o.value() + ") nor the value to restore (" + shown(target.value())
                        + ") is: someone changed it meanwhile, so it was left alone. Keep what is there with `knobwright"
                        + " override cancel " + o.id() + "`, or put " + shown(target.value()) + " back with `knobwright"
                        + " override restore " + o.id() + "`.", "override.attention");
            }
            restoreValue(server, o.parameter(), target.value(), target.persisted());
            String back = server.read(o.parameter());
            return ended(o, OverrideState.RESTORED, by, why + "; " + o.parameter() + " is back at "
                            + shown(Values.readable(catalog, o.parameter(), back)),
                    "override.restored");
        } catch (ServerStepException | UserError e) {
            return retryLater(o, by, e.getMessage());
        } finally {
            if (server != null) {
                InstanceSessions.close(server);
            }
        }
    }

    /** Writes the value back when it had been written by ALTER SYSTEM/SET PERSIST; else removes the entry (RESET). */
    private static void restoreValue(ServerSession server, String parameter, String value, boolean persisted) {
        if (value != null && persisted) {
            server.set(parameter, value); // the entry is rewritten as it was: no RESET, no window without it
        } else {
            server.restore(parameter, null);
        }
        if (value != null && persisted) {
            String back = server.read(parameter);
            if (!server.same(parameter, value, back)) {
                throw new ServerStepException(parameter + " reads back " + back + " after putting back " + value, false);
            }
        }
    }

    private Restoration retryLater(EmergencyOverride o, String by, String error) {
        int attempts = o.attempts() + 1;
        Instant next = clock.instant().plus(RestoreBackoff.after(attempts));
        store.inTransaction(repos -> {
            repos.overrides().failedAttempt(o.id(), attempts, next, error);
            repos.audit().append(new AuditEntry(by, "override.restore-failed", subject(o), o.value(), o.value(),
                    "attempt " + attempts + ": " + error + "; next attempt at " + next), clock.instant());
        });
        EmergencyOverride after = overrides().find(o.id()).orElseThrow();
        return new Restoration(after, false, "Restoring override " + o.id() + " (" + o.parameter() + " on " + o.instanceName()
                + ") failed, attempt " + attempts + ": " + error + ". Trying again at " + next + "; it stays on the alarm list"
                + " until it succeeds or someone acts.");
    }

    private Restoration ended(EmergencyOverride o, OverrideState state, String by, String note, String action) {
        store.inTransaction(repos -> {
            Instant now = clock.instant();
            repos.overrides().end(o.id(), state, now, by, note);
            repos.audit().append(new AuditEntry(by, action, subject(o), o.value(), state.name(), note), now);
        });
        EmergencyOverride after = overrides().find(o.id()).orElseThrow();
        return new Restoration(after, state == OverrideState.RESTORED, "Override " + o.id() + " (" + o.parameter() + " on "
                + o.instanceName() + "): " + note);
    }

    /** PENDING rows a killed process left: whatever they set is put back, and they are FAILED. */
    private List<Restoration> recoverAbandoned() {
        List<Restoration> done = new ArrayList<>();
        for (EmergencyOverride o : overrides().pendingSince(clock.instant().minus(ABANDONED_AFTER))) {
            if (!overrides().transition(o.id(), OverrideState.PENDING, OverrideState.RESTORING, clock.instant())) {
                continue;
            }
            Optional<Instance> instance = store.instances().findById(o.instanceId());
            ServerSession server = null;
            try {
                if (instance.isEmpty()) {
                    throw UserError.input("instance " + o.instanceName() + " is no longer in the fleet");
                }
                server = sessions.open(instance.get(), sessions.catalog(instance.get()));
                restoreValue(server, o.parameter(), o.prior(), o.priorPersisted());
                done.add(ended(o, OverrideState.FAILED, SCHEDULER, "Interrupted while being applied (the process stopped);"
                        + " " + o.parameter() + " was put back to " + shown(o.prior()) + ".", "override.failed"));
            } catch (ServerStepException | UserError e) {
                overrides().transition(o.id(), OverrideState.RESTORING, OverrideState.PENDING, clock.instant());
                done.add(new Restoration(o, false, "Override " + o.id() + " (" + o.parameter() + " on " + o.instanceName()
                        + ") was interrupted while being applied and could not be put back yet: " + e.getMessage()
                        + ". Tried again at the next start."));
            } finally {
                if (server != null) {
                    InstanceSessions.close(server);
                }
            }
        }
        return done;
    }

    // ---- extend, cancel ----

    /** A later deadline: by a duration from the current deadline, or at a given time. */
    public EmergencyOverride extend(String actor, long id, Duration by, Instant until, String reason) {
        return work.run(actor, "override.extend", "override:" + id, repos -> {
            Actors.require(repos, actor, Role.OPERATOR, "extend an emergency override");
            EmergencyOverride o = liveOverride(repos, id, "extended");
            if (o.state() != OverrideState.ACTIVE) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT, "Override " + id + " is "
                        + o.state().name().toLowerCase(java.util.Locale.ROOT) + "; only an active override is extended.");
            }
            if (reason == null || reason.isBlank()) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "Extending an override needs a reason"
                        + " (--reason TEXT).");
            }
            Instant now = clock.instant();
            Instant from = o.deadline().isAfter(now) ? o.deadline() : now;
            Instant deadline = until != null ? until : from.plus(Objects.requireNonNull(by, "by"));
            if (!deadline.isAfter(now)) {
                throw UserError.input("The new deadline " + deadline + " has passed; use `knobwright override restore " + id
                        + "` to restore it now.");
            }
            if (deadline.isAfter(o.createdAt().plus(OverrideRequest.LONGEST))) {
                throw UserError.input("An override lasts at most " + OverrideRequest.LONGEST.toDays() + " days from when it was"
                        + " applied (" + o.createdAt() + "); for a lasting change create a plan.");
            }
            repos.overrides().reschedule(id, deadline);
            repos.audit().append(new AuditEntry(actor, "override.extended", subject(o), o.deadline().toString(),
                    deadline.toString(), reason.strip()), now);
            return repos.overrides().find(id).orElseThrow();
        });
    }

    /**
     * Cancels the restoration: the override's value stays as ordinary configuration (the operator decided to keep
     * it). Overrides below it in its stack end too: their values could never come back. Nothing is sent to the server.
     */
    public List<EmergencyOverride> cancel(String actor, long id, String reason) {
        return work.run(actor, "override.cancel", "override:" + id, repos -> {
            Actors.require(repos, actor, Role.OPERATOR, "cancel an emergency override");
            EmergencyOverride o = liveOverride(repos, id, "cancelled");
            if (o.state() != OverrideState.ACTIVE && o.state() != OverrideState.ATTENTION) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.CONFLICT, "Override " + id + " is "
                        + o.state().name().toLowerCase(java.util.Locale.ROOT) + " right now; try again in a moment.");
            }
            if (reason == null || reason.isBlank()) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "Cancelling an override keeps its value"
                        + " for good: give a reason (--reason TEXT).");
            }
            Instant now = clock.instant();
            List<EmergencyOverride> ended = new ArrayList<>();
            String note = "cancelled: " + o.value() + " is kept as the configuration (" + reason.strip() + ")";
            repos.overrides().end(id, OverrideState.KEPT, now, actor, note);
            repos.audit().append(new AuditEntry(actor, "override.cancelled", subject(o), o.state().name(), OverrideState.KEPT.name(),
                    note), now);
            ended.add(repos.overrides().find(id).orElseThrow());
            OverrideStack stack = new OverrideStack(i -> repos.overrides().find(i).orElse(null), repos.overrides()::stackedOn);
            for (EmergencyOverride below : stack.liveBelow(o)) {
                String why = "ended with override " + id + " above it, which was kept: its value cannot come back";
                repos.overrides().end(below.id(), OverrideState.KEPT, now, actor, why);
                repos.audit().append(new AuditEntry(actor, "override.cancelled", subject(below), below.state().name(),
                        OverrideState.KEPT.name(), why), now);
                ended.add(repos.overrides().find(below.id()).orElseThrow());
            }
            return ended;
        });
    }

    private static EmergencyOverride liveOverride(Repositories repos, long id, String what) {
        EmergencyOverride o = repos.overrides().find(id).orElseThrow(() -> UserError.input("No override " + id
                + " (see `knobwright override list --all`)."));
        if (!o.state().live()) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Override " + id + " is already "
                    + o.state().name().toLowerCase(java.util.Locale.ROOT) + (o.endedAt() == null ? "" : " since " + o.endedAt()
                    + (o.endedBy() == null ? "" : " by " + o.endedBy())) + "; it cannot be " + what + ".");
        }
        return o;
    }

    // ---- reading ----

    /** Live overrides, soonest deadline first. */
    public List<EmergencyOverride> live() {
        return overrides().live();
    }

    public List<EmergencyOverride> recent(int limit) {
        return overrides().recent(limit);
    }

    /** Who runs the restoration scheduler for this store now (workbench or daemon, with its process), if anyone. */
    public Optional<String> schedulerHolder() {
        return overrides().leaseHolder(clock.instant(), RestorationScheduler.LEASE);
    }

    public Optional<EmergencyOverride> find(long id) {
        return overrides().find(id);
    }

    private static String subject(EmergencyOverride o) {
        return "override:" + o.id();
    }

    private static String shown(String value) {
        return value == null ? "the server's default" : value;
    }
}
