package io.knobwright.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Pool sizes from measured concurrency. The sessions that actually run at once (active sessions' p95 and p99 over the
 * window) are what a pool must serve; everything above that is connections held idle. The classic
 * {@code cores * 2 + spindles} rule is used only as a sanity bound: a pool far above it queues inside the server
 * (context switches, lock and buffer contention) rather than in the pool. Every figure comes with the line of
 * reasoning that led to it.
 *
 * @param serverPool        connections a pool in front of the server should keep (all applications together)
 * @param defaultPoolSize   pgbouncer default_pool_size per user/database pair
 * @param maxClientConn     pgbouncer max_client_conn
 * @param reasoning         the steps, as lines a person reads
 */
public record PoolAdvice(int serverPool, int defaultPoolSize, int maxClientConn, List<String> reasoning) {

    /** Headroom over the measured p99 so that a pool does not make bursts wait at once. */
    public static final double HEADROOM = 1.25;
    /** Effective spindles of the rule for SSD/NVMe or a cached working set. */
    public static final int SPINDLES = 1;

    public PoolAdvice {
        reasoning = List.copyOf(reasoning);
    }

    /**
     * @param activeP95     active sessions, 95th percentile over the window (NaN when not measured)
     * @param activeP99     active sessions, 99th percentile
     * @param peakSessions  the most client sessions seen at once
     * @param cores         the server's CPU cores when known
     * @param pairs         user/database pairs that connect (pgbouncer keeps one pool per pair), at least 1
     * @param usable        connections ordinary logins may open
     */
    public static PoolAdvice from(double activeP95, double activeP99, double peakSessions, OptionalInt cores, int pairs,
                                  int usable) {
        List<String> why = new ArrayList<>();
        int p = Math.max(1, pairs);
        if (Double.isNaN(activeP99) || Double.isNaN(activeP95)) {
            why.add("active sessions not measured yet: collect for a while (knobwright monitor collect) for advice from concurrency");
            int bound = cores.isPresent() ? cores.getAsInt() * 2 + SPINDLES : Math.min(usable, 20);
            why.add(cores.isPresent() ? String.format(Locale.ROOT, "(cores %d x 2) + %d spindle = %d as a starting size",
                    cores.getAsInt(), SPINDLES, bound) : "cores unknown: starting size 20 or the usable limit, whichever is smaller");
            return new PoolAdvice(bound, Math.max(1, ceil((double) bound / p)), clientConn(peakSessions, bound, why), why);
        }
        why.add(String.format(Locale.ROOT, "measured: active sessions p95 %.1f, p99 %.1f; peak client sessions %.0f of %d usable",
                activeP95, activeP99, peakSessions, usable));
        int need = Math.max(2, ceil(activeP99 * HEADROOM));
        why.add(String.format(Locale.ROOT, "pool serving p99 with %.0f%% headroom: ceil(%.1f x %.2f) = %d connections",
                (HEADROOM - 1) * 100, activeP99, HEADROOM, need));
        int pool = need;
        if (cores.isPresent()) {
            int bound = cores.getAsInt() * 2 + SPINDLES;
            if (need > bound) {
                why.add(String.format(Locale.ROOT, "above the sanity bound (%d cores x 2) + %d = %d: more sessions than that"
                        + " queue inside the server; keep %d and let the pool queue the rest", cores.getAsInt(), SPINDLES, bound, bound));
                pool = bound;
            } else {
                why.add(String.format(Locale.ROOT, "within the sanity bound (%d cores x 2) + %d = %d", cores.getAsInt(), SPINDLES, bound));
            }
        } else {
            why.add("cores unknown: no sanity bound applied (record the instance's hardware for it)");
        }
        if (pool > usable) {
            why.add("more than the " + usable + " usable connections: capped there; raise max_connections or cut the concurrency");
            pool = usable;
        }
        if (peakSessions > pool * 2) {
            why.add(String.format(Locale.ROOT, "%.0f sessions held at peak but only ~%d run at once: the rest sit idle in"
                    + " application pools; shrink them or put pgbouncer (transaction mode) in front", peakSessions, pool));
        }
        int perPair = Math.max(1, ceil((double) pool / p));
        why.add(String.format(Locale.ROOT, "pgbouncer default_pool_size = ceil(%d / %d user-database pairs) = %d", pool, p, perPair));
        return new PoolAdvice(pool, perPair, clientConn(peakSessions, pool, why), why);
    }

    private static int clientConn(double peakSessions, int pool, List<String> why) {
        int clients = Math.max(100, ceil(Math.max(peakSessions, pool) * 1.5));
        why.add(String.format(Locale.ROOT, "pgbouncer max_client_conn = max(100, peak %.0f client sessions x 1.5) = %d"
                + " (each client costs pgbouncer a file descriptor: ulimit -n above it)", peakSessions, clients));
        return clients;
    }

    private static int ceil(double v) {
        return (int) Math.ceil(v - 1e-9);
    }
}
