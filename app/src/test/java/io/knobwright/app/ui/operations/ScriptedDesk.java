package io.knobwright.app.ui.operations;

import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.override.Restoration;
import io.knobwright.model.UserError;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An operations desk whose state the test sets, recording what was asked of it. */
final class ScriptedDesk implements OperationsDesk {

    OperationsState state = OperationsState.EMPTY;
    final AtomicInteger reads = new AtomicInteger();
    final List<String> calls = new ArrayList<>();
    final List<Runnable> listeners = new ArrayList<>();
    RuntimeException failure;
    RuntimeException actionFailure;
    Function<OverrideRequest, OverrideResult> applying = r -> {
        throw UserError.input("not scripted");
    };

    static EmergencyOverride override(long id, String instance, String parameter, String value, Instant created,
                                      Instant deadline, OverrideState state, int attempts, Instant next, String error,
                                      long stackedOn) {
        return new EmergencyOverride(id, "batch-" + id, 1, instance, parameter, value, "4MB", false, stackedOn, "dave",
                "INC-7 queries spilling", created, deadline, state, attempts, next, error, null, null, "", 0);
    }

    @Override
    public OperationsState read() {
        reads.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return state;
    }

    @Override
    public OverrideResult apply(OverrideRequest request) {
        calls.add("apply " + request.settings() + " for " + request.duration() + " because " + request.reason());
        return applying.apply(request);
    }

    @Override
    public EmergencyOverride extend(long overrideId, Duration by, String reason) {
        calls.add("extend " + overrideId + " by " + by + " because " + reason);
        if (actionFailure != null) {
            throw actionFailure;
        }
        EmergencyOverride o = state.overrides().stream().filter(x -> x.id() == overrideId).findFirst().orElseThrow();
        return new EmergencyOverride(o.id(), o.batch(), o.instanceId(), o.instanceName(), o.parameter(), o.value(), o.prior(),
                o.priorPersisted(), o.stackedOn(), o.actor(), o.reason(), o.createdAt(), o.deadline().plus(by), o.state(),
                o.attempts(), o.nextAttemptAt(), o.lastError(), o.endedAt(), o.endedBy(), o.note(), o.planId());
    }

    @Override
    public Restoration restoreNow(long overrideId, String reason) {
        calls.add("restore " + overrideId + " because " + reason);
        EmergencyOverride o = state.overrides().stream().filter(x -> x.id() == overrideId).findFirst().orElseThrow();
        return new Restoration(o.withState(OverrideState.RESTORED), true, "Override " + overrideId + ": back at 4MB");
    }

    @Override
    public List<EmergencyOverride> cancel(long overrideId, String reason) {
        calls.add("cancel " + overrideId + " because " + reason);
        return List.of();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
