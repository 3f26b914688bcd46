package io.knobwright.app.ui.fleet;

import io.knobwright.app.health.DiskFullDays;
import io.knobwright.app.health.FleetHealthSummary;
import io.knobwright.app.health.FleetHealthSummary.InstanceHealth;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.SeriesAlertSource;
import io.knobwright.model.health.ShownAlert;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * An instance's health as the fleet table's four health columns show it, formatted once when the health arrives so a
 * re-filter or scroll only reads strings. Sort keys are NaN (or null) where nothing is known: those rows sort last.
 *
 * @param loaded          false until the fleet's health has been read: the cells then show "…"
 * @param activeAlerts    alerts no maintenance window silences
 * @param worst           the most urgent severity among them; null when none is active
 * @param diskDays        days until the disk fills (0: full, +Inf: not within a year); NaN when unknown
 * @param diskSoon        the forecast reaches the disk within the disk-full alert's warning horizon
 * @param backupAge       time since the last good backup; null when there is none or nothing is known
 * @param backupKnown     the instance has a verified backup or a watched backup directory
 * @param backupOverdue   past its RPO, or watched without any good backup
 * @param connectionShare sessions / max_connections at the newest point (0.87); NaN when unknown
 */
public record HealthCells(boolean loaded, int activeAlerts, AlertSeverity worst, String alertsText, String alertsDetail,
                          double diskDays, boolean diskSoon, String diskText, String diskDetail,
                          Duration backupAge, boolean backupKnown, boolean backupOverdue, String backupText,
                          String backupDetail, double connectionShare, String connectionsText, String connectionsDetail) {

    static final String LOADING_TEXT = "…";
    static final String NEVER = "never";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final double GB = 1L << 30;

    /** Before the fleet's health has been read. */
    public static final HealthCells LOADING = new HealthCells(false, 0, null, LOADING_TEXT, "", Double.NaN, false,
            LOADING_TEXT, "", null, false, false, LOADING_TEXT, "", Double.NaN, LOADING_TEXT, "");

    public HealthCells {
        Objects.requireNonNull(alertsText, "alertsText");
        Objects.requireNonNull(diskText, "diskText");
        Objects.requireNonNull(backupText, "backupText");
        Objects.requireNonNull(connectionsText, "connectionsText");
        if (activeAlerts < 0) {
            throw new IllegalArgumentException("A negative alert count: " + activeAlerts);
        }
    }

    /** The cells of {@code health}, ages as of when it was read. */
    public static HealthCells of(InstanceHealth health) {
        List<ShownAlert> active = health.activeAlerts();
        AlertSeverity worst = health.worstActive().orElse(null);
        int silenced = health.alerts().size() - active.size();
        String alertsText = worst != null ? active.size() + " " + worst.name().toLowerCase(Locale.ROOT)
                : silenced > 0 ? silenced + " silenced" : "0";

        double days = health.diskFull().map(DiskFullDays.Figure::days).orElse(Double.NaN);
        RpoCompliance rpo = health.backup().orElse(null);
        Duration age = rpo == null ? null : rpo.sinceLastGood().orElse(null);
        OptionalDouble share = health.connectionShare();
        return new HealthCells(true, active.size(), worst, alertsText, alertsDetail(health.alerts()),
                days, health.diskFullSoon(), diskText(days), health.diskFull().map(HealthCells::diskDetail).orElse(
                        "No forecast: no size history, or the disk size is not known."),
                age, rpo != null, rpo != null && !rpo.compliant(),
                rpo == null ? Formats.UNKNOWN : age == null ? NEVER : age(age),
                rpo == null ? "No verified backup and no watched backup directory." : backupDetail(rpo),
                share.orElse(Double.NaN),
                share.isPresent() ? String.format(Locale.ROOT, "%.0f %%", share.getAsDouble() * 100) : Formats.UNKNOWN,
                health.connections().map(HealthCells::connectionsDetail)
                        .orElse("Not polled in the last " + hours(FleetHealthSummary.CONNECTIONS_LOOK_BACK) + "."));
    }

    public boolean hasActiveAlerts() {
        return activeAlerts > 0;
    }

    /** At or above the connections-near-limit alert's warning share (80 %). */
    public boolean connectionsHigh() {
        return connectionShare >= SeriesAlertSource.DEFAULTS.connectionsWarning();
    }

    /** At or above the connections-near-limit alert's critical share (95 %). */
    public boolean connectionsCritical() {
        return connectionShare >= SeriesAlertSource.DEFAULTS.connectionsCritical();
    }

    private static String alertsDetail(List<ShownAlert> alerts) {
        if (alerts.isEmpty()) {
            return "No alerts.";
        }
        return alerts.stream().sorted(java.util.Comparator.comparing(ShownAlert::silenced)
                        .thenComparing(a -> a.alert().severity()))
                .map(a -> a.alert().severity().name().toLowerCase(Locale.ROOT) + ": " + a.alert().title()
                        + a.silencedBy().map(w -> " (silenced: " + w.reason() + ")").orElse(""))
                .collect(Collectors.joining("\n"));
    }

    static String diskText(double days) {
        if (Double.isNaN(days)) {
            return Formats.UNKNOWN;
        }
        if (Double.isInfinite(days)) {
            return "> 1 year";
        }
        if (days <= 0) {
            return "full";
        }
        long d = Math.round(days);
        return d + (d == 1 ? " day" : " days");
    }

    private static String diskDetail(DiskFullDays.Figure f) {
        String when = f.expected().map(d -> "Expected to fill on " + d).orElse("Not expected to fill within a year");
        return when + String.format(Locale.ROOT, " (storage forecast; last measured %.1f GB of a %.1f GB disk).",
                f.lastBytes() / GB, f.diskBytes() / GB);
    }

    /** "45 min", "7 h", "3 days": as the backup alerts word it (hours up to two days). */
    static String age(Duration age) {
        if (age.toHours() < 1) {
            return Math.max(0, age.toMinutes()) + " min";
        }
        return hours(age);
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " days" : h + " h";
    }

    private static String backupDetail(RpoCompliance rpo) {
        String last = rpo.sinceLastGood().map(d -> "Last good backup taken " + WHEN.format(rpo.now().minus(d)))
                .orElse("No good backup on record");
        return last + "; RPO " + hours(rpo.rpo()) + (rpo.compliant() ? "." : ": overdue.");
    }

    private static String connectionsDetail(ConnectionUse use) {
        return String.format(Locale.ROOT, "%.0f of %.0f connections in use at %s.", use.total(), use.maxConnections(),
                WHEN.format(use.at()));
    }
}
