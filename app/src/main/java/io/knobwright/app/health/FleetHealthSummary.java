package io.knobwright.app.health;

import io.knobwright.app.backup.BackupService;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.LastGoodBackup;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.health.SeriesAlertSource;
import io.knobwright.model.health.ShownAlert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The fleet's health at a glance, one record per instance for the whole fleet in one call (the fleet table's health
 * columns, decision 0135): its alerts as the Alerts screen lists them, the days until its disk fills, its last good
 * backup against its RPO, and its newest connection use. Backups and connection use cost one query per table whatever
 * the fleet's size; the alerts are one evaluation of every source (the same the Alerts screen runs), which also warms
 * the disk-full figures read afterwards. Blocking: call it off the FX thread.
 */
public final class FleetHealthSummary {

    /** Connection use older than this is not shown as current: the alerts ignore stale polls for the same reason. */
    public static final Duration CONNECTIONS_LOOK_BACK = SeriesAlertSource.DEFAULTS.lookBack();

    /**
     * One instance's health.
     *
     * @param alerts      its alerts, silenced ones included (marked)
     * @param diskFull    the storage forecast's days until the disk fills; empty without size history or disk size
     * @param backup      its RPO standing; empty when it has neither a verified backup nor a watched backup directory
     * @param connections its newest connection use within {@link #CONNECTIONS_LOOK_BACK}; empty when not polled
     */
    public record InstanceHealth(long instanceId, List<ShownAlert> alerts, Optional<DiskFullDays.Figure> diskFull,
                                 Optional<RpoCompliance> backup, Optional<ConnectionUse> connections) {
        public InstanceHealth {
            alerts = List.copyOf(alerts);
            Objects.requireNonNull(diskFull, "diskFull");
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(connections, "connections");
        }

        /** Nothing stored about the instance. */
        public static InstanceHealth unknown(long instanceId) {
            return new InstanceHealth(instanceId, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The alerts no maintenance window silences. */
        public List<ShownAlert> activeAlerts() {
            return alerts.stream().filter(a -> !a.silenced()).toList();
        }

        /** The most urgent severity among the active alerts; empty when none is active. */
        public Optional<AlertSeverity> worstActive() {
            return activeAlerts().stream().map(a -> a.alert().severity()).min(Enum::compareTo);
        }

        /** True when the forecast expects the disk to fill within the disk-full alert's warning horizon. */
        public boolean diskFullSoon() {
            return diskFull.map(f -> f.days() < DiskFullAlerts.WARNING_DAYS).orElse(false);
        }

        /** Sessions in use as a share of max_connections at the newest point (0.87 for 87 %); empty when unknown. */
        public OptionalDouble connectionShare() {
            return connections.filter(c -> c.maxConnections() > 0)
                    .map(c -> OptionalDouble.of(c.total() / c.maxConnections())).orElse(OptionalDouble.empty());
        }
    }

    /**
     * The fleet's health at {@code at}; {@code problems} names what could not be read (an alert source, the backups),
     * so a blank column is explained rather than silent.
     */
    public record FleetHealth(Instant at, Map<Long, InstanceHealth> instances, List<String> problems,
                              AlertEvaluator.Evaluation evaluation) {
        public FleetHealth {
            Objects.requireNonNull(at, "at");
            instances = Map.copyOf(instances);
            problems = List.copyOf(problems);
            Objects.requireNonNull(evaluation, "evaluation");
        }

        /** Nothing known of any instance (a workbench without stored health). */
        public static FleetHealth none(Instant at) {
            return new FleetHealth(at, Map.of(), List.of(), new AlertEvaluator.Evaluation(List.of(), List.of()));
        }

        public InstanceHealth of(long instanceId) {
            return instances.getOrDefault(instanceId, InstanceHealth.unknown(instanceId));
        }
    }

    private final Supplier<AlertEvaluator.Evaluation> alerts;
    private final DiskFullDays diskFull;
    private final BackupRepository backups;
    private final ConnectionUseRepository connections;
    private final Clock clock;

    /** @param alerts the fleet's alert evaluation ({@link AlertService#evaluate}) */
    public FleetHealthSummary(Supplier<AlertEvaluator.Evaluation> alerts, DiskFullDays diskFull, BackupRepository backups,
                              ConnectionUseRepository connections, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.diskFull = Objects.requireNonNull(diskFull, "diskFull");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The health of every instance of {@code fleet}; a part that cannot be read is named in the problems, not thrown. */
    public FleetHealth summarize(List<Instance> fleet) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        AlertEvaluator.Evaluation evaluation = read("alerts", problems, alerts,
                new AlertEvaluator.Evaluation(List.of(), List.of()));
        evaluation.failedSources().forEach(failed -> problems.add("alert source " + failed));
        Map<Long, List<ShownAlert>> alertsOf = new HashMap<>();
        evaluation.alerts().forEach(a -> alertsOf.computeIfAbsent(a.alert().instanceId(), id -> new ArrayList<>()).add(a));
        Map<Long, RpoCompliance> rpo = read("backups", problems, () -> rpoStanding(now), Map.of());
        Map<Long, ConnectionUse> use = read("connection use", problems,
                () -> connections.newest(now.minus(CONNECTIONS_LOOK_BACK)), Map.of());
        Map<Long, InstanceHealth> out = new HashMap<>();
        for (Instance i : fleet) {
            Optional<DiskFullDays.Figure> disk = read("disk full (" + i.name() + ")", problems,
                    () -> diskFull.of(i, now), Optional.empty());
            out.put(i.id(), new InstanceHealth(i.id(), alertsOf.getOrDefault(i.id(), List.of()), disk,
                    Optional.ofNullable(rpo.get(i.id())), Optional.ofNullable(use.get(i.id()))));
        }
        return new FleetHealth(now, out, problems, evaluation);
    }

    /**
     * As {@link BackupService#standing} (and so the backup alerts) judges it, for the whole fleet at once: the RPO of the
     * instance's first watch, else the default, for instances with a verified backup or a watched directory.
     */
    private Map<Long, RpoCompliance> rpoStanding(Instant now) {
        Map<Long, Duration> rpoOf = new HashMap<>();
        for (BackupWatch w : backups.watches()) {
            rpoOf.putIfAbsent(w.instanceId(), w.rpo());
        }
        Map<Long, RpoCompliance> out = new HashMap<>();
        Map<Long, Instant> lastGood = new HashMap<>();
        List<LastGoodBackup> verified = backups.lastGoodBackups(now);
        verified.forEach(b -> b.takenAt().ifPresent(t -> lastGood.put(b.instanceId(), t)));
        verified.forEach(b -> rpoOf.putIfAbsent(b.instanceId(), BackupService.DEFAULT_RPO));
        rpoOf.forEach((id, rpo) -> out.put(id, new RpoCompliance(rpo, now, lastGood.get(id))));
        return out;
    }

    private static <T> T read(String what, List<String> problems, Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
            return otherwise;
        }
    }
}
