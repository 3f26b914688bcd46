package io.knobwright.app.ui.health;

import io.knobwright.app.backup.BackupService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupSchedule;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Backups section of the Health tab: an instance's verified backups (the timeline's data), whether it meets its
 * RPO now, the schedule and its missed runs, the newest backup's problems by name, and the newest verifications as
 * rows. Read off the FX thread; a slower earlier read that finishes after a newer one is dropped. When nothing was
 * ever verified it says so and names the commands that change that.
 */
public final class BackupHealthViewModel {

    static final String READ_BACKUPS = "Read the verified backups";
    /** How many of the newest verifications the list shows. */
    static final int RECENT = 8;
    /** How many problems of the newest backup are named before "N more". */
    static final int PROBLEMS_SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /** One verified backup as the list shows it; {@code status} lets the view colour the verdict. */
    public record BackupRow(String taken, String kind, String verdict, String size, String problems, BackupStatus status) {
    }

    private final BackgroundWork work;
    private final Function<Instance, BackupService.Overview> read;
    private final ZoneId zone;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<BackupService.Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper rpoText = new ReadOnlyStringWrapper(this, "rpoText", "");
    private final ReadOnlyBooleanWrapper rpoMet = new ReadOnlyBooleanWrapper(this, "rpoMet");
    private final ReadOnlyStringWrapper scheduleText = new ReadOnlyStringWrapper(this, "scheduleText", "");
    private final ReadOnlyStringWrapper latestText = new ReadOnlyStringWrapper(this, "latestText", "");
    private final ObservableList<String> latestProblems = FXCollections.observableArrayList();
    private final ObservableList<BackupRow> recent = FXCollections.observableArrayList();
    private long generation;

    public BackupHealthViewModel(BackgroundWork work, Function<Instance, BackupService.Overview> read, ZoneId zone) {
        this.work = Objects.requireNonNull(work, "work");
        this.read = Objects.requireNonNull(read, "read");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads {@code target}'s backups (null clears the section). */
    public void show(Instance target) {
        long mine = ++generation;
        apply(null, null);
        message.set("");
        loading.set(target != null);
        if (target == null) {
            return;
        }
        work.io(READ_BACKUPS, () -> read.apply(target), o -> {
            if (mine == generation) {
                loading.set(false);
                apply(target, o);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                message.set(failure);
            }
        });
    }

    private void apply(Instance target, BackupService.Overview o) {
        if (o == null || o.backups().isEmpty()) {
            overview.set(null);
            rpoText.set("");
            rpoMet.set(false);
            scheduleText.set("");
            latestText.set("");
            latestProblems.clear();
            recent.clear();
            if (target != null) {
                message.set(neverVerified(target, o));
            }
            return;
        }
        message.set("");
        rpoText.set(rpo(o.rpo(), o.backups().size()));
        rpoMet.set(o.rpo().compliant());
        scheduleText.set(schedule(target, o));
        BackupVerification newest = o.backups().getLast();
        latestText.set("Newest backup " + when(newest.takenAt()) + " (" + newest.kind().label() + ", "
                + SizeText.bytes(newest.bytes()) + "): " + verdict(newest.status()) + (newest.problems().isEmpty() ? ""
                : " — " + count(newest.problems().size(), "problem")));
        List<String> named = new ArrayList<>(newest.problems().stream().limit(PROBLEMS_SHOWN).map(BackupProblem::describe).toList());
        if (newest.problems().size() > PROBLEMS_SHOWN) {
            named.add((newest.problems().size() - PROBLEMS_SHOWN) + " more: knobwright backup verify --path " + newest.path());
        }
        latestProblems.setAll(named);
        recent.setAll(o.backups().reversed().stream().limit(RECENT).map(this::row).toList());
        overview.set(o);
    }

    private static String neverVerified(Instance target, BackupService.Overview o) {
        String verify = "`knobwright backup verify --path P --instance " + target.name() + "`";
        if (o != null && o.watch().isPresent()) {
            return "No backup of " + target.name() + " was verified yet, though " + o.watch().get().path() + " is watched:"
                    + " a backup there is verified once it has settled for 2 minutes (the daemon or an open workbench does it),"
                    + " or verify one now with " + verify + ".";
        }
        return "No backup of " + target.name() + " was ever verified, so nothing says it can be restored. Verify one with "
                + verify + ", or watch its backup directory with `knobwright backup watch --instance " + target.name()
                + " --path DIR --rpo 24h` so each new backup is verified within 5 minutes.";
    }

    static String rpo(RpoCompliance rpo, int verified) {
        String target = "RPO " + span(rpo.rpo());
        if (rpo.sinceLastGood().isEmpty()) {
            return "No good backup: " + (verified == 1 ? "the only verified backup is not good"
                    : "none of the " + verified + " verified backups is good") + " (" + target + ")";
        }
        String last = "Last good backup " + span(rpo.sinceLastGood().get()) + " ago (" + target + ")";
        return rpo.compliant() ? last + " — OK" : last + " — overdue by " + span(rpo.overdueBy().orElseThrow());
    }

    private String schedule(Instance target, BackupService.Overview o) {
        BackupSchedule s = o.schedule();
        String watched = o.watch().map(w -> " · watched: " + w.path())
                .orElse(" · not watched: `knobwright backup watch --instance " + target.name() + " --path DIR` verifies each"
                        + " new backup and sets the RPO (24 h until then)");
        if (s.interval() == null) {
            return "Schedule unknown: 3 backups are needed to infer it, or give `--interval` to `knobwright backup watch`"
                    + watched;
        }
        String every = "Every " + span(s.interval()) + (s.inferred() ? " (inferred from the backup times)" : " (as watched)");
        String missed = s.missed().isEmpty() ? "no missed run" : count(s.missed().size(), "missed run") + ", the last expected "
                + when(s.missed().getLast());
        return every + " · " + missed + watched;
    }

    private BackupRow row(BackupVerification v) {
        String problems = v.problems().isEmpty() ? "" : v.problems().size() + ": " + inside(v, v.problems().getFirst());
        return new BackupRow(when(v.takenAt()), v.kind().label(), verdict(v.status()), SizeText.bytes(v.bytes())
                + v.knownDuration().map(d -> " in " + HealthViewModel.duration(d)).orElse(""), problems, v.status());
    }

    /** The problem, without the file's name when it is the backup's own (a dump file): the row already says which. */
    private static String inside(BackupVerification v, BackupProblem p) {
        return v.path().endsWith("/" + p.file()) ? p.describe().substring(p.file().length() + 2) : p.describe();
    }

    static String verdict(BackupStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "45 min", "33 h", "3 days" or "3 days 4 h": the grain a person reads an RPO in. */
    static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " days" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BackupService.Overview> overviewProperty() { return overview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rpoTextProperty() { return rpoText.getReadOnlyProperty(); }
    /** True when the last good backup is within the RPO. */
    public ReadOnlyBooleanProperty rpoMetProperty() { return rpoMet.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduleTextProperty() { return scheduleText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty latestTextProperty() { return latestText.getReadOnlyProperty(); }
    public ObservableList<String> latestProblems() { return latestProblems; }
    public ObservableList<BackupRow> recent() { return recent; }
}
