package io.knobwright.model.workload;

import io.knobwright.model.workload.WorkloadProfile.CheckpointPressure;
import io.knobwright.model.workload.WorkloadProfile.Concurrency;
import io.knobwright.model.workload.WorkloadProfile.ConnectionUse;
import io.knobwright.model.workload.WorkloadProfile.Fit;
import io.knobwright.model.workload.WorkloadProfile.ReadWriteMix;
import io.knobwright.model.workload.WorkloadProfile.TempSpill;
import io.knobwright.model.workload.WorkloadProfile.WalRate;
import io.knobwright.model.workload.WorkloadProfile.WorkingSet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a {@link WorkloadProfile} from the collected series of one instance over a window, and from the
 * per-query summaries of its digest where there are any (they give statement times, rows and spills per query that
 * the server-wide counters cannot). Pure: the series come through {@link MetricHistory}.
 */
public final class WorkloadProfiler {

    /**
     * The metrics whose level shifts are looked for, in the order shifts at the same hour are listed. Temp spill is
     * left out: it comes in bursts (a nightly report writes gigabytes in minutes), and with two weeks of data those
     * bursts read as level shifts; its volume is reported instead (decision 0125).
     */
    public static final List<Metric> SHIFT_METRICS = List.of(Metric.COMMITS, Metric.READ_STATEMENTS,
            Metric.WRITE_STATEMENTS, Metric.ACTIVE_SESSIONS, Metric.WAL_BYTES);

    /**
     * What the profile needs to know of the instance besides its series.
     *
     * @param memoryBytes RAM of the machine (HardwareFacts), 0 when unknown
     * @param blockBytes  the size of one block the BLOCKS_* counters count (8 KiB for PostgreSQL, 16 KiB for InnoDB)
     * @param zone        the time zone of the hour x weekday pattern and the peak hours
     */
    public record Facts(long memoryBytes, int blockBytes, ZoneId zone) {
        public Facts {
            if (memoryBytes < 0 || blockBytes <= 0) {
                throw new IllegalArgumentException("Memory is not negative and a block has a size: " + memoryBytes
                        + ", " + blockBytes);
            }
            Objects.requireNonNull(zone, "zone");
        }
    }

    private final MetricHistory history;

    public WorkloadProfiler(MetricHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    public WorkloadProfile profile(long instanceId, Instant from, Instant to, Facts facts) {
        return profile(instanceId, from, to, facts, List.of());
    }

    public WorkloadProfile profile(long instanceId, Instant from, Instant to, Facts facts, List<QuerySummary> queries) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A profile's window starts before it ends: " + from + " .. " + to);
        }
        // every metric in one read: the store packs a poll's metrics in one row (decision 0156)
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        series.putAll(history.points(instanceId, EnumSet.allOf(Metric.class), from, to));
        int pointsRead = 0;
        for (Metric m : Metric.values()) {
            series.putIfAbsent(m, List.of());
            pointsRead += series.get(m).size();
        }
        Series s = new Series(series);

        double commits = s.mean(Metric.COMMITS);
        double tps = Double.isNaN(commits) ? Double.NaN : commits + orZero(s.mean(Metric.ROLLBACKS));
        ReadWriteMix mix = readWriteMix(s);
        double statementsPerSecond = mix.basis().startsWith("statements") ? mix.readsPerSecond() + mix.writesPerSecond()
                : Double.NaN;
        Concurrency concurrency = new Concurrency(s.mean(Metric.ACTIVE_SESSIONS), s.quantile(Metric.ACTIVE_SESSIONS, 0.95),
                s.max(Metric.ACTIVE_SESSIONS));

        long calls = queries.stream().mapToLong(QuerySummary::calls).sum();
        double totalMs = queries.stream().mapToDouble(QuerySummary::totalMs).sum();
        double meanMs;
        String meanBasis;
        if (calls > 0) {
            meanMs = totalMs / calls;
            meanBasis = "query digest: total time / calls of " + queries.size() + " fingerprints";
        } else {
            meanMs = statementsPerSecond > 0 ? 1000 * concurrency.mean() / statementsPerSecond : Double.NaN;
            meanBasis = "active sessions / statements per second (Little's law)";
        }
        List<QuerySummary> withRows = queries.stream().filter(q -> q.rows() >= 0).toList();
        long rowCalls = withRows.stream().mapToLong(QuerySummary::calls).sum();
        double rowsPerStatement;
        String rowsBasis;
        if (rowCalls > 0) {
            rowsPerStatement = (double) withRows.stream().mapToLong(QuerySummary::rows).sum() / rowCalls;
            rowsBasis = "query digest: rows / calls";
        } else {
            double rows = s.mean(Metric.ROWS_READ) + s.mean(Metric.ROWS_WRITTEN);
            rowsPerStatement = statementsPerSecond > 0 ? rows / statementsPerSecond : Double.NaN;
            rowsBasis = "rows read and written per second / statements per second";
        }
        double tempBytesPerSecond = s.mean(Metric.TEMP_BYTES);
        double tempPerTransaction = tps > 0 ? tempBytesPerSecond / tps : Double.NaN;

        WorkloadClassifier.Result result = WorkloadClassifier.classify(new WorkloadClassifier.Inputs(meanMs, meanBasis,
                rowsPerStatement, rowsBasis, mix.writeShare(), mix.basis(), tps, tempPerTransaction));

        List<QuerySummary> spilling = queries.stream().filter(QuerySummary::spilled).toList();
        boolean spillKnown = queries.stream().anyMatch(q -> q.tempBytes() >= 0);
        double spillShare = spillKnown && totalMs > 0
                ? spilling.stream().mapToDouble(QuerySummary::totalMs).sum() / totalMs : Double.NaN;
        double seconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        TempSpill temp = new TempSpill(tempBytesPerSecond, tempBytesPerSecond * s.coveredSeconds(Metric.TEMP_BYTES, seconds),
                s.mean(Metric.TEMP_FILES), tempPerTransaction, spillShare, spilling.size());

        double timed = s.mean(Metric.CHECKPOINTS_TIMED);
        double requested = s.mean(Metric.CHECKPOINTS_REQUESTED);
        double backends = s.mean(Metric.BUFFERS_WRITTEN_BY_BACKENDS);
        double byCheckpoints = s.mean(Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS);
        CheckpointPressure checkpoints = new CheckpointPressure(timed * 3600, requested * 3600,
                ratio(requested, requested + timed), ratio(backends, backends + byCheckpoints));

        double maxConnections = s.last(Metric.MAX_CONNECTIONS);
        double meanConnections = s.mean(Metric.CONNECTIONS);
        double peakConnections = s.max(Metric.CONNECTIONS);
        ConnectionUse connections = new ConnectionUse(meanConnections, peakConnections, maxConnections,
                ratio(meanConnections, maxConnections), ratio(peakConnections, maxConnections));

        Metric patternMetric = s.has(Metric.COMMITS) || !s.has(Metric.ACTIVE_SESSIONS) ? Metric.COMMITS
                : Metric.ACTIVE_SESSIONS;
        WeekHourGrid grid = WeekHourGrid.of(patternMetric, series.get(patternMetric), facts.zone());

        List<ChangePoints.Shift> shifts = new ArrayList<>();
        for (Metric m : SHIFT_METRICS) {
            shifts.addAll(ChangePoints.detect(m, series.get(m)));
        }
        // oldest first; at the same hour in the order of SHIFT_METRICS (a stable sort keeps it)
        shifts.sort(Comparator.comparing(ChangePoints.Shift::at));

        return new WorkloadProfile(instanceId, from, to, pointsRead, result.workloadClass(), result.features(),
                result.summary(), mix, tps, concurrency, workingSet(s, facts),
                temp, checkpoints, new WalRate(s.mean(Metric.WAL_BYTES), s.quantile(Metric.WAL_BYTES, 0.95)),
                connections, grid, grid.peakHours(), shifts);
    }

    private static ReadWriteMix readWriteMix(Series s) {
        if (s.has(Metric.READ_STATEMENTS) || s.has(Metric.WRITE_STATEMENTS)) {
            double reads = orZero(s.mean(Metric.READ_STATEMENTS));
            double writes = orZero(s.mean(Metric.WRITE_STATEMENTS));
            return new ReadWriteMix(reads, writes, ratio(writes, reads + writes), "statements per second");
        }
        if (s.has(Metric.ROWS_READ) || s.has(Metric.ROWS_WRITTEN)) {
            double reads = orZero(s.mean(Metric.ROWS_READ));
            double writes = orZero(s.mean(Metric.ROWS_WRITTEN));
            return new ReadWriteMix(reads, writes, ratio(writes, reads + writes), "rows per second");
        }
        return new ReadWriteMix(Double.NaN, Double.NaN, Double.NaN, "not collected");
    }

    /**
     * A working-set estimate from the cache hit ratio under a uniform-access model: when the data touched is larger
     * than the cache, the chance that a block is cached is about cache / working set, so working set ~ memory / hit
     * ratio (PostgreSQL's blocks "read" include those the OS page cache served, so the cache is the machine's memory,
     * not shared_buffers). Capped by the databases' size. Skewed access (a hot few percent) raises the hit ratio, so
     * the estimate is a lower bound there. Without the memory, only the verdict from the hit ratio is given.
     */
    private static WorkingSet workingSet(Series s, Facts facts) {
        double hit = s.mean(Metric.BLOCKS_HIT);
        double read = s.mean(Metric.BLOCKS_READ);
        double hitRatio = ratio(hit, hit + read);
        double database = s.last(Metric.DATABASE_BYTES);
        double memory = facts.memoryBytes() > 0 ? facts.memoryBytes() : Double.NaN;
        Fit fit = Double.isNaN(hitRatio) ? Fit.UNKNOWN : hitRatio >= WorkloadThresholds.FITS_HIT_RATIO ? Fit.FITS
                : hitRatio >= WorkloadThresholds.EXCEEDS_HIT_RATIO ? Fit.TIGHT : Fit.EXCEEDS;
        double estimate = Double.NaN;
        String method;
        if (Double.isNaN(hitRatio)) {
            method = "block hits and reads were not collected";
        } else if (Double.isNaN(memory)) {
            method = "memory unknown (set it with fleet edit --ram); verdict from the hit ratio alone";
        } else {
            estimate = hitRatio > 0 ? memory / hitRatio : Double.NaN;
            if (!Double.isNaN(database) && database > 0 && !(estimate <= database)) {
                estimate = database;
            }
            method = "memory / hit ratio (uniform access: hit ratio ~ cache / working set), capped by database size;"
                    + " a lower bound when a few hot blocks take most reads";
        }
        return new WorkingSet(hitRatio, Double.isNaN(read) ? Double.NaN : read * facts.blockBytes(), database, memory,
                estimate, fit, method);
    }

    private static double ratio(double part, double whole) {
        return Double.isNaN(part) || Double.isNaN(whole) || whole <= 0 ? Double.NaN : part / whole;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** The window's series with the statistics the profile takes of them; NaN for a metric without points. */
    private record Series(Map<Metric, List<MetricPoint>> byMetric) {

        boolean has(Metric m) {
            return !byMetric.get(m).isEmpty();
        }

        double[] values(Metric m) {
            return byMetric.get(m).stream().mapToDouble(MetricPoint::value).toArray();
        }

        double mean(Metric m) {
            return Arrays.stream(values(m)).average().orElse(Double.NaN);
        }

        double max(Metric m) {
            return Arrays.stream(values(m)).max().orElse(Double.NaN);
        }

        double last(Metric m) {
            List<MetricPoint> points = byMetric.get(m);
            return points.isEmpty() ? Double.NaN : points.getLast().value();
        }

        /** The nearest-rank quantile. */
        double quantile(Metric m, double q) {
            double[] v = values(m);
            if (v.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(v);
            return v[Math.max(0, (int) Math.ceil(q * v.length) - 1)];
        }

        /** The seconds the series covers, at most the window: the span of its points plus one polling interval. */
        double coveredSeconds(Metric m, double windowSeconds) {
            List<MetricPoint> points = byMetric.get(m);
            if (points.size() < 2) {
                return points.isEmpty() ? 0 : Math.min(windowSeconds, 60);
            }
            double span = (points.getLast().at().toEpochMilli() - points.getFirst().at().toEpochMilli()) / 1000.0;
            return Math.min(windowSeconds, span + span / (points.size() - 1));
        }
    }
}
