package io.knobwright.app.ui.workload;

import io.knobwright.app.ui.common.Formats;

import java.util.Locale;

/** Figures of a workload as the tab writes them: "1,240/s", "3.2 ms", "68 %", "4.1 GB"; "—" for what was not measured. */
final class WorkloadFormats {

    private WorkloadFormats() {
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Formats.UNKNOWN;
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A count: "7", "480", "7,084,493". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? Formats.UNKNOWN : number(perSecond) + "/s";
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return Formats.UNKNOWN;
        }
        double p = share * 100;
        // 98.6 % must not read "99 %" where 99 % is a threshold (a hit ratio), nor 0.4 % read "0 %"
        boolean fine = p > 0 && p < 1 || p > 90 && p < 100;
        return (fine ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p)) + " %";
    }

    /** Bytes in binary units; 0 reads "0 B" here (a measured zero), unlike a hardware fact. */
    static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return Formats.UNKNOWN;
        }
        return bytes < 1 ? "0 B" : bytes < 1024 ? String.format(Locale.ROOT, "%.0f B", bytes) : Formats.bytes((long) bytes);
    }

    static String byteRate(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? Formats.UNKNOWN : bytes(bytesPerSecond) + "/s";
    }

    /** Milliseconds as a DBA reads a statement's time: "0.42 ms", "38 ms", "41.0 s", "1.6 min". */
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    /** "Mon 30 Nov 16:00" in the screen's zone. */
    static String when(java.time.Instant at, java.time.ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return Formats.UNKNOWN;
        }
        if (ms >= 3_600_000) {
            return String.format(Locale.ROOT, "%,.1f h", ms / 3_600_000);
        }
        if (ms >= 60_000) {
            return String.format(Locale.ROOT, "%.1f min", ms / 60_000);
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return number(ms) + " ms";
    }

    /** A feature's value with its unit. */
    static String withUnit(double value, String unit) {
        if (Double.isNaN(value)) {
            return Formats.UNKNOWN;
        }
        return switch (unit) {
            case "ms" -> millis(value);
            case "B" -> bytes(value);
            case "" -> percent(value);
            case "/s" -> rate(value);
            default -> number(value) + " " + unit;
        };
    }
}
