package io.knobwright.model.workload;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one poll of a server read, as the server counts it: counters as their running totals (not yet rates),
 * gauges as levels, and the statement digests' running totals. Kept as the baseline the next poll is subtracted from.
 *
 * @param values     every metric the engine reports, counters raw; a metric the server did not give is absent
 * @param statements statement digests' totals; empty when the server keeps none (pg_stat_statements not installed)
 */
public record CounterPoll(Instant at, ServerEpoch epoch, Map<Metric, Double> values, List<StatementCounters> statements) {

    public CounterPoll {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(epoch, "epoch");
        Map<Metric, Double> copy = new EnumMap<>(Metric.class);
        values.forEach((metric, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("The poll read " + value + " for " + metric + "; a value is a finite number");
            }
            copy.put(metric, value);
        });
        values = Map.copyOf(copy);
        statements = List.copyOf(statements);
    }

    public CounterPoll(Instant at, ServerEpoch epoch, Map<Metric, Double> values) {
        this(at, epoch, values, List.of());
    }
}
