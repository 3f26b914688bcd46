package io.knobwright.model.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connection arrivals counted per second, so that a storm of short connections stands out instead of being averaged
 * into a poll interval: the busiest second, the mean over the seconds that had any, the median session time, the
 * share of sessions shorter than a second, and who opened the most. Fed one event at a time (a log of millions of
 * lines is never held); per-second counts take one map entry per second that had an arrival.
 */
public final class ConnectionStorm {

    /** Arrivals per second from which on a second counts as part of a storm. */
    public static final int STORM_PER_SECOND = 20;

    private final TreeMap<Long, Integer> perSecond = new TreeMap<>();
    private final Map<String, Integer> byApplication = new HashMap<>();
    private final List<Double> sessionSeconds = new ArrayList<>();
    private long connections;
    private long disconnections;

    public void add(ConnectionEvent e) {
        if (e.kind() == ConnectionEvent.Kind.RECEIVED) {
            return; // an attempt: the arrival is its "connection authorized" line
        }
        if (e.kind() == ConnectionEvent.Kind.CONNECTED) {
            connections++;
            perSecond.merge(e.at().getEpochSecond(), 1, Integer::sum);
            byApplication.merge(e.application().isEmpty() ? "(no name)" : e.application(), 1, Integer::sum);
        } else {
            disconnections++;
            sessionSeconds.add(e.sessionSeconds());
        }
    }

    /** What the events add up to. */
    public Summary summary() {
        Map.Entry<Long, Integer> peak = perSecond.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElse(null);
        double[] times = sessionSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = times.length == 0 ? Double.NaN
                : times.length % 2 == 1 ? times[times.length / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
        long shortOnes = sessionSeconds.stream().filter(t -> t < 1.0).count();
        long stormSeconds = perSecond.values().stream().filter(n -> n >= STORM_PER_SECOND).count();
        Map<String, Integer> top = new TreeMap<>();
        byApplication.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new Summary(connections, disconnections, peak == null ? 0 : peak.getValue(),
                peak == null ? null : Instant.ofEpochSecond(peak.getKey()),
                perSecond.isEmpty() ? 0 : (double) connections / perSecond.size(), median,
                sessionSeconds.isEmpty() ? Double.NaN : (double) shortOnes / sessionSeconds.size(), stormSeconds, top);
    }

    /** Arrivals per second, for a chart. */
    public TreeMap<Long, Integer> perSecond() {
        return new TreeMap<>(perSecond);
    }

    /**
     * @param peakPerSecond      the most connections that arrived within one second
     * @param peakAt             that second (null without arrivals)
     * @param meanPerBusySecond  arrivals per second over the seconds that had any
     * @param medianSessionSeconds median of the disconnections' session times (NaN without any)
     * @param shortShare         share of sessions that lasted under one second (NaN without any)
     * @param stormSeconds       seconds with {@link #STORM_PER_SECOND} or more arrivals
     */
    public record Summary(long connections, long disconnections, int peakPerSecond, Instant peakAt, double meanPerBusySecond,
                          double medianSessionSeconds, double shortShare, long stormSeconds, Map<String, Integer> byApplication) {

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%d connections, %d disconnections", connections, disconnections));
            if (peakAt != null) {
                out.add(String.format(Locale.ROOT, "peak %d connections/s at %s; %.1f/s over the seconds with arrivals",
                        peakPerSecond, peakAt, meanPerBusySecond));
            }
            if (!Double.isNaN(medianSessionSeconds)) {
                out.add(String.format(Locale.ROOT, "median session %.3f s; %.0f%% of sessions under 1 s", medianSessionSeconds,
                        shortShare * 100));
            }
            if (stormSeconds > 0) {
                out.add(stormSeconds + " seconds with " + STORM_PER_SECOND + " or more new connections: a connection storm;"
                        + " a pool (or pgbouncer) in front of the server would take it");
            }
            return out;
        }
    }
}
