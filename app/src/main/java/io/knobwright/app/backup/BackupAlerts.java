package io.knobwright.app.backup;

import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.AlertSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fleet's backup alerts (decision 0130): {@link AlertKind#BACKUP_FAILED} when an instance's newest verified backup is
 * damaged or unreadable, with its problems by name; {@link AlertKind#BACKUP_OVERDUE} when its last good backup is older
 * than its RPO, or it never had one while a directory of its is watched. Neither is ever silenced by a maintenance
 * window (0134): a backup that cannot restore is the one thing a planned restart must not hide.
 */
public final class BackupAlerts implements AlertSource {

    private static final int PROBLEMS_SHOWN = 3;

    private final BackupService backups;

    public BackupAlerts(BackupService backups) {
        this.backups = Objects.requireNonNull(backups, "backups");
    }

    @Override
    public List<Alert> alerts(List<Instance> fleet, Clock clock) {
        List<Alert> alerts = new ArrayList<>();
        backups.standings(fleet).forEach((instance, standing) -> {
            var latest = standing.latest();
            if (latest != null && (latest.status() == BackupStatus.DAMAGED || latest.status() == BackupStatus.UNREADABLE)) {
                List<String> evidence = new ArrayList<>();
                evidence.add(latest.path() + " (" + latest.kind() + ") verified " + latest.verifiedAt() + ": "
                        + latest.status());
                latest.problems().stream().limit(PROBLEMS_SHOWN)
                        .forEach(p -> evidence.add(p.file() + ": " + p.kind() + (p.detail().isBlank() ? "" : " - " + p.detail())));
                if (latest.problems().size() > PROBLEMS_SHOWN) {
                    evidence.add((latest.problems().size() - PROBLEMS_SHOWN) + " more: knobwright backup verify --path "
                            + latest.path());
                }
                alerts.add(new Alert(instance.id(), instance.name(), AlertKind.BACKUP_FAILED, AlertSeverity.CRITICAL,
                        "Newest backup is " + latest.status().name().toLowerCase(java.util.Locale.ROOT), evidence,
                        latest.verifiedAt()));
            }
            var rpo = standing.rpo();
            if (!rpo.compliant()) {
                String title = rpo.sinceLastGood().map(d -> "No good backup for " + hours(d) + " (RPO " + hours(rpo.rpo()) + ")")
                        .orElse("No good backup on record (RPO " + hours(rpo.rpo()) + ")");
                alerts.add(new Alert(instance.id(), instance.name(), AlertKind.BACKUP_OVERDUE, AlertSeverity.CRITICAL,
                        title, List.of(rpo.sinceLastGood().map(d -> "last good backup at " + rpo.now().minus(d))
                                .orElse("no verified backup of this instance was good"),
                        "verify one: knobwright backup verify --instance " + instance.name() + " --path PATH"),
                        rpo.now()));
            }
        });
        return alerts;
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " days" : h + " h";
    }
}
