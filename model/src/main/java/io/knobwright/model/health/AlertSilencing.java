package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The silencing rule: an alert inside a window of its instance is shown as silenced, unless it is a backup alert. */
public final class AlertSilencing {

    /** Worst first, then instance name, then kind: the order of the fleet alert list. */
    public static final Comparator<ShownAlert> ORDER = Comparator
            .comparing((ShownAlert s) -> s.silenced())
            .thenComparing(s -> s.alert().severity())
            .thenComparing(s -> s.alert().instanceName())
            .thenComparing(s -> s.alert().kind());

    private AlertSilencing() {
    }

    /** The window silencing {@code alert} at {@code now}, if any. */
    public static Optional<MaintenanceWindow> silencer(
            Alert alert, Instance instance, List<MaintenanceWindow> windows, Instant now) {
        if (!alert.kind().silenceable() || instance == null) {
            return Optional.empty();
        }
        return windows.stream().filter(w -> w.appliesTo(instance) && w.covers(now)).findFirst();
    }

    /** Every alert, each marked silenced or not, in {@link #ORDER}. */
    public static List<ShownAlert> show(
            List<Alert> alerts, List<Instance> fleet, List<MaintenanceWindow> windows, Instant now) {
        Map<Long, Instance> byId = fleet.stream().collect(Collectors.toMap(Instance::id, Function.identity(), (a, b) -> a));
        return alerts.stream()
                .map(a -> new ShownAlert(a, silencer(a, byId.get(a.instanceId()), windows, now), Optional.empty()))
                .sorted(ORDER)
                .toList();
    }
}
