package io.knobwright.app.bench;

import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PolledPoints;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One instance's monitor samples at a 1-minute interval, as the PostgreSQL collector's polls yield them: counters as
 * rates, gauges as read, the 23 metrics it reads (not the host metrics, which come only from a Prometheus import). The
 * load follows office hours, quieter weekends and a nightly report, with each instance's own scale and noise (seeded),
 * so profiles differ between instances the way a fleet's do.
 */
final class MinuteSamples {

    static final Duration STEP = Duration.ofMinutes(1);

    private final Random random;
    private final double scale;
    private final double readShare;
    private final double hitRatio;
    private final int maxConnections;

    MinuteSamples(long seed) {
        this.random = new Random(seed);
        this.scale = 50 + random.nextDouble() * 1500;
        this.readShare = 0.5 + random.nextDouble() * 0.45;
        this.hitRatio = 0.9 + random.nextDouble() * 0.099;
        this.maxConnections = 100 + 100 * random.nextInt(5);
    }

    /** Polls from {@code from} (inclusive) for {@code count} minutes. */
    List<PolledPoints> polls(Instant from, int count) {
        List<PolledPoints> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = from.plus(STEP.multipliedBy(i));
            out.add(new PolledPoints(at, sample(at), List.of(), PolledPoints.Baseline.CONTINUED, Set.of()));
        }
        return out;
    }

    private Map<Metric, Double> sample(Instant at) {
        double load = load(at) * (1 + 0.1 * random.nextGaussian());
        double tps = Math.max(0.5, scale * load);
        double statements = tps * 6.5;
        double reads = statements * readShare;
        double writes = statements - reads;
        double blocks = statements * 18;
        boolean report = at.atZone(ZoneOffset.UTC).getHour() == 2;
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.COMMITS, tps);
        m.put(Metric.ROLLBACKS, tps * 0.01);
        m.put(Metric.READ_STATEMENTS, reads);
        m.put(Metric.WRITE_STATEMENTS, writes);
        m.put(Metric.ROWS_READ, reads * 12);
        m.put(Metric.ROWS_WRITTEN, writes * 1.3);
        m.put(Metric.BLOCKS_HIT, blocks * hitRatio);
        m.put(Metric.BLOCKS_READ, blocks * (1 - hitRatio) * (1 + 0.3 * random.nextDouble()));
        m.put(Metric.TEMP_FILES, report ? 0.4 : 0.01);
        m.put(Metric.TEMP_BYTES, 4_000 * tps + (report ? 150e6 * random.nextDouble() : 0));
        m.put(Metric.DEADLOCKS, random.nextInt(20_000) == 0 ? 1 / 60.0 : 0);
        m.put(Metric.CHECKPOINTS_TIMED, 1 / 300.0);
        m.put(Metric.CHECKPOINTS_REQUESTED, tps > scale * 1.1 ? 1 / 600.0 : 0);
        m.put(Metric.BUFFERS_WRITTEN_BY_BACKENDS, writes * 0.03);
        m.put(Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS, writes * 0.6);
        m.put(Metric.WAL_BYTES, writes * 1_900);
        double connections = Math.min(maxConnections - 3, Math.round(20 + maxConnections * 0.5 * load));
        m.put(Metric.CONNECTIONS, connections);
        m.put(Metric.MAX_CONNECTIONS, (double) maxConnections);
        m.put(Metric.ACTIVE_SESSIONS, Math.max(0, tps * 0.004 * (1 + 0.25 * random.nextGaussian())));
        m.put(Metric.IDLE_IN_TRANSACTION, (double) random.nextInt(3));
        m.put(Metric.WAITING_SESSIONS, (double) (random.nextInt(50) == 0 ? 1 : 0));
        m.put(Metric.BLOCKED_SESSIONS, 0.0);
        m.put(Metric.DATABASE_BYTES, 50e9 + at.getEpochSecond() % 10_000_000 * 1_000.0);
        return m;
    }

    /** Office hours on weekdays, a small evening bump, quiet nights and weekends (the demo workload's shape). */
    private static double load(Instant at) {
        ZonedDateTime z = at.atZone(ZoneOffset.UTC);
        double hour = z.getHour() + z.getMinute() / 60.0;
        double day = Math.exp(-Math.pow((hour - 11) / 3.2, 2)) + 0.7 * Math.exp(-Math.pow((hour - 15.5) / 2.5, 2))
                + 0.25 * Math.exp(-Math.pow((hour - 20.5) / 1.5, 2));
        double weekday = z.getDayOfWeek().getValue() >= 6 ? 0.35 : 1.0;
        return 0.12 + weekday * day;
    }
}
