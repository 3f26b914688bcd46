package io.knobwright.app.health;

import io.knobwright.app.monitor.MonitorService;
import io.knobwright.app.monitor.PollOutcome;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionReport;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Connection health of an instance (decision 0131): polls it now (the poll is stored like any other, so asking adds
 * to the history), reads the stored connection use of the last hours for the trend and the active sessions of the
 * last days for the pool advice, and hands them to {@link ConnectionReport}. Blocking: call it off the FX thread.
 */
public final class ConnectionHealthService {

    /** The trend is fitted over this much history. */
    public static final Duration TREND_WINDOW = Duration.ofHours(6);
    /** Pool advice reads the active sessions of this much history. */
    public static final Duration CONCURRENCY_WINDOW = Duration.ofDays(7);

    private final MonitorService monitor;
    private final ConnectionUseRepository use;
    private final MetricHistory series;
    private final Clock clock;
    private io.knobwright.model.health.ConnectionEventRepository events;

    /** Reads what {@code monitor} stores. */
    public ConnectionHealthService(MonitorService monitor, Clock clock) {
        this(monitor, monitor.connectionUse(), monitor.series(), clock);
    }

    /** Also reads the connection events of imported logs (decision 0131). */
    public ConnectionHealthService(MonitorService monitor, Clock clock, io.knobwright.model.health.ConnectionEventRepository events) {
        this(monitor, clock);
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Connection events of imported logs are summed over this much history. */
    public static final Duration EVENTS_WINDOW = Duration.ofDays(7);

    /** What the stored connection events of the last {@code window} add up to, storms included (none without a store). */
    public io.knobwright.model.health.ConnectionEventSummary events(long instanceId, Duration window) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        Instant to = now.plusSeconds(1);
        return io.knobwright.model.health.ConnectionEventSummary.of(events == null ? List.of()
                : events.counts(instanceId, from, to), from, to);
    }

    public ConnectionHealthService(MonitorService monitor, ConnectionUseRepository use, MetricHistory series, Clock clock) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.use = Objects.requireNonNull(use, "use");
        this.series = Objects.requireNonNull(series, "series");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Polls the instance now and reports on its connections; a server that cannot be read ends in a {@link UserError}. */
    public ConnectionReport connections(Instance instance, Duration leakAge) {
        PollOutcome outcome = monitor.pollNow(instance);
        if (!outcome.succeeded()) {
            throw new UserError(outcome.errorKind() == null ? UserError.Kind.UNREACHABLE : outcome.errorKind(),
                    "Could not read the connections of " + instance.name() + ": " + outcome.error());
        }
        ConnectionSnapshot snapshot = outcome.collected().orElseThrow().connections();
        if (snapshot == null) {
            throw new UserError(UserError.Kind.UNREACHABLE, "The server of " + instance.name() + " did not let its sessions be"
                    + " read (" + String.join("; ", outcome.collected().orElseThrow().notes()) + "). Grant the login pg_monitor"
                    + " (PostgreSQL) or PROCESS (MySQL/MariaDB) and ask again.");
        }
        Instant now = clock.instant();
        List<ConnectionUse> history = history(instance.id(), TREND_WINDOW, now);
        List<Double> active = series.points(instance.id(), Metric.ACTIVE_SESSIONS, now.minus(CONCURRENCY_WINDOW), now.plusMillis(1))
                .stream().map(MetricPoint::value).toList();
        int cpus = instance.hardware().cpus();
        return ConnectionReport.of(snapshot, history, active, cpus > 0 ? OptionalInt.of(cpus) : OptionalInt.empty(), leakAge, now);
    }

    /** Stored connection use of the last {@code window}, oldest first. */
    public List<ConnectionUse> history(long instanceId, Duration window, Instant now) {
        return use.use(instanceId, now.minus(window), now.plusMillis(1));
    }
}
