package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A run of hours of the day whose workload is alike, as {@link DayWindows} found it.
 *
 * @param hours          the hours it covers, in the order of the day starting at its first (22, 23, 0, 1 ...)
 * @param weight         its share of the collected time, 0 to 1 (the windows of one split add up to 1)
 * @param clients        mean clients, weighted by samples
 * @param tps            mean transactions per second
 * @param writeShare     mean share of writing statements
 * @param tempBytesPerTx mean temporary bytes per transaction
 * @param roleSessions   mean sessions per role
 * @param databaseSessions mean sessions per database
 */
public record DayWindow(List<Integer> hours, double weight, double clients, double tps, double writeShare,
                        double tempBytesPerTx, Map<String, Double> roleSessions,
                        Map<String, Double> databaseSessions) {

    public DayWindow {
        hours = List.copyOf(hours);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("A window covers at least one hour");
        }
        roleSessions = java.util.Collections.unmodifiableMap(new TreeMap<>(roleSessions));
        databaseSessions = java.util.Collections.unmodifiableMap(new TreeMap<>(databaseSessions));
    }

    /** "07-19": from the first hour's start to the last hour's end, as a schedule names it. */
    public String label() {
        return String.format(Locale.ROOT, "%02d-%02d", hours.getFirst(), (hours.getLast() + 1) % 24);
    }

    /** "07-19: 40 clients, 120 tps, 20% writes, 2.0 MB temp per transaction", for the explanation. */
    public String describe() {
        return label() + ": " + Texts.number(clients) + " clients, " + Texts.number(tps) + " tps, "
                + Texts.percent(writeShare) + " writes, " + Texts.bytes(tempBytesPerTx) + " temporary per transaction";
    }

    /** The role holding at least {@code share} of the window's sessions; empty when none does or none is known. */
    public String dominantRole(double share) {
        return dominant(roleSessions, share);
    }

    /** The database holding at least {@code share} of the window's sessions; empty when none does. */
    public String dominantDatabase(double share) {
        return dominant(databaseSessions, share);
    }

    private static String dominant(Map<String, Double> sessions, double share) {
        double total = sessions.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            return "";
        }
        for (Map.Entry<String, Double> e : sessions.entrySet()) {
            if (e.getValue() >= share * total && !e.getKey().isBlank()) {
                return e.getKey();
            }
        }
        return "";
    }

    /** The windows cover different hours, so the first hour orders them. */
    static int compareByStart(DayWindow a, DayWindow b) {
        Objects.requireNonNull(b);
        return Integer.compare(a.hours.getFirst(), b.hours.getFirst());
    }
}
