package io.knobwright.app.ui.operations;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.AuditService;
import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.override.OverrideService;
import io.knobwright.app.override.Restoration;
import io.knobwright.app.plan.PlanService;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.plan.PlanState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The Operations screen over the store: overrides, plans, the audit trail, as {@code actor}. */
public final class StoreOperationsDesk implements OperationsDesk {

    /** How many recent events the incidents tile lists. */
    static final int INCIDENTS = 12;
    /** How far back in the audit trail incidents are looked for (other records are skipped over). */
    private static final int AUDIT_WINDOW = 400;

    private final OverrideService overrides;
    private final PlanService plans;
    private final AuditService audit;
    private final PendingRestarts restarts;
    private final String actor;
    private final Consumer<Runnable> changes;

    /**
     * @param changes registers a listener for changes made in this process's background (the restoration scheduler)
     */
    public StoreOperationsDesk(OverrideService overrides, PlanService plans, AuditService audit, PendingRestarts restarts,
                               String actor, Consumer<Runnable> changes) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.restarts = Objects.requireNonNull(restarts, "restarts");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public static StoreOperationsDesk of(AppContext context) {
        return new StoreOperationsDesk(context.overrides(), context.plans(), context.audit(),
                PendingRestarts.of(context.pendingRestarts()),
                context.localUser(), context::onRestorations);
    }

    @Override
    public OperationsState read() {
        List<EmergencyOverride> live = overrides.live();
        return new OperationsState(live, plans.inStates(Set.of(PlanState.APPLYING, PlanState.NEEDS_ATTENTION)),
                restarts.current(), restarts.known(), incidents(live), overrides.schedulerHolder().orElse(""));
    }

    private List<Incident> incidents(List<EmergencyOverride> live) {
        Map<Long, Optional<EmergencyOverride>> known = new HashMap<>();
        live.forEach(o -> known.put(o.id(), Optional.of(o)));
        List<Incident> found = new ArrayList<>();
        for (AuditRecord r : audit.newest(AUDIT_WINDOW)) {
            IncidentKind kind = IncidentKind.of(r.action());
            if (kind == null) {
                continue;
            }
            found.add(new Incident(r.at(), r.actor(), kind.words(), about(r.subject(), known), detail(r), kind.alarm()));
            if (found.size() == INCIDENTS) {
                break;
            }
        }
        return found;
    }

    /** "work_mem on pg-prod-3" for an override, "plan #12" for a plan: what the operator recognises. */
    private String about(String subject, Map<Long, Optional<EmergencyOverride>> known) {
        if (subject.startsWith("override:")) {
            try {
                long id = Long.parseLong(subject.substring("override:".length()));
                return known.computeIfAbsent(id, overrides::find)
                        .map(o -> o.parameter() + " on " + o.instanceName()).orElse("override " + id);
            } catch (NumberFormatException e) {
                return subject;
            }
        }
        return subject.startsWith("plan:") ? "plan #" + subject.substring("plan:".length()) : subject;
    }

    private static String detail(AuditRecord r) {
        return r.reason().isBlank() ? r.after() : r.reason();
    }

    @Override
    public OverrideResult apply(OverrideRequest request) {
        return overrides.apply(actor, request);
    }

    @Override
    public EmergencyOverride extend(long overrideId, Duration by, String reason) {
        return overrides.extend(actor, overrideId, by, null, reason);
    }

    @Override
    public Restoration restoreNow(long overrideId, String reason) {
        return overrides.restoreNow(actor, overrideId, reason);
    }

    @Override
    public List<EmergencyOverride> cancel(long overrideId, String reason) {
        return overrides.cancel(actor, overrideId, reason);
    }

    @Override
    public void onChange(Runnable listener) {
        changes.accept(listener);
    }
}
