package io.knobwright.app.ui.workbench;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.AuditService;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PolicyService;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the main window needs for governance: the services behind the review panel and the Policy screen, and
 * who acts in this window (the AppContext's local user: --as, $KNOBWRIGHT_USER, the login), and where to hear of
 * changes made elsewhere (a decision pulled from the hub, an expiry), called off the FX thread.
 */
public record WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user,
                                  Consumer<Runnable> changes) {

    /** Without change signals: the screens poll. */
    public WorkbenchGovernance(GovernanceService governance, PolicyService policy, AuditService audit, String user) {
        this(governance, policy, audit, user, listener -> { });
    }

    public WorkbenchGovernance {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(user, "user");
    }

    public static WorkbenchGovernance of(AppContext context) {
        return new WorkbenchGovernance(context.governance(), context.policy(), context.audit(), context.localUser(),
                context::onGovernanceChange);
    }
}
