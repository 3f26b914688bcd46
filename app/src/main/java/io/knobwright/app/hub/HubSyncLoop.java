package io.knobwright.app.hub;

import io.knobwright.connectors.hub.HubClient;
import io.knobwright.model.UserError;
import io.knobwright.model.hub.HubLink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Keeps a linked store in step with the hub while the workbench runs: one connection listens for the hub's
 * notifications (a decision on another workbench wakes it at once, no slow polling), local changes are pushed as
 * soon as {@link #nudge} is called, and a full sync runs every half minute anyway. A failed sync waits out its
 * backoff; the loop never stops on its own.
 */
public final class HubSyncLoop implements AutoCloseable {

    static final Duration LISTEN_SLICE = Duration.ofMillis(200);
    static final Duration FULL_SYNC_EVERY = Duration.ofSeconds(30);

    private final HubService hub;
    private final HubService.Connector connector;
    private final Function<String, String> environment;
    private final Clock clock;
    private final Runnable onChange;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean nudged = new AtomicBoolean(true);
    private final Thread thread;

    /** @param onChange called (on the loop's thread) after a sync changed something here */
    public HubSyncLoop(HubService hub, HubService.Connector connector, Function<String, String> environment, Clock clock,
                       Runnable onChange) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.thread = Thread.ofVirtual().name("knobwright-hub-sync").start(this::run);
    }

    /** Something changed here: push it now rather than at the next full sync. */
    public void nudge() {
        nudged.set(true);
    }

    private void run() {
        while (running.get()) {
            Optional<HubLink> link = hub.link();
            if (link.isEmpty() || waitingOut(link.get())) {
                sleep(Duration.ofSeconds(1));
                continue;
            }
            try (HubClient client = connector.connect(hub.target(link.get(), environment))) {
                client.listen(Duration.ZERO);
                Instant lastFull = Instant.MIN;
                while (running.get()) {
                    boolean woken = !client.listen(LISTEN_SLICE).isEmpty();
                    boolean due = Duration.between(lastFull, clock.instant()).compareTo(FULL_SYNC_EVERY) >= 0;
                    if (woken || nudged.getAndSet(false) || due) {
                        HubLink current = hub.link().orElse(null);
                        if (current == null) {
                            break;
                        }
                        HubService.SyncReport report = hub.syncWith(client, current);
                        lastFull = clock.instant();
                        if (report.plansChanged() > 0) {
                            onChange.run();
                        }
                        if (!report.ok()) {
                            break;
                        }
                    }
                }
            } catch (UserError | IllegalStateException e) {
                hub.link().ifPresent(l -> hub.syncOnceFailed(l, e.getMessage()));
            }
        }
    }

    private boolean waitingOut(HubLink link) {
        return link.nextAttemptAt() != null && clock.instant().isBefore(link.nextAttemptAt()) && !nudged.get();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
