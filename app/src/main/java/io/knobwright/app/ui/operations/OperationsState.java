package io.knobwright.app.ui.operations;

import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.plan.ChangePlan;

import java.util.List;
import java.util.Objects;

/**
 * What the Operations screen shows, as read from the store in one go (off the FX thread).
 *
 * @param overrides       live overrides, soonest deadline first
 * @param plans           plans being applied or needing attention after an apply, newest first
 * @param restarts        instances waiting for a restart
 * @param restartsKnown   false while nothing tracks pending restarts (see {@link PendingRestarts#NONE_KNOWN})
 * @param incidents       recent events, newest first
 * @param scheduler       who restores overrides at their deadlines for this store now; empty when nobody does
 */
public record OperationsState(List<EmergencyOverride> overrides, List<ChangePlan> plans, List<PendingRestartRow> restarts,
                              boolean restartsKnown, List<Incident> incidents, String scheduler) {

    public static final OperationsState EMPTY = new OperationsState(List.of(), List.of(), List.of(), false, List.of(), "");

    public OperationsState {
        overrides = List.copyOf(overrides);
        plans = List.copyOf(plans);
        restarts = List.copyOf(restarts);
        incidents = List.copyOf(incidents);
        Objects.requireNonNull(scheduler, "scheduler");
    }
}
