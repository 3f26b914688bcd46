package io.knobwright.model.override;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The overrides of one parameter on one instance, stacked explicitly one on another, and what restoring or keeping
 * one of them does. Each override remembers the value under it when it was applied; the value to put back is found
 * by walking down: the nearest override still owning its value (or kept), else the value before the first one. So
 * overlapping overrides that end in any order leave the server at the original value once all are gone.
 */
public final class OverrideStack {

    /** What restoring an override puts on the server; {@code changesServer} is false when another one sits above it. */
    public record Restoration(boolean changesServer, String value, boolean persisted) {
    }

    private final LongFunction<EmergencyOverride> byId;
    private final LongFunction<List<EmergencyOverride>> stackedOn;

    /**
     * @param byId      an override by id (the chain below)
     * @param stackedOn the overrides stacked directly on an id (the chain above)
     */
    public OverrideStack(LongFunction<EmergencyOverride> byId, LongFunction<List<EmergencyOverride>> stackedOn) {
        this.byId = Objects.requireNonNull(byId, "byId");
        this.stackedOn = Objects.requireNonNull(stackedOn, "stackedOn");
    }

    /** What restoring {@code override} does: nothing to the server while one above it owns the value. */
    public Restoration restorationOf(EmergencyOverride override) {
        boolean covered = stackedOn.apply(override.id()).stream()
                .anyMatch(above -> above.state().live() || above.state() == OverrideState.KEPT);
        Target under = valueUnder(override);
        return new Restoration(!covered, under.value, under.persisted);
    }

    /** The live overrides below {@code override}, nearest first: ended with it when it is kept (their values never return). */
    public List<EmergencyOverride> liveBelow(EmergencyOverride override) {
        java.util.ArrayList<EmergencyOverride> below = new java.util.ArrayList<>();
        for (EmergencyOverride o = next(override); o != null; o = next(o)) {
            if (o.state().live()) {
                below.add(o);
            }
        }
        return below;
    }

    private record Target(String value, boolean persisted) {
    }

    private Target valueUnder(EmergencyOverride override) {
        EmergencyOverride last = override;
        for (EmergencyOverride o = next(override); o != null; o = next(o)) {
            if (o.state().live() || o.state() == OverrideState.KEPT) {
                // set by ALTER SYSTEM / SET PERSIST: putting it back writes it back
                return new Target(o.value(), true);
            }
            last = o;
        }
        return new Target(last.prior(), last.priorPersisted());
    }

    private EmergencyOverride next(EmergencyOverride o) {
        return o.stackedOn() == 0 ? null : byId.apply(o.stackedOn());
    }
}
