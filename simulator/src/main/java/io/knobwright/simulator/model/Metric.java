package io.knobwright.simulator.model;

/** What a prediction says about a scenario; each has a unit the CLI's JSON and the screen print beside it. */
public enum Metric {
    THROUGHPUT_TPS("tps", "transactions per second"),
    LATENCY_P50_MS("ms", "median transaction latency"),
    LATENCY_P95_MS("ms", "95th percentile transaction latency"),
    BUFFER_HIT_RATIO("ratio", "share of page reads served by shared_buffers"),
    OS_CACHE_HIT_RATIO("ratio", "share of shared_buffers misses served by the OS page cache"),
    TEMP_BYTES_PER_SEC("B/s", "sorts and hashes spilled to temporary files"),
    CHECKPOINT_WRITE_BYTES_PER_SEC("B/s", "dirty pages written by checkpoints"),
    WAL_BYTES_PER_SEC("B/s", "write-ahead log generated, full-page images included"),
    PEAK_MEMORY_BYTES("B", "memory the server can take at its peak"),
    OUT_OF_MEMORY_RISK("probability", "chance that the peak exceeds the RAM left for the server"),
    CONNECTION_SATURATION("ratio", "offered clients over the concurrency at which throughput peaks");

    private final String unit;
    private final String meaning;

    Metric(String unit, String meaning) {
        this.unit = unit;
        this.meaning = meaning;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** The JSON field name: lowerCamel of the constant (THROUGHPUT_TPS -> throughputTps). */
    public String jsonName() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
