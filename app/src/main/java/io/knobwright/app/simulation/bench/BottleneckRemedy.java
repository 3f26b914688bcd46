package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The textbook fix for a workload's named bottleneck, sized from what the bench observed (decision 0157). The effect
 * bench runs it as a fourth arm to test whether the bottleneck is one that configuration removes on this host: a
 * workload "has a real configuration bottleneck" when this fix, or PGTune's set, runs clearly faster than the defaults;
 * only then is Knobwright held to being clearly better too. A label alone proves nothing: on a host whose page cache
 * absorbs every spill, a work_mem that removes them all gains nothing, and no tuner should be blamed for seeing that.
 *
 * <p>Each fix is what a DBA applies by hand for that one symptom, without weakening durability and without a model: it
 * is the bench's check on the label, not a competitor.
 *
 * @param text what the fix is and how it was sized, in words for the bench's output
 */
record BottleneckRemedy(String text, Function<Observed, Map<String, String>> sizing) {

    BottleneckRemedy {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sizing, "sizing");
    }

    /**
     * What a remedy is sized from: the baseline's settings in force, its measured statement shape and database size,
     * the RAM declared to the tuners, the clients and the measured WAL flush.
     */
    record Observed(Map<String, String> settings, WorkloadShape shape, double dataBytes, long ramBytes, int clients,
                    double flushMs) {
    }

    Map<String, String> settings(Observed observed) {
        return Map.copyOf(sizing.apply(observed));
    }

    private static final double MB = 1024 * 1024;

    /**
     * Buffer misses: shared_buffers large enough for the whole database with a quarter to spare, at most a quarter of
     * RAM (the documentation's starting point for a dedicated server).
     */
    static BottleneckRemedy bufferForData() {
        return new BottleneckRemedy("shared_buffers to hold the whole database (1.25 x its size, at most a quarter of"
                + " RAM)", o -> Map.of("shared_buffers",
                megabytes(Math.min(roundUp(1.25 * o.dataBytes()), roundDown(o.ramBytes() / 4.0)))));
    }

    /**
     * Spills: work_mem large enough for the largest sort, and the largest hash table over hash_mem_multiplier, that
     * one statement measured, with a quarter to spare, at most an eighth of RAM per operation.
     */
    static BottleneckRemedy workMemForSpills() {
        return new BottleneckRemedy("work_mem to hold the largest sort or hash a statement measured (1.25 x, at most an"
                + " eighth of RAM), so nothing spills", o -> {
            double multiplier = number(o.settings().get("hash_mem_multiplier"), 1);
            double need = 0;
            for (QueryClass q : o.shape().classes()) {
                need = Math.max(need, Math.max(q.sortInputBytes(), q.hashInputBytes() / multiplier));
            }
            double wanted = Math.max(roundUp(1.25 * need), 4 * MB);
            return Map.of("work_mem", megabytes(Math.min(wanted, roundDown(o.ramBytes() / 8.0))));
        });
    }

    /**
     * Commits waiting on the WAL flush and full-page images after each checkpoint, durability kept: group commit as
     * the documentation advises it (commit_delay about half the measured flush, with siblings the clients can reach),
     * compressed full-page images, and WAL buffers of one segment.
     */
    static BottleneckRemedy walForCommits() {
        return new BottleneckRemedy("group commit and smaller WAL, durability kept: commit_delay half the measured"
                + " flush, commit_siblings half the clients, wal_compression on, wal_buffers 16MB", o -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("commit_delay", Long.toString(Math.clamp(Math.round(o.flushMs() * 1000 / 2), 10, 100_000)));
            s.put("commit_siblings", Integer.toString(Math.max(1, o.clients() / 2)));
            s.put("wal_compression", "on");
            s.put("wal_buffers", "16MB");
            return s;
        });
    }

    /**
     * Plans priced for a spinning disk on data that is cached or on SSD: random_page_cost 1.1 (the documentation: a
     * lower value "may be appropriate" when the data is "likely to be completely in cache", or on SSDs) and
     * effective_cache_size three quarters of RAM.
     */
    static BottleneckRemedy plannerForCachedData() {
        return new BottleneckRemedy("random_page_cost 1.1 for data in cache or on SSD, effective_cache_size three"
                + " quarters of RAM", o -> Map.of("random_page_cost", "1.1",
                "effective_cache_size", megabytes(roundDown(o.ramBytes() * 0.75))));
    }

    /** The next value of the 1, 1.5, 2, 3, 4, 6 ... x 2^k MB ladder at or above {@code bytes}. */
    static double roundUp(double bytes) {
        double p = 1;
        while (true) {
            if (p * MB >= bytes) {
                return p * MB;
            }
            if (p * 1.5 * MB >= bytes) {
                return p * 1.5 * MB;
            }
            p *= 2;
        }
    }

    /** The largest value of the same ladder at or below {@code bytes} (1MB at least). */
    static double roundDown(double bytes) {
        double best = MB;
        for (double p = 1; p * MB <= bytes; p *= 2) {
            best = p * 1.5 * MB <= bytes ? p * 1.5 * MB : p * MB;
        }
        return best;
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%dMB", Math.round(bytes / MB));
    }

    private static double number(String text, double otherwise) {
        try {
            return text == null ? otherwise : Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }
}
