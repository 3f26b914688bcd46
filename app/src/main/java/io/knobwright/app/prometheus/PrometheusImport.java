package io.knobwright.app.prometheus;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.WorkloadSeriesRepository;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports one PromQL query's series into one of an instance's Knobwright series (decision 0133). The query must give
 * exactly one series: several would be summed or mixed silently, so they are refused with their label sets named.
 */
public final class PrometheusImport {

    /** At most this many points per import: a year at one-minute steps is 525,600; Prometheus itself caps at 11,000. */
    public static final int MAX_POINTS = 11_000;

    /** What to ask and where to put it. */
    public record Request(URI url, String query, Instant start, Instant end, Duration step, Metric metric,
                          PrometheusClient.Auth auth) {
        public Request {
            if (!end.isAfter(start)) {
                throw UserError.input("--start (" + start + ") must be before --end (" + end + ").");
            }
            if (step.isNegative() || step.isZero()) {
                throw UserError.input("--step must be positive, e.g. 60s.");
            }
            long points = Duration.between(start, end).dividedBy(step) + 1;
            if (points > MAX_POINTS) {
                throw UserError.input("The range from " + start + " to " + end + " at a " + step.toSeconds() + " s step is "
                        + points + " points, more than Prometheus answers (" + MAX_POINTS
                        + "); use a larger --step or import the range in parts.");
            }
            if (query.isBlank()) {
                throw UserError.input("--query is empty; give a PromQL expression, e.g. node_memory_MemAvailable_bytes{instance=\"db1:9100\"}.");
            }
        }
    }

    /** What was stored: the series' labels, the points stored, and those skipped (NaN or infinite). */
    public record Result(Instance instance, Metric metric, Map<String, String> labels, int stored, int skipped,
                         Instant first, Instant last) {
    }

    private final PrometheusClient client;
    private final WorkloadSeriesRepository series;

    public PrometheusImport(PrometheusClient client, WorkloadSeriesRepository series) {
        this.client = client;
        this.series = series;
    }

    public Result run(Instance instance, Request request) {
        return run(instance, request, true);
    }

    /**
     * @param noSeriesIsAnError false for a saved mapping's later imports, where an empty range only means nothing new
     *                          (the exporter was down, or the range is shorter than the scrape interval)
     */
    public Result run(Instance instance, Request request, boolean noSeriesIsAnError) {
        List<PrometheusClient.Series> result = client.queryRange(request.url(), request.query(), request.start(), request.end(),
                request.step(), request.auth());
        if (result.isEmpty() && !noSeriesIsAnError) {
            return new Result(instance, request.metric(), Map.of(), 0, 0, null, null);
        }
        if (result.isEmpty()) {
            throw UserError.input("The query gave no series between " + request.start() + " and " + request.end()
                    + "; check the metric name and label selector in Prometheus's own graph page first.");
        }
        if (result.size() > 1) {
            String sets = result.stream().limit(5).map(s -> labels(s.labels())).collect(Collectors.joining("; "));
            throw UserError.input("The query gave " + result.size() + " series (" + sets + (result.size() > 5 ? "; …" : "")
                    + "); one Knobwright series takes one: " + apart(result) + " add a label selector (e.g. {instance=\"db1:9100\"})"
                    + " or aggregate (e.g. sum by () (...)).");
        }
        PrometheusClient.Series one = result.getFirst();
        List<MetricPoint> finite = one.points().stream().filter(p -> Double.isFinite(p.value()))
                .map(p -> new MetricPoint(p.at(), p.value())).toList();
        int stored = series.importPoints(instance.id(), request.metric(), finite);
        return new Result(instance, request.metric(), one.labels(), stored, one.points().size() - finite.size(),
                finite.isEmpty() ? null : finite.getFirst().at(), finite.isEmpty() ? null : finite.getLast().at());
    }

    /** Which labels tell the series apart (what a selector can pick by), or that none does. */
    static String apart(List<PrometheusClient.Series> result) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        result.forEach(s -> names.addAll(s.labels().keySet()));
        List<String> differing = names.stream().filter(n -> result.stream().map(s -> s.labels().get(n)).distinct().count() > 1)
                .toList();
        return differing.isEmpty() ? "no label tells them apart (the same label set, e.g. after a join or from two"
                + " sources), so aggregate them, or"
                : "the label" + (differing.size() > 1 ? "s " : " ") + String.join(", ", differing) + " tell"
                + (differing.size() > 1 ? "" : "s") + " them apart:";
    }

    static String labels(Map<String, String> labels) {
        String name = labels.getOrDefault("__name__", "");
        return name + labels.entrySet().stream().filter(e -> !e.getKey().equals("__name__"))
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
