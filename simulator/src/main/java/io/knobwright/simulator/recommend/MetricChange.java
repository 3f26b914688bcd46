package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;

import java.util.Objects;

/**
 * One predicted metric before and after, each with the model's 80% interval: what a predicted-impact chart draws.
 *
 * @param metric the model's metric name ({@code Metric.jsonName()}, e.g. "throughputTps") or a planner quantity
 * @param unit   as the metric states it ("tps", "ms", "B", "probability")
 */
public record MetricChange(String metric, String unit, Estimate before, Estimate after) {

    public MetricChange {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
