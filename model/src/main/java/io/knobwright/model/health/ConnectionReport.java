package io.knobwright.model.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a DBA asks of an instance's connections, answered from a live snapshot and the stored history: use against
 * the usable limit, role and database limits near their end, leaks (sessions idle in a transaction longer than the
 * threshold), the time left at the trend, pool advice, and the alerts these give.
 */
public record ConnectionReport(ConnectionSnapshot snapshot, double utilisation, Map<String, Integer> byApplication,
                               Map<String, Integer> byUser, Map<String, Integer> byClient, List<IdleTransaction> leaks,
                               TimeLeft timeLeft, PoolAdvice advice, List<Alert> alerts) {

    /** Use of a limit from which on an alert warns, and from which on it is critical. */
    public static final double WARN = 0.80;
    public static final double CRITICAL = 0.95;
    /** An idle transaction older than this is a leak unless the caller says otherwise. */
    public static final Duration DEFAULT_LEAK_AGE = Duration.ofMinutes(5);
    /** Polled active-session counts needed before their percentiles size a pool. */
    public static final int MIN_ACTIVE_POINTS = 30;
    /** The trend's date alerts when it is nearer than this. */
    public static final Duration TREND_HORIZON = Duration.ofDays(1);

    public enum Severity { WARNING, CRITICAL }

    /** An alert with its evidence, in words. */
    public record Alert(Severity severity, String what, String evidence) {
        public Alert {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    public ConnectionReport {
        Objects.requireNonNull(snapshot, "snapshot");
        byApplication = Map.copyOf(byApplication);
        byUser = Map.copyOf(byUser);
        byClient = Map.copyOf(byClient);
        leaks = List.copyOf(leaks);
        Objects.requireNonNull(timeLeft, "timeLeft");
        Objects.requireNonNull(advice, "advice");
        alerts = List.copyOf(alerts);
    }

    /**
     * @param history  stored use of the last hours, oldest first (the trend)
     * @param active   active-session counts polled over the window (the concurrency the pools must serve)
     * @param cores    the server's cores when known
     * @param leakAge  how long a transaction may sit idle before it counts as a leak
     */
    public static ConnectionReport of(ConnectionSnapshot s, List<ConnectionUse> history, List<Double> active,
                                      OptionalInt cores, Duration leakAge, Instant now) {
        int usable = s.limits().usable();
        double utilisation = s.utilisation();
        List<Alert> alerts = new ArrayList<>();
        if (utilisation >= WARN) {
            alerts.add(new Alert(utilisation >= CRITICAL ? Severity.CRITICAL : Severity.WARNING,
                    "connections near the limit", String.format(Locale.ROOT, "%d of %d usable connections (%.0f%%; max_connections %d,"
                            + " %d reserved)", s.total(), usable, utilisation * 100, s.limits().maxConnections(),
                            s.limits().maxConnections() - usable)));
        }
        for (ScopedLimit l : s.limits().scoped()) {
            if (l.utilisation() >= WARN) {
                alerts.add(new Alert(l.utilisation() >= CRITICAL ? Severity.CRITICAL : Severity.WARNING,
                        (l.scope() == ScopedLimit.Scope.ROLE ? "role " : "database ") + l.name() + " near its connection limit",
                        l.inUse() + " of " + l.limit() + " connections"));
            }
        }
        double leakSeconds = leakAge.toMillis() / 1000.0;
        List<IdleTransaction> leaks = s.idleInTransaction().stream().filter(t -> t.transactionSeconds() >= leakSeconds)
                .sorted(Comparator.comparingDouble(IdleTransaction::transactionSeconds).reversed()).toList();
        for (IdleTransaction t : leaks) {
            alerts.add(new Alert(Severity.WARNING, "transaction left open (leak)", String.format(Locale.ROOT,
                    "session %s of %s (user %s from %s) idle in a transaction open for %.0f s: %s", t.session(),
                    t.application().isEmpty() ? "(no name)" : t.application(), t.user(), t.client().isEmpty() ? "local" : t.client(),
                    t.transactionSeconds(), t.query())));
        }
        TimeLeft left = TimeLeft.fit(history, usable, now);
        if (left.left().isPresent() && left.left().get().compareTo(TREND_HORIZON) < 0) {
            alerts.add(new Alert(left.left().get().compareTo(Duration.ofHours(1)) < 0 ? Severity.CRITICAL : Severity.WARNING,
                    "connections reach the limit at the current trend", left.basis()));
        }
        double peak = Math.max(s.total(), history.stream().mapToDouble(ConnectionUse::total).max().orElse(0));
        Set<String> pairs = new HashSet<>();
        s.groups().stream().filter(g -> !g.user().equals(ConnectionGroup.OTHER))
                .forEach(g -> pairs.add(g.user() + "\u0000" + g.database()));
        // a handful of polls is no measure of concurrency: below MIN_ACTIVE_POINTS the advice says it is not measured yet
        List<Double> measured = active.size() < MIN_ACTIVE_POINTS ? List.of() : active;
        PoolAdvice advice = PoolAdvice.from(percentile(measured, 0.95), percentile(measured, 0.99), peak, cores, pairs.size(),
                usable);
        Map<String, Integer> byApp = new TreeMap<>();
        Map<String, Integer> byUser = new TreeMap<>();
        Map<String, Integer> byClient = new TreeMap<>();
        for (ConnectionGroup g : s.groups()) {
            byApp.merge(g.application().isEmpty() ? "(no name)" : g.application(), g.count(), Integer::sum);
            byUser.merge(g.user().isEmpty() ? "(none)" : g.user(), g.count(), Integer::sum);
            byClient.merge(g.client().isEmpty() ? "local" : g.client(), g.count(), Integer::sum);
        }
        return new ConnectionReport(s, utilisation, byApp, byUser, byClient, leaks, left, advice, alerts);
    }

    /** The nearest-rank percentile, NaN for no values. */
    static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
