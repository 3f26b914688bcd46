package io.knobwright.app.daemon;

import io.knobwright.app.governance.GovernanceNotifications;
import io.knobwright.app.governance.GovernanceService;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What governance needs done while the workbench is open, with nobody asking: expire stale requests and record
 * escalations when they fall due, send queued webhooks (retries included), and tell the screens when something
 * changed (here, or on another workbench through the hub) so they refresh at once instead of at their next poll.
 */
public final class GovernanceDaemon implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(GovernanceDaemon.class.getName());

    private final GovernanceService governance;
    private final GovernanceNotifications notifications;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("knobwright-governance").factory());

    public GovernanceDaemon(GovernanceService governance, GovernanceNotifications notifications) {
        this.governance = Objects.requireNonNull(governance, "governance");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        timer.scheduleWithFixedDelay(this::tick, 1, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Called (off the FX thread) when plans' governance changed; listeners hop to their own thread. */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Something changed: tell the listeners now. */
    public void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A governance listener failed", e);
            }
        }
    }

    private void tick() {
        try {
            if (governance.sweep() > 0) {
                changed();
            }
            notifications.deliverDue();
        } catch (RuntimeException e) {
            // a closed store at shutdown, a receiver's failure already recorded: the next tick tries again
            LOG.log(Level.FINE, "Governance tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
