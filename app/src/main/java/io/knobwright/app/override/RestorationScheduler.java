package io.knobwright.app.override;

import io.knobwright.model.override.OverrideRepository;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Restores overrides at their deadlines, every second, for one store. One scheduler per store holds a lease in it
 * (renewed each tick); a workbench opened while `knobwright daemon` runs stays on standby and takes over if the
 * daemon goes away, so a deadline is never missed by more than a lease and never restored twice (each restoration
 * is also claimed row by row).
 */
public final class RestorationScheduler implements AutoCloseable {

    static final Duration TICK = Duration.ofSeconds(1);
    public static final Duration LEASE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(RestorationScheduler.class.getName());

    private final OverrideService service;
    private final OverrideRepository overrides;
    private final Clock clock;
    private final String holder;
    private final List<Consumer<List<Restoration>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("knobwright-restoration").factory());
    private static final java.util.concurrent.atomic.AtomicInteger SCHEDULERS = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean holding;

    /** @param role "workbench" or "daemon": shown to whoever finds the lease taken */
    public RestorationScheduler(OverrideService service, OverrideRepository overrides, Clock clock, String role) {
        this.service = Objects.requireNonNull(service, "service");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.clock = Objects.requireNonNull(clock, "clock");
        // pid@host, and which scheduler of the process: two in one JVM (tests, a second window) are two holders
        this.holder = role + " " + ManagementFactory.getRuntimeMXBean().getName() + " #" + SCHEDULERS.incrementAndGet();
    }

    /** Who holds the lease now, if anyone (this scheduler included). */
    public Optional<String> holder() {
        return overrides.leaseHolder(clock.instant(), LEASE);
    }

    public boolean holding() {
        return holding;
    }

    /** Hears what each tick restored (off the FX thread). */
    public void onRestorations(Consumer<List<Restoration>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts ticking: takes the lease when it is free, stays on standby while another scheduler holds it. */
    public RestorationScheduler start() {
        timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** For the daemon: takes the lease now or says who holds it; starts ticking only when it got it. */
    public Optional<String> startExclusive() {
        if (!overrides.acquireLease(holder, clock.instant(), LEASE)) {
            return Optional.of(holder().orElse("another scheduler"));
        }
        holding = true;
        start();
        return Optional.empty();
    }

    void tick() {
        try {
            holding = overrides.acquireLease(holder, clock.instant(), LEASE);
            if (!holding) {
                return;
            }
            List<Restoration> done = service.restoreDue();
            if (!done.isEmpty()) {
                for (Consumer<List<Restoration>> listener : listeners) {
                    listener.accept(done);
                }
            }
        } catch (RuntimeException e) {
            // a store closing at shutdown, a server timing out: the next tick tries again; failures are on the rows
            LOG.log(Level.FINE, "Restoration tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            if (holding) {
                overrides.releaseLease(holder);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not release the restoration lease (it expires by itself)", e);
        }
    }
}
