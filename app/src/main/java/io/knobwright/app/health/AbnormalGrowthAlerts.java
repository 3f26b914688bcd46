package io.knobwright.app.health;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.AbnormalGrowth;
import io.knobwright.model.forecast.SizeText;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.AlertSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link AlertKind#ABNORMAL_GROWTH}: the storage forecast (decision 0129) found growth it did not expect that ended
 * within the instance's last week measured: a one-day step (a bulk load, a purge), growth outside the backtest's 98%
 * range, or a change of pace. A warning: it is worth a look (was the load planned? did a job stop purging?), not a page.
 * The forecasts are the ones {@link DiskFullDays} keeps for an hour, so this costs nothing more per evaluation.
 */
public final class AbnormalGrowthAlerts implements AlertSource {

    private final DiskFullDays forecasts;

    public AbnormalGrowthAlerts(DiskFullDays forecasts) {
        this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
    }

    @Override
    public List<Alert> alerts(List<Instance> fleet, Clock clock) {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (Instance instance : fleet) {
            List<AbnormalGrowth> found = forecasts.recentAbnormal(instance, now);
            if (found.isEmpty()) {
                continue;
            }
            AbnormalGrowth newest = found.getFirst();
            List<String> evidence = new ArrayList<>();
            for (AbnormalGrowth a : found) {
                evidence.add(describe(a));
            }
            evidence.add("the forecast keeps a one-off step in the level and does not extrapolate it: `knobwright storage "
                    + "forecast --instance " + instance.name() + "`");
            alerts.add(new Alert(instance.id(), instance.name(), AlertKind.ABNORMAL_GROWTH, AlertSeverity.WARNING,
                    title(newest), evidence, newest.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return alerts;
    }

    /** "Unexpected growth: +12.0 GB on 2026-12-04 where about +0.3 GB was expected". */
    static String title(AbnormalGrowth a) {
        String span = a.days() == 1 ? "on " + a.date() : "in the " + a.days() + " days to " + a.date();
        return String.format(Locale.ROOT, "Unexpected %s: %s %s where about %s was expected",
                a.observedBytes() < 0 ? "shrinkage" : "growth", signed(a.observedBytes()), span, signed(a.expectedBytes()));
    }

    private static String describe(AbnormalGrowth a) {
        return a.date() + ": " + signed(a.observedBytes()) + " observed, " + signed(a.expectedBytes()) + " expected ("
                + a.reason() + ")";
    }

    private static String signed(long bytes) {
        return (bytes < 0 ? "" : "+") + SizeText.bytes(bytes);
    }
}
