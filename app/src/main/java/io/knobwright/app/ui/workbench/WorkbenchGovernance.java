package io.knobwright.app.ui.workbench;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.AuditService;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.app.ui.operations.OperationsDesk;
import io.knobwright.app.ui.operations.StoreOperationsDesk;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the main window needs for governance: the services behind the review panel and the Policy screen, and
 * who acts in this window (the AppContext's local user: --as, $KNOBWRIGHT_USER, the login), and where to hear of
 * changes made elsewhere (a decision pulled from the hub, an expiry), called off the FX thread; and the operations
 * desk behind the Operations screen and the quick override (emergency overrides, their restorations, the incidents);
 * and the workload desk behind the Workload screen (profiles, top queries, log imports); and the what-if desk behind
 * the What-if screen (decision 0140); and the welcome desk behind the first-run welcome (decision 0145); and the
 * recommendations desk behind the Recommendations screen (decision 0151).
 */
public record WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                                  Consumer<Runnable> changes, OperationsDesk operations,
                                  io.knobwright.app.ui.workload.WorkloadDesk workload,
                                  io.knobwright.app.ui.health.HealthDesk health,
                                  io.knobwright.app.ui.whatif.WhatIfDesk whatIf,
                                  io.knobwright.app.ui.welcome.WelcomeDesk welcome,
                                  io.knobwright.app.ui.recommend.RecommendationsDesk recommendations) {

    /** Without a recommendations desk (the Recommendations screen says they are not available). */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                               Consumer<Runnable> changes, OperationsDesk operations,
                               io.knobwright.app.ui.workload.WorkloadDesk workload,
                               io.knobwright.app.ui.health.HealthDesk health,
                               io.knobwright.app.ui.whatif.WhatIfDesk whatIf,
                               io.knobwright.app.ui.welcome.WelcomeDesk welcome) {
        this(governance, policy, audit, user, changes, operations, workload, health, whatIf, welcome,
                io.knobwright.app.ui.recommend.RecommendationsDesk.none());
    }

    /** Without a welcome desk of its own (the welcome has no store to tour and never opens by itself). */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                               Consumer<Runnable> changes, OperationsDesk operations,
                               io.knobwright.app.ui.workload.WorkloadDesk workload,
                               io.knobwright.app.ui.health.HealthDesk health,
                               io.knobwright.app.ui.whatif.WhatIfDesk whatIf) {
        this(governance, policy, audit, user, changes, operations, workload, health, whatIf,
                io.knobwright.app.ui.welcome.WelcomeDesk.none());
    }

    /** Without a what-if desk (the What-if screen says the simulator is not available). */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                               Consumer<Runnable> changes, OperationsDesk operations,
                               io.knobwright.app.ui.workload.WorkloadDesk workload,
                               io.knobwright.app.ui.health.HealthDesk health) {
        this(governance, policy, audit, user, changes, operations, workload, health, io.knobwright.app.ui.whatif.WhatIfDesk.none());
    }

    /** Without a health desk (the Health screen reads nothing): the callers from before the Health screen. */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                               Consumer<Runnable> changes, OperationsDesk operations,
                               io.knobwright.app.ui.workload.WorkloadDesk workload) {
        this(governance, policy, audit, user, changes, operations, workload, io.knobwright.app.ui.health.HealthDesk.none());
    }

    /** Without change signals (the screens poll) and without overrides. */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user) {
        this(governance, policy, audit, user, listener -> { }, OperationsDesk.none(),
                io.knobwright.app.ui.workload.WorkloadDesk.none());
    }

    public WorkbenchGovernance {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(welcome, "welcome");
        Objects.requireNonNull(recommendations, "recommendations");
    }

    /** The same with another operations desk (tests give one over fake servers). */
    public WorkbenchGovernance withOperations(OperationsDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, desk, workload, health, whatIf, welcome,
                recommendations);
    }

    /** The same with another workload desk (tests give one over generated data). */
    public WorkbenchGovernance withWorkload(io.knobwright.app.ui.workload.WorkloadDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, operations, desk, health, whatIf, welcome,
                recommendations);
    }

    public static WorkbenchGovernance of(AppContext context) {
        return new WorkbenchGovernance(context.governance(), context.policy(), context.audit(), context.localUser(),
                context::onGovernanceChange, StoreOperationsDesk.of(context),
                io.knobwright.app.ui.workload.WorkloadDesk.of(context), io.knobwright.app.ui.health.HealthDesk.of(context),
                io.knobwright.app.ui.whatif.WhatIfDesk.of(context), io.knobwright.app.ui.welcome.WelcomeDesk.of(context),
                io.knobwright.app.ui.recommend.RecommendationsDesk.of(context));
    }

    /** The same with another welcome desk (tests give one over a scripted connection test). */
    public WorkbenchGovernance withWelcome(io.knobwright.app.ui.welcome.WelcomeDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, operations, workload, health, whatIf, desk,
                recommendations);
    }

    /** The same with another health desk (tests give one over their own store and clock). */
    public WorkbenchGovernance withHealth(io.knobwright.app.ui.health.HealthDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, operations, workload, desk, whatIf, welcome,
                recommendations);
    }

    /** The same with another what-if desk (tests give one over a fake model). */
    public WorkbenchGovernance withWhatIf(io.knobwright.app.ui.whatif.WhatIfDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, operations, workload, health, desk, welcome,
                recommendations);
    }

    /** The same with another recommendations desk (tests give one over a fake recommender). */
    public WorkbenchGovernance withRecommendations(io.knobwright.app.ui.recommend.RecommendationsDesk desk) {
        return new WorkbenchGovernance(governance, policy, audit, user, changes, operations, workload, health, whatIf, welcome,
                desk);
    }
}
