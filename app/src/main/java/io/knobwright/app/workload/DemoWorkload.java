package io.knobwright.app.workload;

import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.QuerySummary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated, plausible workload for a demo instance and the UI tests: two weeks of an order-taking OLTP database
 * polled every five minutes, busy on weekday office hours, quieter at weekends, with a release {@code shiftDaysAgo}
 * days ago that raised the traffic by 60 %, and a dozen fingerprints with hourly calls. Seeded, so it is the same
 * every time.
 */
public final class DemoWorkload {

    private static final Duration STEP = Duration.ofMinutes(5);

    private final Instant end;
    private final Instant shift;
    private final ZoneId zone;
    private final long seed;

    public DemoWorkload(Instant end, int shiftDaysAgo, ZoneId zone, long seed) {
        this.end = end.truncatedTo(ChronoUnit.HOURS);
        this.shift = this.end.minus(Duration.ofDays(shiftDaysAgo));
        this.zone = zone;
        this.seed = seed;
    }

    public Instant shiftAt() {
        return shift;
    }

    /** Load factor at {@code t}: office hours on weekdays, a small evening bump, quiet nights and weekends. */
    double load(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        double hour = z.getHour() + z.getMinute() / 60.0;
        double day = Math.exp(-Math.pow((hour - 11) / 3.2, 2)) + 0.7 * Math.exp(-Math.pow((hour - 15.5) / 2.5, 2))
                + 0.25 * Math.exp(-Math.pow((hour - 20.5) / 1.5, 2));
        double weekday = z.getDayOfWeek().getValue() >= 6 ? 0.35 : 1.0;
        double release = t.isBefore(shift) ? 1.0 : 1.6;
        return (0.12 + weekday * day) * release;
    }

    public InMemoryMetricHistory history(long instanceId) {
        Random random = new Random(seed);
        InMemoryMetricHistory h = new InMemoryMetricHistory();
        List<MetricPoint> commits = new ArrayList<>(), rollbacks = new ArrayList<>(), reads = new ArrayList<>(),
                writes = new ArrayList<>(), rowsRead = new ArrayList<>(), rowsWritten = new ArrayList<>(),
                hits = new ArrayList<>(), blockReads = new ArrayList<>(), tempBytes = new ArrayList<>(),
                tempFiles = new ArrayList<>(), active = new ArrayList<>(), connections = new ArrayList<>(),
                maxConnections = new ArrayList<>(), wal = new ArrayList<>(), timed = new ArrayList<>(),
                requested = new ArrayList<>(), backendBuffers = new ArrayList<>(), checkpointBuffers = new ArrayList<>(),
                size = new ArrayList<>();
        for (Instant t = end.minus(Duration.ofDays(14)); t.isBefore(end); t = t.plus(STEP)) {
            double load = load(t) * (1 + 0.08 * random.nextGaussian());
            double tps = Math.max(1, 620 * load);
            add(commits, t, tps);
            add(rollbacks, t, tps * 0.012);
            add(reads, t, tps * 5.2);
            add(writes, t, tps * 1.4);
            add(rowsRead, t, tps * 5.2 * 14);
            add(rowsWritten, t, tps * 1.4 * 1.3);
            add(hits, t, tps * 95);
            add(blockReads, t, tps * 95 * 0.012 * (1 + 0.3 * random.nextDouble()));
            double report = t.atZone(zone).getHour() == 2 ? 1 : 0;
            add(tempBytes, t, 6_000 * tps + report * 180e6 * random.nextDouble());
            add(tempFiles, t, 0.02 + report * 0.4);
            add(active, t, Math.max(0, Math.round(tps * 0.0042 * 1000) / 1000.0 * (1 + 0.25 * random.nextGaussian())));
            add(connections, t, Math.round(120 + 180 * load(t)));
            add(maxConnections, t, 500);
            add(wal, t, tps * 2_600);
            add(timed, t, 1 / 300.0 * 0.4);
            add(requested, t, tps > 700 ? 1 / 300.0 : 0);
            add(backendBuffers, t, tps * 0.05);
            add(checkpointBuffers, t, tps * 0.9);
            add(size, t, 182e9 + Duration.between(end.minus(Duration.ofDays(14)), t).toHours() * 40e6);
        }
        return h.add(instanceId, Metric.COMMITS, commits).add(instanceId, Metric.ROLLBACKS, rollbacks)
                .add(instanceId, Metric.READ_STATEMENTS, reads).add(instanceId, Metric.WRITE_STATEMENTS, writes)
                .add(instanceId, Metric.ROWS_READ, rowsRead).add(instanceId, Metric.ROWS_WRITTEN, rowsWritten)
                .add(instanceId, Metric.BLOCKS_HIT, hits).add(instanceId, Metric.BLOCKS_READ, blockReads)
                .add(instanceId, Metric.TEMP_BYTES, tempBytes).add(instanceId, Metric.TEMP_FILES, tempFiles)
                .add(instanceId, Metric.ACTIVE_SESSIONS, active).add(instanceId, Metric.CONNECTIONS, connections)
                .add(instanceId, Metric.MAX_CONNECTIONS, maxConnections).add(instanceId, Metric.WAL_BYTES, wal)
                .add(instanceId, Metric.CHECKPOINTS_TIMED, timed).add(instanceId, Metric.CHECKPOINTS_REQUESTED, requested)
                .add(instanceId, Metric.BUFFERS_WRITTEN_BY_BACKENDS, backendBuffers)
                .add(instanceId, Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS, checkpointBuffers)
                .add(instanceId, Metric.DATABASE_BYTES, size);
    }

    private static void add(List<MetricPoint> series, Instant t, double value) {
        series.add(new MetricPoint(t, Math.max(0, value)));
    }

    private record Template(String query, double share, double meanMs, double rowsPerCall, long tempBytesPerCall,
                            boolean nightly) {
    }

    private static final List<Template> QUERIES = List.of(
            new Template("SELECT o.id, o.status, o.total FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT $2", 0.30, 0.42, 10, 0, false),
            new Template("SELECT * FROM order_items WHERE order_id = $1", 0.24, 0.18, 4, 0, false),
            new Template("UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2 AND warehouse_id = $3", 0.12, 0.95, 1, 0, false),
            new Template("INSERT INTO orders (customer_id, status, total, created_at) VALUES ($1, $2, $3, now()) RETURNING id", 0.08, 0.61, 1, 0, false),
            new Template("INSERT INTO order_items (order_id, sku, qty, price) VALUES ($1, $2, $3, $4)", 0.10, 0.33, 1, 0, false),
            new Template("SELECT c.id, c.email, c.tier FROM customers c WHERE c.email = $1", 0.07, 0.21, 1, 0, false),
            new Template("UPDATE orders SET status = $1, updated_at = now() WHERE id = $2", 0.05, 0.74, 1, 0, false),
            new Template("SELECT sku, sum(qty) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.created_at >= $1 GROUP BY sku ORDER BY 2 DESC LIMIT $2", 0.012, 38.0, 50, 4_000_000, false),
            new Template("SELECT p.sku, p.name, p.price FROM products p WHERE p.category_id = $1 AND p.active ORDER BY p.name LIMIT $2 OFFSET $3", 0.015, 2.6, 25, 0, false),
            new Template("DELETE FROM sessions WHERE expires_at < now()", 0.0004, 120.0, 900, 0, false),
            new Template("SELECT date_trunc($1, created_at), count(*), sum(total) FROM orders WHERE created_at >= $2 GROUP BY 1 ORDER BY 1", 0.00002, 41_000.0, 2_400_000, 900_000_000, true),
            new Template("COPY (SELECT * FROM orders WHERE created_at >= $1) TO STDOUT", 0.00001, 96_000.0, 6_000_000, 0, true));

    /** A dozen fingerprints of the same workload, with the calls of each hour of the last {@code hours} hours. */
    public List<QuerySummary> queries(int hours) {
        Random random = new Random(seed + 1);
        List<QuerySummary> out = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            Template q = QUERIES.get(i);
            List<Long> perHour = new ArrayList<>(hours);
            long calls = 0;
            for (int hAgo = hours; hAgo >= 1; hAgo--) {
                Instant t = end.minus(Duration.ofHours(hAgo));
                long n;
                if (q.nightly()) {
                    n = t.atZone(zone).getHour() == 2 ? 1 + random.nextInt(2) : 0;
                } else {
                    n = Math.round(620 * 3600 * 6.6 * q.share() * load(t) * (1 + 0.05 * random.nextGaussian()));
                }
                n = Math.max(0, n);
                perHour.add(n);
                calls += n;
            }
            double mean = q.meanMs() * (1 + 0.05 * random.nextGaussian());
            double total = mean * calls;
            double p95 = mean * (q.nightly() ? 1.3 : 3.1);
            String fingerprint = String.format("%016x", (long) q.query().hashCode() * 0x9E3779B97F4A7C15L);
            out.add(new QuerySummary(fingerprint, q.query(), calls, total, calls == 0 ? 0 : mean, p95,
                    Math.round(q.rowsPerCall() * calls), q.tempBytesPerCall() * calls, perHour));
        }
        return out;
    }

    /**
     * The same fingerprints per day over the last {@code days} days (decision 0127), with durations: most steady, the
     * session purge's calls growing a fifth a day, and the top-sellers report four times slower on the last day (its
     * index dropped), so the trends and regressions have something to show.
     */
    public List<io.knobwright.model.workload.QueryDay> days(int days) {
        Random random = new Random(seed + 2);
        List<io.knobwright.model.workload.QueryDay> out = new ArrayList<>();
        java.time.LocalDate last = end.atZone(zone).toLocalDate();
        for (int i = 0; i < QUERIES.size(); i++) {
            Template q = QUERIES.get(i);
            long id = (long) q.query().hashCode() * 0x9E3779B97F4A7C15L;
            for (int d = days - 1; d >= 0; d--) {
                java.time.LocalDate day = last.minusDays(d);
                double weekday = day.getDayOfWeek().getValue() >= 6 ? 0.45 : 1.0;
                long calls = q.nightly() ? 1 + random.nextInt(2)
                        : Math.round(620 * 86_400 * 2.0 * q.share() * weekday * (1 + 0.04 * random.nextGaussian()));
                if (q.query().startsWith("DELETE FROM sessions")) {
                    calls = Math.round(calls * Math.pow(1.2, days - 1 - d));
                }
                double slower = q.query().startsWith("SELECT sku, sum(qty)") && d == 0 ? 4.0 : 1.0;
                io.knobwright.model.workload.LatencyHistogram h = new io.knobwright.model.workload.LatencyHistogram();
                double total = 0;
                int samples = (int) Math.min(calls, 2_000);
                for (int k = 0; k < samples; k++) {
                    double ms = q.meanMs() * slower * Math.exp(0.5 * random.nextGaussian() - 0.125);
                    h.record(ms);
                    total += ms;
                }
                double totalMs = samples == 0 ? 0 : total / samples * calls;
                out.add(new io.knobwright.model.workload.QueryDay(id, day, io.knobwright.model.workload.QueryDay.Source.LOG,
                        calls, totalMs, -1, h.toBytes()));
            }
        }
        return out;
    }

    /** The normalised texts of {@link #days}' fingerprints. */
    public java.util.Map<Long, String> texts() {
        java.util.Map<Long, String> texts = new java.util.HashMap<>();
        for (Template q : QUERIES) {
            texts.put((long) q.query().hashCode() * 0x9E3779B97F4A7C15L, q.query());
        }
        return texts;
    }
}
