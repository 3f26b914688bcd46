package io.knobwright.simulator.model;

import java.util.Locale;

/**
 * Numbers as a DBA reads them in an explanation: sizes in binary units, times, percentages. Public for the
 * recommender's reasons, which must read the same as the model's explanations.
 */
public final class Text {

    private Text() {
    }

    public static String bytes(double b) {
        double a = Math.abs(b);
        if (a >= 1024.0 * 1024 * 1024 * 1024) {
            return fmt(b / (1024.0 * 1024 * 1024 * 1024)) + " TB";
        }
        if (a >= 1024.0 * 1024 * 1024) {
            return fmt(b / (1024.0 * 1024 * 1024)) + " GB";
        }
        if (a >= 1024.0 * 1024) {
            return fmt(b / (1024.0 * 1024)) + " MB";
        }
        if (a >= 1024) {
            return fmt(b / 1024) + " kB";
        }
        return fmt(b) + " B";
    }

    static String seconds(double s) {
        if (s >= 3600) {
            return fmt(s / 3600) + " h";
        }
        if (s >= 60) {
            return fmt(s / 60) + " min";
        }
        return fmt(s) + " s";
    }

    static String ms(double ms) {
        return ms >= 1000 ? fmt(ms / 1000) + " s" : fmt(ms) + " ms";
    }

    public static String percent(double ratio) {
        double p = ratio * 100;
        return (p != 0 && Math.abs(p) < 1 ? String.format(Locale.ROOT, "%.2f", p) : fmt(p)) + "%";
    }

    /** A setting's value in its natural unit. */
    static String setting(String name, double value) {
        if (name.endsWith("_mem") || name.equals("shared_buffers") || name.endsWith("_size")) {
            return bytes(value);
        }
        if (name.endsWith("_timeout")) {
            return seconds(value);
        }
        return fmt(value);
    }

    /** Three significant digits at most, no trailing zeros. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
        if (s.indexOf('.') >= 0 && s.indexOf('e') < 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }
}
