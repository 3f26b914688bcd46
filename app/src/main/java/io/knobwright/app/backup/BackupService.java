package io.knobwright.app.backup;

import io.knobwright.connectors.backup.BackupVerifier;
import io.knobwright.connectors.backup.RestoreReport;
import io.knobwright.model.UserError;
import io.knobwright.model.backup.BackupRecord;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.backup.BackupSchedule;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.fleet.Instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Verifies backups and, for an instance, keeps the result: the stored verification of the same path is the reference
 * its checksums are compared with, and the instance's history gives its RPO compliance and missed schedules.
 */
public final class BackupService {

    /** The RPO an instance is held to when no watch of it sets one. */
    public static final Duration DEFAULT_RPO = Duration.ofHours(24);

    private final BackupRepository backups;
    private final BackupVerifier verifier;
    private final Clock clock;

    public BackupService(BackupRepository backups, BackupVerifier verifier, Clock clock) {
        this.backups = backups;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The verification, with an instance what its stored history now says, and what a restore test restored. */
    public record Outcome(BackupVerification verification, Optional<InstanceBackups> instance, Optional<RestoreReport> restore) {
        public Outcome(BackupVerification verification, Optional<InstanceBackups> instance) {
            this(verification, instance, Optional.empty());
        }
    }

    /** An instance's standing after the verification was stored. */
    public record InstanceBackups(Instance instance, long recordId, RpoCompliance rpo, BackupSchedule schedule) {
    }

    /** An instance's backups as the alerts and the /metrics page see them: its newest verification and its RPO standing. */
    public record Standing(BackupVerification latest, RpoCompliance rpo) {
    }

    /** Empty for an instance with neither a verified backup nor a watched directory: nothing is known of its backups. */
    public Optional<Standing> standing(Instance instance) {
        return standing(instance, backups.watches());
    }

    /**
     * Each instance's standing, in fleet order, skipping those nothing is known of. The watches are read once for the
     * fleet, not once per instance: with a watch per instance that was a square of the fleet's size per evaluation.
     */
    public Map<Instance, Standing> standings(List<Instance> fleet) {
        List<BackupWatch> watches = backups.watches();
        Map<Instance, Standing> standings = new java.util.LinkedHashMap<>();
        for (Instance instance : fleet) {
            standing(instance, watches).ifPresent(s -> standings.put(instance, s));
        }
        return standings;
    }

    private Optional<Standing> standing(Instance instance, List<BackupWatch> watches) {
        List<BackupVerification> history = newestPerPath(instance);
        Optional<BackupWatch> watch = watchOf(instance, watches);
        if (history.isEmpty() && watch.isEmpty()) {
            return Optional.empty();
        }
        BackupVerification latest = history.stream().max(java.util.Comparator.comparing(BackupVerification::verifiedAt))
                .orElse(null);
        return Optional.of(new Standing(latest, RpoCompliance.of(history, watch.map(BackupWatch::rpo).orElse(DEFAULT_RPO),
                clock.instant())));
    }

    /**
     * An instance's backups as the Health screen shows them: one verification per backup path (its newest, since a
     * backup re-verified after it changed is what it is now), oldest backup first, the watch that sets its RPO and
     * interval, RPO compliance at {@code now} and the missed scheduled runs.
     */
    public record Overview(List<BackupVerification> backups, Optional<BackupWatch> watch, RpoCompliance rpo,
                           BackupSchedule schedule) {
        public Overview {
            backups = List.copyOf(backups);
            java.util.Objects.requireNonNull(watch, "watch");
            java.util.Objects.requireNonNull(rpo, "rpo");
            java.util.Objects.requireNonNull(schedule, "schedule");
        }

        /** Nothing verified and nothing watched, measured against the default RPO. */
        public static Overview none(Instant now) {
            return new Overview(List.of(), Optional.empty(), new RpoCompliance(DEFAULT_RPO, now, null),
                    new BackupSchedule(null, false, List.of()));
        }
    }

    /** The instance's backups at {@code now} (blocking: reads the store). */
    public Overview overview(Instance instance, Instant now) {
        List<BackupVerification> latest = newestPerPath(instance);
        Optional<BackupWatch> watch = watchOf(instance, backups.watches());
        RpoCompliance rpo = RpoCompliance.of(latest, watch.map(BackupWatch::rpo).orElse(DEFAULT_RPO), now);
        BackupSchedule schedule = BackupSchedule.of(latest.stream().map(BackupVerification::takenAt).toList(),
                watch.map(BackupWatch::interval).orElse(null), now);
        return new Overview(latest, watch, rpo, schedule);
    }

    /** The watch that sets the instance's RPO and interval, if a directory of it is watched. */
    private static Optional<BackupWatch> watchOf(Instance instance, List<BackupWatch> watches) {
        return watches.stream().filter(w -> w.instanceId() == instance.id()).findFirst();
    }

    /**
     * The instance's backups, one per path: its newest verification, since a backup re-verified after it changed is what
     * it is now (a dump once good and now cut is a damaged backup, not a good one); oldest backup first. The Health
     * screen, the alerts, /metrics and verify's own outcome all judge the RPO over this list, so they agree.
     */
    private List<BackupVerification> newestPerPath(Instance instance) {
        java.util.Map<String, BackupVerification> byPath = new java.util.LinkedHashMap<>();
        for (BackupRecord r : backups.history(instance.id())) {
            byPath.merge(r.verification().path(), r.verification(),
                    (old, neu) -> neu.verifiedAt().isBefore(old.verifiedAt()) ? old : neu);
        }
        return byPath.values().stream().sorted(java.util.Comparator.comparing(BackupVerification::takenAt)).toList();
    }

    public Outcome verify(Path path, Optional<Instance> instance) {
        return verify(path, instance, null);
    }

    /**
     * As {@link #verify(Path, Optional)}, with a restore test of a pg_dump into an embedded PostgreSQL (minutes for a
     * large dump); {@code progress} receives a line per step.
     */
    public Outcome verifyAndRestore(Path path, Optional<Instance> instance, Consumer<String> progress) {
        return verify(path, instance, java.util.Objects.requireNonNull(progress, "progress"));
    }

    private Outcome verify(Path path, Optional<Instance> instance, Consumer<String> restoreProgress) {
        Path backup = path.toAbsolutePath().normalize();
        if (!Files.exists(backup)) {
            throw UserError.input("No backup at " + backup + ": give the path of a backup directory or dump file.");
        }
        if (!Files.isReadable(backup)) {
            throw UserError.input("Cannot read " + backup + ": check its permissions for the user running Knobwright.");
        }
        Optional<BackupVerification> previous = backups.latestOf(backup.toString()).map(BackupRecord::verification);
        BackupVerifier.Verified verified = restoreProgress == null
                ? new BackupVerifier.Verified(verifier.verify(backup, previous), Optional.empty())
                : verifier.verifyAndRestore(backup, previous, restoreProgress);
        BackupVerification verification = verified.verification();
        if (instance.isEmpty()) {
            return new Outcome(verification, Optional.empty(), verified.restore());
        }
        Instance i = instance.get();
        long id = backups.record(i.id(), verification);
        Overview after = overview(i, clock.instant()); // the standing the screen and the alerts now see
        return new Outcome(verification, Optional.of(new InstanceBackups(i, id, after.rpo(), after.schedule())),
                verified.restore());
    }

    /** Watches {@code path} for the instance (replacing an earlier watch of the same path); returns what was stored. */
    public BackupWatch watch(Instance instance, Path path, Duration rpo, Duration interval) {
        Path watched = path.toAbsolutePath().normalize();
        if (!Files.exists(watched)) {
            throw UserError.input("Nothing at " + watched + " to watch: give the backup directory (it must exist).");
        }
        BackupWatch watch;
        try {
            watch = new BackupWatch(instance.id(), instance.name(), watched.toString(), rpo, interval);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        backups.watch(watch);
        return watch;
    }

    /**
     * One round of watching: verifies and stores every settled backup under a watched directory that changed since its
     * last verification. Watches of instances that no longer exist are skipped.
     */
    public List<Outcome> verifyDue(java.util.function.LongFunction<Optional<Instance>> instances, Duration settle) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (BackupWatcher.Due due : new BackupWatcher(backups, clock, settle, (w, p) -> { }).due()) {
            instances.apply(due.watch().instanceId()).ifPresent(i -> outcomes.add(verify(due.backup(), Optional.of(i))));
        }
        return outcomes;
    }
}
