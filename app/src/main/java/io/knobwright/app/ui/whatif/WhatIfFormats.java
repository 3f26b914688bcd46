package io.knobwright.app.ui.whatif;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Prediction;

import io.knobwright.simulator.model.Metric;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the what-if screen writes numbers: each estimate as "mean unit [low–high]" in a unit a DBA reads (bytes as MB or
 * GB, ratios as %, throughput in tps), and settings the way postgresql.conf takes them ("256MB", "4GB", "5min").
 * Pure functions, tested without a toolkit.
 */
public final class WhatIfFormats {

    private static final double KB = 1024;
    private static final double MB = KB * 1024;
    private static final double GB = MB * 1024;
    private static final double TB = GB * 1024;

    private WhatIfFormats() {
    }

    /** "1,240 tps [1,010–1,500]", "97.1% [95.0–98.3%]", "15.2 GB [14.0–16.1]", "12 MB/s [8.0–16]". */
    public static String estimate(Metric metric, Estimate e) {
        return switch (metric.unit()) {
            case "tps" -> String.format(Locale.ROOT, "%s tps [%s–%s]", count(e.mean()), count(e.low()), count(e.high()));
            case "ms" -> String.format(Locale.ROOT, "%s ms [%s–%s]", decimal(e.mean()), decimal(e.low()), decimal(e.high()));
            case "ratio", "probability" -> percent(e.mean()) + " [" + percentNumber(e.low()) + "–" + percent(e.high()) + "]";
            case "B/s" -> bytesRange(e, "/s");
            case "B" -> bytesRange(e, "");
            default -> String.format(Locale.ROOT, "%s [%s–%s] %s", decimal(e.mean()), decimal(e.low()), decimal(e.high()),
                    metric.unit());
        };
    }

    /** The metric's row label: "Throughput", "p95 latency", ... */
    public static String label(Metric metric) {
        return switch (metric) {
            case THROUGHPUT_TPS -> "Throughput";
            case LATENCY_P50_MS -> "p50 latency";
            case LATENCY_P95_MS -> "p95 latency";
            case BUFFER_HIT_RATIO -> "shared_buffers hit ratio";
            case OS_CACHE_HIT_RATIO -> "OS cache hit ratio";
            case TEMP_BYTES_PER_SEC -> "Temp spills";
            case CHECKPOINT_WRITE_BYTES_PER_SEC -> "Checkpoint writes";
            case WAL_BYTES_PER_SEC -> "WAL rate";
            case PEAK_MEMORY_BYTES -> "Peak memory";
            case OUT_OF_MEMORY_RISK -> "Out-of-memory risk";
            case CONNECTION_SATURATION -> "Connection saturation";
        };
    }

    private static String bytesRange(Estimate e, String suffix) {
        double unit = unitOf(Math.max(Math.abs(e.mean()), Math.abs(e.high())));
        String name = unitName(unit);
        return sized(e.mean(), unit) + " " + name + suffix + " [" + sized(e.low(), unit) + "–" + sized(e.high(), unit) + "]";
    }

    private static double unitOf(double bytes) {
        return bytes >= TB ? TB : bytes >= GB ? GB : bytes >= MB ? MB : bytes >= KB ? KB : 1;
    }

    private static String unitName(double unit) {
        return unit == TB ? "TB" : unit == GB ? "GB" : unit == MB ? "MB" : unit == KB ? "KB" : "B";
    }

    private static String sized(double bytes, double unit) {
        double v = bytes / unit;
        return Math.abs(v) >= 100 || unit == 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** "1,240"; below 10 one decimal ("4.2"). */
    static String count(double v) {
        return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** "12.4"; from 100 on no decimal. */
    static String decimal(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percent(double share) {
        return percentNumber(share) + "%";
    }

    private static String percentNumber(double share) {
        double p = share * 100;
        // hit ratios live above 90%, where 97.1 and 97.9 differ; risks below 10%, where 0.4 and 4 do
        return p >= 90 || p < 10 && p != 0 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p);
    }

    /** A size as a DBA writes it in postgresql.conf: "4GB", "256MB", "1.5GB", "64kB". */
    public static String bytesSetting(double bytes) {
        for (double unit : new double[] {TB, GB, MB}) {
            if (bytes >= unit) {
                double v = bytes / unit;
                String n = Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                        : String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
                return n + unitName(unit);
            }
        }
        return Math.round(bytes / KB) + "kB";
    }

    /** A setting's value in its unit as postgresql.conf would take it. */
    public static String setting(String unit, double value) {
        return switch (unit) {
            case "bytes" -> bytesSetting(value);
            case "seconds" -> value >= 60 && value % 60 == 0 ? (long) (value / 60) + "min"
                    : value >= 1 || value == 0 ? trim(value) + "s" : Math.round(value * 1000) + "ms";
            case "boolean" -> value != 0 ? "on" : "off";
            default -> trim(value);
        };
    }

    private static String trim(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Why a number is what it is: each mechanism, its sentence and the inputs it used. */
    public static String explain(Prediction p, Metric metric) {
        List<Explanation> why = p.explain(metric);
        if (why.isEmpty()) {
            return "The model " + p.model() + " gave no explanation for this number.";
        }
        StringBuilder text = new StringBuilder();
        for (Explanation e : why) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(e.mechanism()).append(": ").append(e.text());
            if (!e.inputs().isEmpty()) {
                text.append("\nInputs: ").append(new java.util.TreeMap<>(e.inputs()).entrySet().stream()
                        .map(i -> i.getKey() + " = " + input(i.getKey(), i.getValue())).collect(Collectors.joining(", ")));
            }
        }
        return text.toString();
    }

    /** An input as a DBA reads it: sizes by name ("…bytes", "…_mem", "shared_buffers") in MB/GB, the rest as numbers. */
    private static String input(String name, double v) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean bytes = n.endsWith("bytes") || n.endsWith("_mem") || n.equals("shared_buffers")
                || n.equals("effective_cache_size") || n.endsWith("wal_size") || n.equals("ram");
        if (bytes && v >= 1024) {
            return WhatIfFormats.bytesSetting(v);
        }
        return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e12 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
