package io.knobwright.simulator.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits the hours of the day into at most {@link #MAX_WINDOWS} windows whose workloads differ materially (decision
 * 0154): every hour starts as its own window; the two neighbouring windows (the day wraps: 23 neighbours 0) that are
 * most alike merge, again and again, while they are not materially different, or while there are too many windows, or
 * while one is shorter than {@link #MIN_HOURS}. "Materially different" is one of the fixed thresholds below reached;
 * ties go to the earlier hour. The result depends on the figures only, never on their order.
 */
public final class DayWindows {

    /** More windows than this is a schedule no DBA wants to read, and each window's evidence thins. */
    public static final int MAX_WINDOWS = 3;
    /** A shorter window is a spike, not a workload a setting should follow. */
    public static final int MIN_HOURS = 2;
    /** Twice (or half) the clients. */
    static final double CLIENTS_RATIO = 2;
    /** Four times (or a quarter of) the transaction rate. */
    static final double TPS_RATIO = 4;
    /** A quarter of the statements more or fewer writing. */
    static final double WRITE_SHARE_STEP = 0.25;
    /** Four times the temporary bytes per transaction, counted above a floor of 1 MB (below it spills are noise). */
    static final double TEMP_RATIO = 4;
    private static final double TEMP_FLOOR = 1024 * 1024;

    private DayWindows() {
    }

    /**
     * @param hours one profile per hour with samples, in any order; hours without samples are simply absent
     * @return the windows in the order of their first hour; one window when the day is alike throughout
     * @throws IllegalArgumentException when an hour is given twice
     */
    public static List<DayWindow> split(List<HourProfile> hours) {
        List<HourProfile> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparingInt(HourProfile::hour));
        Set<Integer> seen = new HashSet<>();
        for (HourProfile h : sorted) {
            if (!seen.add(h.hour())) {
                throw new IllegalArgumentException("Hour " + h.hour() + " is given twice");
            }
        }
        if (sorted.isEmpty()) {
            return List.of();
        }
        List<List<HourProfile>> segments = new ArrayList<>();
        for (HourProfile h : sorted) {
            segments.add(List.of(h));
        }
        double total = sorted.stream().mapToDouble(HourProfile::samples).sum();
        while (segments.size() > 1) {
            int merge = pairToMerge(segments, total);
            if (merge < 0) {
                break;
            }
            int next = (merge + 1) % segments.size();
            List<HourProfile> joined = new ArrayList<>(segments.get(merge));
            joined.addAll(segments.get(next));
            if (next == 0) {
                // the last window and the first join across midnight: the joined one starts the list
                segments.removeLast();
                segments.set(0, joined);
            } else {
                segments.set(merge, joined);
                segments.remove(next);
            }
        }
        List<DayWindow> out = new ArrayList<>();
        for (List<HourProfile> s : segments) {
            out.add(window(s, total));
        }
        out.sort(DayWindow::compareByStart);
        return List.copyOf(out);
    }

    /** The index of the window to merge with its next neighbour; -1 when the windows should stay apart. */
    private static int pairToMerge(List<List<HourProfile>> segments, double total) {
        int n = segments.size();
        int pairs = n == 2 ? 1 : n;
        boolean tooShort = segments.stream().anyMatch(s -> s.size() < MIN_HOURS);
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pairs; i++) {
            List<HourProfile> a = segments.get(i);
            List<HourProfile> b = segments.get((i + 1) % n);
            if (tooShort && a.size() >= MIN_HOURS && b.size() >= MIN_HOURS) {
                continue;
            }
            double d = distance(window(a, total), window(b, total));
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        boolean mustMerge = tooShort || n > MAX_WINDOWS;
        return mustMerge || bestDistance < 1 ? best : -1;
    }

    /** 1 or more: materially different by at least one of the thresholds. */
    static double distance(DayWindow a, DayWindow b) {
        double clients = ratio(a.clients() + 1, b.clients() + 1, CLIENTS_RATIO);
        double tps = ratio(a.tps() + 0.1, b.tps() + 0.1, TPS_RATIO);
        double writes = Math.abs(a.writeShare() - b.writeShare()) / WRITE_SHARE_STEP;
        double temp = ratio(a.tempBytesPerTx() + TEMP_FLOOR, b.tempBytesPerTx() + TEMP_FLOOR, TEMP_RATIO);
        return Math.max(Math.max(clients, tps), Math.max(writes, temp));
    }

    /** |log(a/b)| in units of the threshold ratio: 1 when a is {@code threshold} times b. */
    private static double ratio(double a, double b, double threshold) {
        return Math.abs(Math.log(a / b)) / Math.log(threshold);
    }

    private static DayWindow window(List<HourProfile> hours, double total) {
        double samples = 0;
        double clients = 0;
        double tps = 0;
        double writes = 0;
        double temp = 0;
        double commits = 0;
        Map<String, Double> roles = new TreeMap<>();
        Map<String, Double> databases = new TreeMap<>();
        for (HourProfile h : hours) {
            double w = h.samples();
            samples += w;
            clients += w * h.clients();
            tps += w * h.tps();
            writes += w * h.writeShare();
            // temporary bytes per transaction: weighted by the transactions, not the hours
            temp += w * h.tps() * h.tempBytesPerTx();
            commits += w * h.tps();
            h.roleSessions().forEach((r, v) -> roles.merge(r, w * v, Double::sum));
            h.databaseSessions().forEach((d, v) -> databases.merge(d, w * v, Double::sum));
        }
        double s = samples;
        roles.replaceAll((r, v) -> v / s);
        databases.replaceAll((d, v) -> v / s);
        return new DayWindow(hours.stream().map(HourProfile::hour).toList(), samples / total, clients / samples,
                tps / samples, writes / samples, commits > 0 ? temp / commits : 0, roles, databases);
    }
}
