package io.knobwright.model.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns successive polls into points of the series. Gauges pass through. A counter becomes its increase divided by
 * the seconds between the polls; where the two polls cannot be compared (the first poll, a restart, a statistics
 * reset, a counter that went down on its own) the poll starts a new baseline and yields no rate rather than a
 * negative or a huge one. Statement digests become deltas the same way; a digest new since the previous poll counts
 * from zero (pg_stat_statements and performance_schema start an entry at zero when they create it).
 */
public final class CounterRates {

    private CounterRates() {
    }

    /** The points {@code current} adds; {@code previous} is the baseline, null when there is none. */
    public static PolledPoints between(CounterPoll previous, CounterPoll current) {
        Objects.requireNonNull(current, "current");
        Map<Metric, Double> points = new EnumMap<>(Metric.class);
        current.values().forEach((metric, value) -> {
            if (metric.kind() == Metric.Kind.GAUGE) {
                points.put(metric, value);
            }
        });
        PolledPoints.Baseline baseline = baseline(previous, current);
        if (baseline != PolledPoints.Baseline.CONTINUED) {
            return new PolledPoints(current.at(), points, List.of(), baseline, Set.of());
        }
        double seconds = Duration.between(previous.at(), current.at()).toNanos() / 1e9;
        Set<Metric> restarted = EnumSet.noneOf(Metric.class);
        current.values().forEach((metric, value) -> {
            Double before = previous.values().get(metric);
            if (metric.kind() != Metric.Kind.COUNTER || before == null) {
                return;
            }
            if (value < before) {
                restarted.add(metric);
            } else {
                points.put(metric, (value - before) / seconds);
            }
        });
        return new PolledPoints(current.at(), points, statementDeltas(previous.statements(), current.statements()),
                baseline, restarted);
    }

    private static PolledPoints.Baseline baseline(CounterPoll previous, CounterPoll current) {
        if (previous == null) {
            return PolledPoints.Baseline.FIRST;
        }
        switch (previous.epoch().breakTo(current.epoch())) {
            case SERVER_RESTARTED -> {
                return PolledPoints.Baseline.SERVER_RESTARTED;
            }
            case STATISTICS_RESET -> {
                return PolledPoints.Baseline.STATISTICS_RESET;
            }
            case NONE -> {
                return current.at().isAfter(previous.at()) ? PolledPoints.Baseline.CONTINUED : PolledPoints.Baseline.NO_INTERVAL;
            }
        }
        throw new AssertionError();
    }

    /** Digests that ran between the polls; one whose counters went down (pg_stat_statements_reset) counts from zero. */
    static List<StatementCounters> statementDeltas(List<StatementCounters> previous, List<StatementCounters> current) {
        Map<String, StatementCounters> before = new HashMap<>(previous.size() * 2);
        for (StatementCounters s : previous) {
            before.put(s.digest(), s);
        }
        List<StatementCounters> deltas = new ArrayList<>();
        for (StatementCounters now : current) {
            StatementCounters then = before.get(now.digest());
            StatementCounters delta;
            if (then == null || now.calls() < then.calls() || now.totalMs() < then.totalMs() || now.rows() < then.rows()) {
                delta = now;
            } else {
                delta = new StatementCounters(now.digest(), now.query(), now.calls() - then.calls(),
                        Math.max(0, now.totalMs() - then.totalMs()), now.rows() - then.rows());
            }
            if (delta.calls() > 0) {
                deltas.add(delta);
            }
        }
        return deltas;
    }
}
