package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored series of every monitored instance: points of each {@link Metric}, statement digests' deltas, and the
 * last poll's raw counters, from which the next poll (in this process or the next one) computes its rates.
 */
public interface WorkloadSeriesRepository extends MetricHistory {

    /** The previous poll's raw counters, the baseline for the next; empty before the first poll. */
    Optional<CounterPoll> baseline(long instanceId);

    /** Stores {@code raw} as the new baseline and the points and statement deltas it yielded, in one unit. */
    void record(long instanceId, CounterPoll raw, PolledPoints points);

    /**
     * Calls, time and rows per statement digest summed over [from, to), most total time first; the query text is the
     * one the server gave when the digest was first seen.
     */
    List<StatementCounters> statements(long instanceId, Instant from, Instant to);

    /** Averages and sums what has aged past each resolution into the next, and drops what is past keeping. */
    SeriesMaintenance maintain(SeriesRetention retention, Instant now);

    /** Forgets an instance's series, baseline and statements (the instance was removed). */
    void forget(long instanceId);

    /**
     * Stores points measured elsewhere (a Prometheus import) into the instance's series of {@code metric}, beside what
     * the collectors polled at the same instants (their values are kept) and without touching the baseline. Returns
     * how many points were stored; NaN and infinite values are not stored.
     */
    int importPoints(long instanceId, Metric metric, List<MetricPoint> points);

    /**
     * Stores many polls' points at the raw resolution in one unit, as {@link #record} stores a poll's points, without
     * a baseline or statement deltas: a bulk load (the analysis bench's month of samples, a backfill). The stretch
     * must hold no polls of the instance yet; returns how many polls were stored.
     */
    int appendPolls(long instanceId, List<PolledPoints> polls);
}
