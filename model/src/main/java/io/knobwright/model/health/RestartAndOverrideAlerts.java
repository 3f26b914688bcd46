package io.knobwright.model.health;

import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Sources over what the apply and override services store: pending restarts, overrides expiring or not restored. */
public final class RestartAndOverrideAlerts {

    private RestartAndOverrideAlerts() {
    }

    /** One INFO alert per instance with settings waiting for a restart. */
    public static AlertSource pendingRestarts(Supplier<List<PendingRestart>> pending) {
        return (fleet, clock) -> {
            Map<Long, List<PendingRestart>> byInstance = pending.get().stream()
                    .collect(Collectors.groupingBy(PendingRestart::instanceId, java.util.TreeMap::new, Collectors.toList()));
            List<Alert> out = new ArrayList<>();
            byInstance.forEach((id, list) -> out.add(new Alert(id, list.getFirst().instanceName(),
                    AlertKind.PENDING_RESTART, AlertSeverity.INFO,
                    list.size() + " setting" + (list.size() == 1 ? "" : "s") + " wait for a restart",
                    list.stream().map(p -> p.parameter() + " = " + p.value() + " (since " + p.since() + ")").toList(),
                    list.stream().map(PendingRestart::since).min(Instant::compareTo).orElseThrow())));
            return out;
        };
    }

    /** WARNING for a live override ending within {@code soon}; CRITICAL for one that failed to restore. */
    public static AlertSource overrides(Supplier<List<EmergencyOverride>> recent, Duration soon) {
        return (fleet, clock) -> {
            Instant now = clock.instant();
            List<Alert> out = new ArrayList<>();
            Map<Long, List<EmergencyOverride>> byInstance = recent.get().stream()
                    .collect(Collectors.groupingBy(EmergencyOverride::instanceId, java.util.TreeMap::new, Collectors.toList()));
            byInstance.forEach((id, list) -> {
                String name = list.getFirst().instanceName();
                List<EmergencyOverride> failed = list.stream()
                        .filter(o -> o.state() == OverrideState.FAILED || o.state() == OverrideState.ATTENTION).toList();
                if (!failed.isEmpty()) {
                    out.add(new Alert(id, name, AlertKind.OVERRIDE_RESTORE_FAILED, AlertSeverity.CRITICAL,
                            failed.size() + " override" + (failed.size() == 1 ? "" : "s") + " not restored",
                            failed.stream().map(o -> o.parameter() + " = " + o.value() + " should be back to "
                                    + o.prior() + "; " + o.attempts() + " attempts"
                                    + (o.lastError() == null ? "" : ", last error: " + o.lastError())).toList(),
                            failed.stream().map(EmergencyOverride::deadline).min(Instant::compareTo).orElse(now)));
                }
                List<EmergencyOverride> expiring = list.stream()
                        .filter(o -> o.state() == OverrideState.ACTIVE && o.deadline() != null
                                && !o.deadline().isAfter(now.plus(soon)))
                        .toList();
                if (!expiring.isEmpty()) {
                    out.add(new Alert(id, name, AlertKind.OVERRIDE_EXPIRING, AlertSeverity.WARNING,
                            expiring.size() + " override" + (expiring.size() == 1 ? "" : "s") + " end soon",
                            expiring.stream().map(o -> o.parameter() + " = " + o.value() + " goes back to "
                                    + o.prior() + " at " + o.deadline() + " ("
                                    + Duration.between(now, o.deadline()).toMinutes() + " min)").toList(),
                            expiring.stream().map(EmergencyOverride::createdAt).min(Instant::compareTo).orElse(now)));
                }
            });
            return out;
        };
    }
}
