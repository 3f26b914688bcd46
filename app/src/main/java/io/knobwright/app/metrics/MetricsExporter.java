package io.knobwright.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Computes the page per scrape: every source on its own virtual thread, all within one time budget, so a slow store
 * read shortens the page instead of stalling the scraper or the daemon's other work (they never share a thread).
 */
public final class MetricsExporter {

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    private final List<MetricsSource> sources;
    private final String version;
    private final Duration budget;
    private final Clock clock;

    public MetricsExporter(List<MetricsSource> sources, String version, Duration budget, Clock clock) {
        this.sources = List.copyOf(sources);
        this.version = version;
        this.budget = budget;
        this.clock = clock;
    }

    /** The page's families: knobwright_up and build info first, then each source's, then each source's health. */
    public List<MetricFamily> scrape() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<MetricFamily> page = new ArrayList<>();
        page.add(MetricFamily.gauge("knobwright_up", "1 while Knobwright serves this page.",
                List.of(MetricFamily.Sample.of(1))));
        page.add(MetricFamily.gauge("knobwright_build_info", "Knobwright's version, as a label; the value is always 1.",
                List.of(new MetricFamily.Sample(Map.of("version", version, "java", Runtime.version().toString()), 1))));
        Map<String, Double> ok = new LinkedHashMap<>();
        Map<String, MetricFamily> merged = new LinkedHashMap<>();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<List<MetricFamily>>> running = new ArrayList<>();
            for (MetricsSource source : sources) {
                running.add(threads.submit(() -> source.collect(now)));
            }
            long deadline = started + budget.toNanos();
            for (int i = 0; i < sources.size(); i++) {
                String name = sources.get(i).name();
                Future<List<MetricFamily>> f = running.get(i);
                try {
                    for (MetricFamily family : f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        merged.merge(family.name(), family, (a, b) -> new MetricFamily(a.name(), a.help(), a.type(),
                                concat(a.samples(), b.samples())));
                    }
                    ok.put(name, 1.0);
                } catch (TimeoutException | ExecutionException e) {
                    f.cancel(true);
                    ok.put(name, 0.0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ok.put(name, 0.0);
                }
            }
        } finally {
            threads.shutdownNow(); // an overrunning source is interrupted, never waited for (close() would wait)
        }
        page.addAll(merged.values());
        page.add(MetricFamily.gauge("knobwright_metrics_source_ok",
                "1 when the source answered within the scrape's budget, 0 when it failed or overran (its figures are missing).",
                ok.entrySet().stream().map(e -> new MetricFamily.Sample(Map.of("source", e.getKey()), e.getValue())).toList()));
        page.add(MetricFamily.gauge("knobwright_scrape_duration_seconds", "How long this page took to compute.",
                List.of(MetricFamily.Sample.of((System.nanoTime() - started) / 1e9))));
        return page;
    }

    private static List<MetricFamily.Sample> concat(List<MetricFamily.Sample> a, List<MetricFamily.Sample> b) {
        List<MetricFamily.Sample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
