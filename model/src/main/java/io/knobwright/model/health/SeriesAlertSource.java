package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alerts read from the polled series: connections near max_connections, sessions idle in transaction or blocked for
 * several polls, replication lag, and an instance whose polls stopped. Only connectable instances are looked at.
 */
public final class SeriesAlertSource implements AlertSource {

    /** The limits; {@link #DEFAULTS} are 80 %/95 % of max_connections, 3 polls, 5 min/30 s of lag, 15 min silence. */
    public record Thresholds(double connectionsWarning, double connectionsCritical, int sustainedPolls,
                             double lagSecondsCritical, double lagSecondsWarning, Duration notPolledAfter,
                             Duration lookBack) {
    }

    public static final Thresholds DEFAULTS = new Thresholds(
            0.80, 0.95, 3, 300, 30, Duration.ofMinutes(15), Duration.ofHours(6));

    private final MetricHistory series;
    private final Thresholds limits;

    public SeriesAlertSource(MetricHistory series, Thresholds limits) {
        this.series = series;
        this.limits = limits;
    }

    @Override
    public List<Alert> alerts(List<Instance> fleet, Clock clock) {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>();
        for (Instance i : fleet) {
            if (!i.connectable()) {
                continue;
            }
            Instant from = now.minus(limits.lookBack());
            List<MetricPoint> conns = series.points(i.id(), Metric.CONNECTIONS, from, now.plusSeconds(1));
            if (conns.isEmpty()) {
                continue; // never polled (or not in the look-back): nothing to judge, and nothing to say it stopped
            }
            Instant last = conns.getLast().at();
            if (Duration.between(last, now).compareTo(limits.notPolledAfter()) > 0) {
                out.add(new Alert(i.id(), i.name(), AlertKind.NOT_POLLED, AlertSeverity.WARNING,
                        "Not polled for " + minutes(Duration.between(last, now)),
                        List.of("last point " + last.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "expected a poll at least every "
                                + minutes(limits.notPolledAfter())), last));
                continue; // stale numbers would make stale alerts
            }
            connections(i, conns, from, now).ifPresent(out::add);
            sustained(i, Metric.IDLE_IN_TRANSACTION, AlertKind.IDLE_IN_TRANSACTION, "idle in transaction", from, now)
                    .ifPresent(out::add);
            sustained(i, Metric.BLOCKED_SESSIONS, AlertKind.BLOCKED_SESSIONS, "blocked by another session's lock",
                    from, now).ifPresent(out::add);
            lag(i, from, now).ifPresent(out::add);
        }
        return out;
    }

    private java.util.Optional<Alert> connections(Instance i, List<MetricPoint> conns, Instant from, Instant now) {
        List<MetricPoint> max = series.points(i.id(), Metric.MAX_CONNECTIONS, from, now.plusSeconds(1));
        if (max.isEmpty() || max.getLast().value() <= 0) {
            return java.util.Optional.empty();
        }
        double used = conns.getLast().value();
        double limit = max.getLast().value();
        double share = used / limit;
        if (share < limits.connectionsWarning()) {
            return java.util.Optional.empty();
        }
        AlertSeverity severity = share >= limits.connectionsCritical() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        double threshold = limits.connectionsWarning() * limit;
        Instant since = conns.getLast().at();
        for (int k = conns.size() - 1; k >= 0 && conns.get(k).value() >= threshold; k--) {
            since = conns.get(k).at();
        }
        return java.util.Optional.of(new Alert(i.id(), i.name(), AlertKind.CONNECTIONS_NEAR_LIMIT, severity,
                String.format(Locale.ROOT, "Connections at %.0f %% of max_connections", share * 100),
                List.of(String.format(Locale.ROOT, "%.0f of %.0f connections in use at %s", used, limit,
                                conns.getLast().at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                        String.format(Locale.ROOT, "warning from %.0f %%, critical from %.0f %%",
                                limits.connectionsWarning() * 100, limits.connectionsCritical() * 100)),
                since));
    }

    /** The metric was above zero at each of the last {@code sustainedPolls} polls. */
    private java.util.Optional<Alert> sustained(
            Instance i, Metric metric, AlertKind kind, String what, Instant from, Instant now) {
        List<MetricPoint> points = series.points(i.id(), metric, from, now.plusSeconds(1));
        int n = limits.sustainedPolls();
        if (points.size() < n) {
            return java.util.Optional.empty();
        }
        List<MetricPoint> tail = points.subList(points.size() - n, points.size());
        if (tail.stream().anyMatch(p -> p.value() <= 0)) {
            return java.util.Optional.empty();
        }
        Instant since = tail.getFirst().at();
        for (int k = points.size() - n - 1; k >= 0 && points.get(k).value() > 0; k--) {
            since = points.get(k).at();
        }
        double latest = points.getLast().value();
        double peak = tail.stream().mapToDouble(MetricPoint::value).max().orElse(latest);
        return java.util.Optional.of(new Alert(i.id(), i.name(), kind, AlertSeverity.WARNING,
                String.format(Locale.ROOT, "%.0f session%s %s", latest, latest == 1 ? "" : "s", what),
                List.of(String.format(Locale.ROOT, "%.0f now, at most %.0f over the last %d polls", latest, peak, n),
                        "above zero since " + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                since));
    }

    private java.util.Optional<Alert> lag(Instance i, Instant from, Instant now) {
        List<MetricPoint> lag = series.points(i.id(), Metric.REPLICATION_LAG_SECONDS, from, now.plusSeconds(1));
        if (lag.isEmpty() || lag.getLast().value() < limits.lagSecondsWarning()) {
            return java.util.Optional.empty();
        }
        double seconds = lag.getLast().value();
        AlertSeverity severity = seconds >= limits.lagSecondsCritical() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        return java.util.Optional.of(new Alert(i.id(), i.name(), AlertKind.REPLICATION_LAG, severity,
                String.format(Locale.ROOT, "Replica lag %.0f s", seconds),
                List.of(String.format(Locale.ROOT, "largest replica lag %.0f s at %s", seconds, lag.getLast().at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                        String.format(Locale.ROOT, "warning from %.0f s, critical from %.0f s",
                                limits.lagSecondsWarning(), limits.lagSecondsCritical())),
                lag.getLast().at()));
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
