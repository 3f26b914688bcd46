package io.knobwright.simulator.recommend;

import java.util.Locale;

/** Numbers as a DBA reads them in a reason: sizes in binary units, percentages, signed changes. */
final class Texts {

    private Texts() {
    }

    static String bytes(double b) {
        double a = Math.abs(b);
        String[] units = {"TB", "GB", "MB", "kB"};
        double[] sizes = {1024.0 * 1024 * 1024 * 1024, 1024.0 * 1024 * 1024, 1024.0 * 1024, 1024};
        for (int i = 0; i < units.length; i++) {
            if (a >= sizes[i]) {
                return number(b / sizes[i]) + " " + units[i];
            }
        }
        return number(b) + " B";
    }

    static String percent(double ratio) {
        double p = ratio * 100;
        return (p != 0 && Math.abs(p) < 1 ? String.format(Locale.ROOT, "%.2f", p) : number(p)) + "%";
    }

    /** "+12%", "-3.5%". */
    static String change(double ratio) {
        return (ratio >= 0 ? "+" : "") + percent(ratio);
    }

    /** "+12% [+4%, +21%]". */
    static String change(io.knobwright.simulator.model.Estimate gain) {
        if (gain.low() == gain.mean() && gain.high() == gain.mean()) {
            return change(gain.mean());
        }
        return change(gain.mean()) + " [" + change(gain.low()) + ", " + change(gain.high()) + "]";
    }

    /** Three significant digits at most, no trailing zeros. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
        if (s.indexOf('.') >= 0 && s.indexOf('e') < 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
