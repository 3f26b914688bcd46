package io.knobwright.app.metrics;

import java.time.Instant;
import java.util.List;

/**
 * One source of figures for the Prometheus page (decision 0133): drift, pending restarts, overrides, approvals,
 * connection use today; "days until the disk fills" or "hours since the last good backup" are one more implementation
 * each, added to {@link StoreMetricsSources#of} (or passed to {@link MetricsExporter} directly).
 * <p>
 * {@link #collect} runs on a virtual thread once per scrape, reads the store (never a server), and returns gauge
 * families with their samples labelled by instance. A source that throws or overruns the scrape's budget is left off
 * that page and shows as {@code knobwright_metrics_source_ok{source="..."} 0}; the others still appear.
 */
public interface MetricsSource {

    /** A short name for the source's health sample, e.g. "drift". */
    String name();

    /** The source's families as of {@code now}; an instance without a figure is left out rather than reported as 0. */
    List<MetricFamily> collect(Instant now);
}
