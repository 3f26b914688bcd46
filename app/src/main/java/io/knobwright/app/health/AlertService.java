package io.knobwright.app.health;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.AlertAcknowledgement;
import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertSource;
import io.knobwright.model.health.AlertStateRepository;
import io.knobwright.model.health.AlertTransitions;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.health.ShownAlert;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fleet's alerts: every registered {@link AlertSource} evaluated over the fleet, silenced by maintenance windows,
 * each new active alert handed once to the notifiers and, through {@link AlertNotifications}, to the webhooks that ask. Other subsystems add their source with {@link #register}:
 * storage forecast (AlertKind.DISK_FULL), backup verification (BACKUP_OVERDUE, BACKUP_FAILED, never silenced),
 * connection health (CONNECTION_LEAK).
 */
public final class AlertService {

    private final Supplier<List<Instance>> fleet;
    private final AlertStateRepository state;
    private final AlertTransitions transitions;
    private final Clock clock;
    private final Map<String, AlertSource> sources = new LinkedHashMap<>();
    private final List<Consumer<ShownAlert>> notifiers = new CopyOnWriteArrayList<>();

    public AlertService(Supplier<List<Instance>> fleet, AlertStateRepository state, Clock clock) {
        this(fleet, state, AlertTransitions.direct(state), clock);
    }

    /** @param transitions where each raise and clear is written with its webhook deliveries ({@link AlertNotifications}) */
    public AlertService(Supplier<List<Instance>> fleet, AlertStateRepository state, AlertTransitions transitions, Clock clock) {
        this.fleet = fleet;
        this.state = state;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Adds a subsystem's source under a name shown when it fails; a second source of the same name replaces it. */
    public synchronized AlertService register(String name, AlertSource source) {
        sources.put(name, source);
        return this;
    }

    /** Called once for each alert when it becomes active (not silenced); e.g. a webhook channel. */
    public void onNewAlert(Consumer<ShownAlert> notifier) {
        notifiers.add(notifier);
    }

    /** Evaluates all sources over the whole fleet (the fleet list is read on the calling thread: not the FX one). */
    public AlertEvaluator.Evaluation evaluate() {
        Map<String, AlertSource> now;
        synchronized (this) {
            now = new LinkedHashMap<>(sources);
        }
        return new AlertEvaluator(now, state, transitions, a -> notifiers.forEach(n -> n.accept(a)), clock)
                .evaluate(fleet.get());
    }

    /**
     * Acknowledges the alert with this key ({@link io.knobwright.model.health.Alert#key()}, "12:CONNECTIONS_NEAR_LIMIT")
     * as {@code by}, now: it stays listed, marked, until it clears. Refused with what to do when no such alert holds.
     */
    public AlertAcknowledgement acknowledge(String key, String by, String comment) {
        AlertAcknowledgement ack;
        try {
            ack = new AlertAcknowledgement(by, clock.instant(), comment);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        if (!state.acknowledge(key, ack)) {
            throw UserError.input("No alert with id " + key + " holds now. 'alerts list' shows the alerts and their ids;"
                    + " an alert that cleared needs no acknowledgement.");
        }
        return ack;
    }

    public List<MaintenanceWindow> windows() {
        return state.windows();
    }

    /** Stores {@code window}; a window for an instance name that is not in the fleet is refused with what to do. */
    public MaintenanceWindow addWindow(MaintenanceWindow window) {
        if (!window.byTag() && fleet.get().stream().noneMatch(i -> i.name().equals(window.scope()))) {
            throw UserError.input("No instance is called '" + window.scope()
                    + "'. Use a name from 'fleet list', or --tag key=value for a group.");
        }
        return state.addWindow(window);
    }

    public void removeWindow(long id) {
        if (!state.removeWindow(id)) {
            throw UserError.input("No maintenance window has id " + id + ". 'maintenance list' shows the ids.");
        }
    }
}
