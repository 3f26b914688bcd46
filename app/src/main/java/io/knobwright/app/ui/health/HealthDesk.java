package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.backup.BackupService;
import io.knobwright.app.health.ConnectionHealthService;
import io.knobwright.app.health.FleetHealthSummary;
import io.knobwright.app.health.StorageForecastService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.health.ConnectionReport;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.index.IndexAdvice;
import io.knobwright.model.workload.TableRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What the Health screen reads (each blocking: the view-model calls them off the FX thread): an instance's connection
 * health with its stored history, its storage forecast with the largest tables, index advice on demand, its
 * verified backups with their RPO standing; the fleet's alerts, and the whole fleet's health for the fleet table's
 * health columns (decision 0135).
 */
public record HealthDesk(Function<Instance, Connections> connections, Function<Instance, Storage> storage,
                         Function<Instance, IndexAdvice> indexAdvice,
                         java.util.function.Supplier<io.knobwright.model.health.AlertEvaluator.Evaluation> alerts,
                         java.util.function.BiFunction<String, String, io.knobwright.model.health.AlertAcknowledgement> acknowledge,
                         Function<Instance, BackupService.Overview> backups,
                         Function<List<Instance>, FleetHealthSummary.FleetHealth> fleet,
                         Function<Instance, SessionWatch> sessions) {

    /** Without the fleet's alerts (the Alerts screen lists none) and without backups. */
    public HealthDesk(Function<Instance, Connections> connections, Function<Instance, Storage> storage,
                      Function<Instance, IndexAdvice> indexAdvice) {
        this(connections, storage, indexAdvice,
                () -> new io.knobwright.model.health.AlertEvaluator.Evaluation(List.of(), List.of()));
    }

    /** Alerts that cannot be acknowledged (no store behind them), no backups (none was ever verified), and every
     * instance's health unknown in the fleet table, and no live session sampler (the screen says so). */
    public HealthDesk(Function<Instance, Connections> connections, Function<Instance, Storage> storage,
                      Function<Instance, IndexAdvice> indexAdvice,
                      java.util.function.Supplier<io.knobwright.model.health.AlertEvaluator.Evaluation> alerts) {
        this(connections, storage, indexAdvice, alerts, (key, comment) -> {
            throw UserError.input("Alerts cannot be acknowledged in this workbench.");
        }, instance -> BackupService.Overview.none(Instant.now()),
                instances -> FleetHealthSummary.FleetHealth.none(Instant.now()), instance -> {
                    throw UserError.input("Sessions are not sampled in this workbench.");
                });
    }

    /** The same reads with live sessions sampled by {@code sessions}. */
    public HealthDesk withSessions(Function<Instance, SessionWatch> sessions) {
        return new HealthDesk(connections, storage, indexAdvice, alerts, acknowledge, backups, fleet, sessions);
    }

    /** The same reads with {@code backups} read from there. */
    public HealthDesk withBackups(Function<Instance, BackupService.Overview> backups) {
        return new HealthDesk(connections, storage, indexAdvice, alerts, acknowledge, backups, fleet, sessions);
    }

    /** How many days the storage forecast looks ahead on the screen. */
    public static final int FORECAST_DAYS = 60;
    /** How many tables the largest-tables list shows. */
    public static final int LARGEST_TABLES = 10;

    /** A live connection report and the stored use behind the chart (oldest first). */
    public record Connections(ConnectionReport report, List<ConnectionUse> history) {
        public Connections {
            Objects.requireNonNull(report, "report");
            history = List.copyOf(history);
        }
    }

    /** One of the largest tables at its latest measured size. */
    public record TableSize(TableRef table, long bytes) {
    }

    /** The forecast (null when there is not yet enough history) and the largest tables. */
    public record Storage(StorageForecastService.Result forecast, List<TableSize> largest) {
        public Storage {
            largest = List.copyOf(largest);
        }
    }

    public HealthDesk {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(indexAdvice, "indexAdvice");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(acknowledge, "acknowledge");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** The workbench's: a live poll and the store's history, the forecast over measured and imported sizes, the advisor. */
    public static HealthDesk of(AppContext context) {
        return of(context, Clock.systemUTC());
    }

    public static HealthDesk of(AppContext context, Clock clock) {
        return of(context, context.monitor(), clock);
    }

    /** Over another monitor (tests give one with a stepped clock). */
    public static HealthDesk of(AppContext context, io.knobwright.app.monitor.MonitorService monitor, Clock clock) {
        ConnectionHealthService health = new ConnectionHealthService(monitor, clock);
        StorageForecastService forecasts = context.storageForecasts();
        return new HealthDesk(instance -> {
            ConnectionReport report = health.connections(instance, ConnectionReport.DEFAULT_LEAK_AGE);
            return new Connections(report, health.history(instance.id(), ConnectionHealthService.TREND_WINDOW, clock.instant()));
        }, instance -> {
            // the forecaster needs sizes on two days (UTC); a first day of polls is "no history yet", not a failure
            StorageForecastService.Result forecast = measuredDays(forecasts.history(instance, "total").points()) < 2 ? null
                    : forecasts.forecast(instance, "total", FORECAST_DAYS, OptionalLong.empty());
            Instant now = clock.instant();
            Map<TableRef, List<SizePoint>> tables = context.relationSeries().tableSizes(instance.id(),
                    now.minus(Duration.ofDays(30)), now.plusSeconds(1));
            List<TableSize> largest = tables.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> new TableSize(e.getKey(), e.getValue().getLast().bytes()))
                    .sorted(Comparator.comparingLong(TableSize::bytes).reversed()).limit(LARGEST_TABLES).toList();
            return new Storage(forecast, largest);
        }, context.indexAdvice()::advise, () -> context.alerts().evaluate(),
                (key, comment) -> context.alerts().acknowledge(key, context.localUser(), comment),
                instance -> context.backups().overview(instance, clock.instant()), context.fleetHealth()::summarize,
                instance -> SessionWatch.of(context.sessionWatches().open(instance)));
    }

    private static long measuredDays(List<SizePoint> points) {
        return points.stream().map(p -> p.at().atOffset(java.time.ZoneOffset.UTC).toLocalDate()).distinct().count();
    }

    /** Nothing to read: for tests of other screens. */
    public static HealthDesk none() {
        return new HealthDesk(instance -> {
            throw UserError.input("No connection health in this workbench.");
        }, instance -> new Storage(null, List.of()), instance -> {
            throw UserError.input("No index advice in this workbench.");
        });
    }
}
