package io.knobwright.simulator.recommend;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the collected samples say about one hour of the day (all days of the window together), the input that splits a
 * workload into time windows ({@link DayWindows}).
 *
 * @param hour           0 to 23, in the instance's time zone
 * @param samples        how many samples fell into this hour (its weight: the time it stands for)
 * @param clients        mean client connections
 * @param tps            mean transactions per second
 * @param writeShare     share of statements that write, 0 to 1
 * @param tempBytesPerTx bytes written to temporary files per transaction (sorts and hashes spilling)
 * @param roleSessions   mean sessions per role in this hour; empty when not collected
 * @param databaseSessions mean sessions per database in this hour; empty when not collected
 */
public record HourProfile(int hour, double samples, double clients, double tps, double writeShare,
                          double tempBytesPerTx, Map<String, Double> roleSessions,
                          Map<String, Double> databaseSessions) {

    public HourProfile {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("An hour of the day is 0 to 23, not " + hour);
        }
        if (!(samples > 0) || !(clients >= 0) || !(tps >= 0) || !(writeShare >= 0 && writeShare <= 1)
                || !(tempBytesPerTx >= 0) || Double.isInfinite(clients + tps + tempBytesPerTx + samples)) {
            throw new IllegalArgumentException("An hour's figures are finite and not negative, with samples > 0 and a"
                    + " write share of 0 to 1: hour " + hour);
        }
        roleSessions = java.util.Collections.unmodifiableMap(new TreeMap<>(roleSessions));
        databaseSessions = java.util.Collections.unmodifiableMap(new TreeMap<>(databaseSessions));
    }
}
