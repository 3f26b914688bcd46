package io.knobwright.model.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What stored connection events add up to over a window (decision 0131): arrivals ("authorized"), attempts
 * ("connect"), departures, the busiest second, the mean session time, and the storms: runs of seconds with {@link
 * ConnectionStorm#STORM_PER_SECOND} or more arrivals (a gap of up to {@link #STORM_GAP_SECONDS} quieter seconds keeps
 * one storm), each with its peak, its arrivals and the application that opened most of them.
 */
public record ConnectionEventSummary(Instant from, Instant to, long connections, long attempts, long disconnections,
                                     int peakPerSecond, Instant peakAt, double meanSessionSeconds, long stormSeconds,
                                     Map<String, Long> byApplication, List<Storm> storms) {

    /** Quieter seconds that still belong to the same storm. */
    public static final int STORM_GAP_SECONDS = 2;
    /** At most this many storms are listed, the most recent kept. */
    public static final int MAX_STORMS = 20;

    /** One storm: [start, end] seconds, its busiest second, its arrivals and who opened most. */
    public record Storm(Instant start, Instant end, int peakPerSecond, long connections, String application) {
    }

    public ConnectionEventSummary {
        byApplication = Map.copyOf(byApplication);
        storms = List.copyOf(storms);
    }

    public static ConnectionEventSummary of(List<ConnectionEventCount> counts, Instant from, Instant to) {
        TreeMap<Long, Integer> arrivals = new TreeMap<>();
        Map<Long, Map<String, Integer>> appsPerSecond = new HashMap<>();
        Map<String, Long> byApplication = new HashMap<>();
        long connections = 0;
        long attempts = 0;
        long disconnections = 0;
        double sessionSeconds = 0;
        for (ConnectionEventCount c : counts) {
            switch (c.kind()) {
                case RECEIVED -> attempts += c.events();
                case DISCONNECTED -> {
                    disconnections += c.events();
                    sessionSeconds += c.sessionSecondsTotal();
                }
                case CONNECTED -> {
                    connections += c.events();
                    long s = c.second().getEpochSecond();
                    arrivals.merge(s, c.events(), Integer::sum);
                    String app = c.application().isEmpty() ? "(no name)" : c.application();
                    byApplication.merge(app, (long) c.events(), Long::sum);
                    appsPerSecond.computeIfAbsent(s, x -> new HashMap<>()).merge(app, c.events(), Integer::sum);
                }
            }
        }
        Map.Entry<Long, Integer> peak = arrivals.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElse(null);
        List<Storm> storms = storms(arrivals, appsPerSecond);
        long stormSeconds = arrivals.values().stream().filter(n -> n >= ConnectionStorm.STORM_PER_SECOND).count();
        Map<String, Long> top = new LinkedHashMap<>();
        byApplication.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ConnectionEventSummary(from, to, connections, attempts, disconnections, peak == null ? 0 : peak.getValue(),
                peak == null ? null : Instant.ofEpochSecond(peak.getKey()),
                disconnections == 0 ? Double.NaN : sessionSeconds / disconnections, stormSeconds, top, storms);
    }

    private static List<Storm> storms(TreeMap<Long, Integer> arrivals, Map<Long, Map<String, Integer>> apps) {
        List<Storm> out = new ArrayList<>();
        long start = -1;
        long end = -1;
        int peak = 0;
        for (Map.Entry<Long, Integer> e : arrivals.entrySet()) {
            if (e.getValue() < ConnectionStorm.STORM_PER_SECOND) {
                continue;
            }
            if (start >= 0 && e.getKey() - end > STORM_GAP_SECONDS + 1) {
                out.add(storm(arrivals, apps, start, end, peak));
                start = -1;
            }
            if (start < 0) {
                start = e.getKey();
                peak = 0;
            }
            end = e.getKey();
            peak = Math.max(peak, e.getValue());
        }
        if (start >= 0) {
            out.add(storm(arrivals, apps, start, end, peak));
        }
        return out.size() <= MAX_STORMS ? out : out.subList(out.size() - MAX_STORMS, out.size());
    }

    private static Storm storm(TreeMap<Long, Integer> arrivals, Map<Long, Map<String, Integer>> apps, long start, long end,
                               int peak) {
        long total = 0;
        Map<String, Integer> who = new HashMap<>();
        for (Map.Entry<Long, Integer> e : arrivals.subMap(start, true, end, true).entrySet()) {
            total += e.getValue();
            apps.getOrDefault(e.getKey(), Map.of()).forEach((app, n) -> who.merge(app, n, Integer::sum));
        }
        String top = who.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        return new Storm(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), peak, total, top);
    }
}
