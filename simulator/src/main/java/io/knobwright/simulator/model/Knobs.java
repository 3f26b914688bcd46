package io.knobwright.simulator.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings a scenario runs under, each in base units: bytes for memory, seconds for time, 1/0 for on/off,
 * plain numbers otherwise. Settings the model does not read are kept (an external engine may read them) but
 * change nothing in the built-in model. A setting not given has PostgreSQL's default.
 */
public record Knobs(Map<String, Double> values) {

    /** PostgreSQL's defaults for the settings the built-in model reads (15-17 agree on all of them). */
    public static final Map<String, Double> POSTGRES_DEFAULTS = defaults();

    public Knobs {
        Map<String, Double> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("The setting " + k + " has no finite value");
            }
            copy.put(k.toLowerCase(Locale.ROOT), v);
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static Knobs postgresDefaults() {
        return new Knobs(Map.of());
    }

    /** The setting's value in base units, its default when not given, NaN when the model knows no default. */
    public double get(String name) {
        Double v = values.get(name.toLowerCase(Locale.ROOT));
        if (v != null) {
            return v;
        }
        return POSTGRES_DEFAULTS.getOrDefault(name.toLowerCase(Locale.ROOT), Double.NaN);
    }

    public boolean isOn(String name) {
        return get(name) != 0;
    }

    public Knobs with(String name, double value) {
        Map<String, Double> next = new LinkedHashMap<>(values);
        next.put(name.toLowerCase(Locale.ROOT), value);
        return new Knobs(next);
    }

    public Knobs withAll(Knobs other) {
        Map<String, Double> next = new LinkedHashMap<>(values);
        next.putAll(other.values);
        return new Knobs(next);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Reads a setting as PostgreSQL would: "256MB", "4GB", "30s", "5min", "on", "0.9", or a bare number in the
     * setting's own unit (8 kB pages for shared_buffers, kB for work_mem, MB for max_wal_size, s for
     * checkpoint_timeout).
     *
     * @throws IllegalArgumentException with what was wrong and what is accepted
     */
    public static double parse(String name, String text) {
        return KnobText.parse(name.toLowerCase(Locale.ROOT), text);
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> d = new TreeMap<>();
        d.put("shared_buffers", 128.0 * MB);
        d.put("effective_cache_size", 4.0 * GB);
        d.put("work_mem", 4.0 * MB);
        d.put("hash_mem_multiplier", 2.0);
        d.put("maintenance_work_mem", 64.0 * MB);
        d.put("autovacuum_max_workers", 3.0);
        d.put("max_wal_size", 1.0 * GB);
        d.put("min_wal_size", 80.0 * MB);
        d.put("checkpoint_timeout", 300.0);
        d.put("checkpoint_completion_target", 0.9);
        d.put("wal_buffers", -1.0);
        d.put("full_page_writes", 1.0);
        d.put("synchronous_commit", 1.0);
        d.put("fsync", 1.0);
        d.put("max_connections", 100.0);
        d.put("max_parallel_workers_per_gather", 2.0);
        d.put("max_parallel_workers", 8.0);
        d.put("max_worker_processes", 8.0);
        d.put("random_page_cost", 4.0);
        d.put("seq_page_cost", 1.0);
        d.put("jit", 1.0);
        d.put("jit_above_cost", 100000.0);
        d.put("commit_delay", 0.0);
        return java.util.Collections.unmodifiableMap(d);
    }

    static final double MB = 1024.0 * 1024;
    static final double GB = 1024.0 * MB;
}
