package io.knobwright.app.health;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.AlertSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link AlertKind#DISK_FULL}: the storage forecast (decision 0129) expects the instance's total size to reach its disk
 * within {@link #WARNING_DAYS} days (a warning) or {@link #CRITICAL_DAYS} (critical), or it already has. The evidence
 * names the date, the disk and the last measured size, so the reader need not open the chart to judge it.
 */
public final class DiskFullAlerts implements AlertSource {

    static final double WARNING_DAYS = 30;
    static final double CRITICAL_DAYS = 7;
    private static final double GB = 1L << 30;

    private final DiskFullDays days;

    public DiskFullAlerts(DiskFullDays days) {
        this.days = Objects.requireNonNull(days, "days");
    }

    @Override
    public List<Alert> alerts(List<Instance> fleet, Clock clock) {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (Instance instance : fleet) {
            days.of(instance, now).filter(f -> f.days() < WARNING_DAYS).ifPresent(f -> alerts.add(new Alert(instance.id(),
                    instance.name(), AlertKind.DISK_FULL, f.days() < CRITICAL_DAYS ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                    f.days() == 0 ? "Disk full: the forecast size has reached the disk"
                            : String.format(Locale.ROOT, "Disk full in about %.0f days", f.days()),
                    List.of(String.format(Locale.ROOT, "last measured %.1f GB of a %.1f GB disk", f.lastBytes() / GB,
                                    f.diskBytes() / GB),
                            "expected to reach it on " + f.expected().map(Object::toString).orElse("?")
                                    + " (storage forecast, 80% interval in `knobwright storage forecast --instance "
                                    + instance.name() + "`)"),
                    f.computed())));
        }
        return alerts;
    }
}
